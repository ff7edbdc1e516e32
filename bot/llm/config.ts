import { z } from 'zod';

/** The optional model endpoint: any OpenAI-compatible API (DeepSeek, Qwen compatible mode, Ollama, vLLM, OpenAI). */
export interface LlmConfig {
  /** e.g. https://api.deepseek.com/v1, http://localhost:11434/v1 */
  baseURL: string;
  /** null for endpoints that need none (a local Ollama or vLLM) */
  apiKey: string | null;
  chatModel: string;
  /** dense retrieval is on only when this is set */
  embeddingsModel: string | null;
  /** the limit on all model work for one user turn or one lookup, retries included */
  timeoutMs: number;
}

export const DEFAULT_TIMEOUT_MS = 8000;

/** An .env line like `TONGCE_LLM_MODEL=` means "not set", as it does for every other variable. */
const unsetIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (name: string) =>
  z.preprocess(unsetIfEmpty, z.string({ error: `${name} must be text` }).trim().optional());

const LlmEnv = z
  .object({
    TONGCE_LLM_BASE_URL: z.preprocess(
      unsetIfEmpty,
      z
        .url({ protocol: /^https?$/, error: 'TONGCE_LLM_BASE_URL must be an http(s) URL, e.g. https://api.deepseek.com/v1 or http://localhost:11434/v1' })
        .optional(),
    ),
    TONGCE_LLM_API_KEY: optionalText('TONGCE_LLM_API_KEY'),
    TONGCE_LLM_MODEL: optionalText('TONGCE_LLM_MODEL'),
    TONGCE_EMBEDDINGS_MODEL: optionalText('TONGCE_EMBEDDINGS_MODEL'),
    TONGCE_LLM_TIMEOUT_MS: z.preprocess(
      unsetIfEmpty,
      z.coerce
        .number({ error: 'TONGCE_LLM_TIMEOUT_MS must be a number of milliseconds' })
        .int({ error: 'TONGCE_LLM_TIMEOUT_MS must be a whole number of milliseconds' })
        .min(100, { error: 'TONGCE_LLM_TIMEOUT_MS must be at least 100 (milliseconds)' })
        .max(120_000, { error: 'TONGCE_LLM_TIMEOUT_MS must be at most 120000 (two minutes): a user is waiting' })
        .default(DEFAULT_TIMEOUT_MS),
    ),
  })
  .superRefine((env, ctx) => {
    // half a configuration is a mistake to report, not a reason to run silently without the model
    if (env.TONGCE_LLM_BASE_URL && !env.TONGCE_LLM_MODEL) {
      ctx.addIssue({ code: 'custom', path: ['TONGCE_LLM_MODEL'], message: 'TONGCE_LLM_MODEL is required when TONGCE_LLM_BASE_URL is set' });
    }
    if (!env.TONGCE_LLM_BASE_URL && (env.TONGCE_LLM_MODEL || env.TONGCE_EMBEDDINGS_MODEL)) {
      const name = env.TONGCE_LLM_MODEL ? 'TONGCE_LLM_MODEL' : 'TONGCE_EMBEDDINGS_MODEL';
      ctx.addIssue({ code: 'custom', path: ['TONGCE_LLM_BASE_URL'], message: `TONGCE_LLM_BASE_URL is required when ${name} is set` });
    }
  });

export class LlmConfigError extends Error {
  override name = 'LlmConfigError';
}

/**
 * The model configuration from the environment, or null when no model is configured (the default: Tongce is
 * complete without one). Throws LlmConfigError naming the variable when a value is invalid; the API key's value
 * never appears in a message.
 */
export function llmConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LlmConfig | null {
  const parsed = LlmEnv.safeParse(env);
  if (!parsed.success) throw new LlmConfigError(parsed.error.issues.map((i) => i.message).join('; '));
  const e = parsed.data;
  if (!e.TONGCE_LLM_BASE_URL || !e.TONGCE_LLM_MODEL) return null;
  return {
    baseURL: e.TONGCE_LLM_BASE_URL.replace(/\/+$/u, ''),
    apiKey: e.TONGCE_LLM_API_KEY ?? null,
    chatModel: e.TONGCE_LLM_MODEL,
    embeddingsModel: e.TONGCE_EMBEDDINGS_MODEL ?? null,
    timeoutMs: e.TONGCE_LLM_TIMEOUT_MS,
  };
}
