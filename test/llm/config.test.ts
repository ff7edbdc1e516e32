import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LlmAssistant, llmAssistantFromEnv } from '../../bot/llm/assistant.js';
import { DEFAULT_TIMEOUT_MS, llmConfigFromEnv, LlmConfigError } from '../../bot/llm/config.js';
import { testKnowledge } from '../helpers/knowledge.js';

const error = (env: NodeJS.ProcessEnv) => {
  try {
    llmConfigFromEnv(env);
  } catch (e) {
    expect(e).toBeInstanceOf(LlmConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a configuration error');
};

describe('LLM configuration from the environment', () => {
  it('is off when nothing is set, and when the variables are blank (.env lines left empty)', () => {
    expect(llmConfigFromEnv({})).toBeNull();
    expect(llmConfigFromEnv({ TONGCE_LLM_BASE_URL: '', TONGCE_LLM_MODEL: ' ', TONGCE_LLM_API_KEY: '', TONGCE_LLM_TIMEOUT_MS: '' })).toBeNull();
  });

  it('reads any OpenAI-compatible endpoint, with the 8 s default limit and an optional key and embeddings model', () => {
    expect(llmConfigFromEnv({ TONGCE_LLM_BASE_URL: 'https://api.deepseek.com/v1/', TONGCE_LLM_MODEL: 'deepseek-chat', TONGCE_LLM_API_KEY: 'sk-x' })).toEqual({
      baseURL: 'https://api.deepseek.com/v1',
      apiKey: 'sk-x',
      chatModel: 'deepseek-chat',
      embeddingsModel: null,
      timeoutMs: DEFAULT_TIMEOUT_MS,
    });
    expect(
      llmConfigFromEnv({ TONGCE_LLM_BASE_URL: 'http://localhost:11434/v1', TONGCE_LLM_MODEL: 'qwen2.5:7b', TONGCE_EMBEDDINGS_MODEL: 'bge-m3', TONGCE_LLM_TIMEOUT_MS: '3000' }),
    ).toEqual({ baseURL: 'http://localhost:11434/v1', apiKey: null, chatModel: 'qwen2.5:7b', embeddingsModel: 'bge-m3', timeoutMs: 3000 });
  });

  it('names the variable that is wrong', () => {
    const base = { TONGCE_LLM_BASE_URL: 'https://dashscope.aliyuncs.com/compatible-mode/v1', TONGCE_LLM_MODEL: 'qwen-plus' };
    expect(error({ ...base, TONGCE_LLM_BASE_URL: 'dashscope' })).toMatch(/^TONGCE_LLM_BASE_URL must be an http\(s\) URL/u);
    expect(error({ ...base, TONGCE_LLM_BASE_URL: 'ftp://x.example/v1' })).toMatch(/TONGCE_LLM_BASE_URL/u);
    expect(error({ ...base, TONGCE_LLM_TIMEOUT_MS: 'soon' })).toMatch(/TONGCE_LLM_TIMEOUT_MS must be a number/u);
    expect(error({ ...base, TONGCE_LLM_TIMEOUT_MS: '2.5' })).toMatch(/TONGCE_LLM_TIMEOUT_MS must be a whole number/u);
    expect(error({ ...base, TONGCE_LLM_TIMEOUT_MS: '10' })).toMatch(/TONGCE_LLM_TIMEOUT_MS must be at least 100/u);
    expect(error({ ...base, TONGCE_LLM_TIMEOUT_MS: '600000' })).toMatch(/TONGCE_LLM_TIMEOUT_MS must be at most/u);
  });

  it('reports half a configuration instead of running without the model', () => {
    expect(error({ TONGCE_LLM_BASE_URL: 'http://localhost:8000/v1' })).toBe('TONGCE_LLM_MODEL is required when TONGCE_LLM_BASE_URL is set');
    expect(error({ TONGCE_LLM_MODEL: 'deepseek-chat' })).toBe('TONGCE_LLM_BASE_URL is required when TONGCE_LLM_MODEL is set');
    expect(error({ TONGCE_EMBEDDINGS_MODEL: 'bge-m3' })).toBe('TONGCE_LLM_BASE_URL is required when TONGCE_EMBEDDINGS_MODEL is set');
  });

  it('never repeats the API key in an error', () => {
    const message = error({ TONGCE_LLM_BASE_URL: 'not a url', TONGCE_LLM_MODEL: 'm', TONGCE_LLM_API_KEY: 'sk-secret-123' });
    expect(message).not.toContain('sk-secret-123');
  });
});

describe('the assistant from the environment', () => {
  const knowledge = testKnowledge();
  const dataDir = mkdtempSync(join(tmpdir(), 'tongce-llm-env-'));

  it('is null with no model configured, so nothing changes', () => {
    expect(llmAssistantFromEnv({ knowledge, dataDir }, {})).toBeNull();
  });

  it('is built from a configured endpoint without contacting it', () => {
    const assistant = llmAssistantFromEnv({ knowledge, dataDir }, { TONGCE_LLM_BASE_URL: 'http://localhost:11434/v1', TONGCE_LLM_MODEL: 'qwen2.5:7b', TONGCE_LLM_TIMEOUT_MS: '2500' });
    expect(assistant).toBeInstanceOf(LlmAssistant);
    expect(assistant!.timeoutMs).toBe(2500);
    assistant!.close();
  });
});
