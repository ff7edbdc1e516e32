import type { LlmConfig } from './config.js';
import { classifyFailure, ModelFailure } from './resilient-call.js';

export interface EndpointCheck {
  /** the endpoint answered (with a model list or a 404 for not having one) */
  reachable: boolean;
  /** whether the endpoint lists the configured models; null when it keeps no list */
  listed: { chat: boolean; embeddings: boolean | null } | null;
  failure: ModelFailure | null;
  ms: number;
}

/**
 * Asks the endpoint once, at startup, for its model list (GET /models: no tokens spent) with the configured key.
 * A refused key, a wrong URL or a model the endpoint does not offer shows here, in one line, rather than as a
 * fallback on every turn.
 */
export async function checkEndpoint(config: LlmConfig, fetchImpl: typeof fetch = fetch): Promise<EndpointCheck> {
  const started = performance.now();
  const signal = AbortSignal.timeout(config.timeoutMs);
  const done = (c: Omit<EndpointCheck, 'ms'>): EndpointCheck => ({ ...c, ms: Math.round(performance.now() - started) });
  try {
    const res = await fetchImpl(`${config.baseURL}/models`, { headers: config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}, signal });
    if (res.status === 404 || res.status === 405) return done({ reachable: true, listed: null, failure: null });
    if (!res.ok) {
      const body = (await res.text()).slice(0, 120).replace(/\s+/gu, ' ');
      const reason = res.status === 429 ? 'rate-limited' : res.status >= 500 ? 'server-error' : 'rejected-request';
      return done({ reachable: res.status === 429, listed: null, failure: new ModelFailure(reason, `${res.status} ${body}`) });
    }
    const list = (await res.json().catch(() => null)) as { data?: Array<{ id?: unknown }> } | null;
    if (!Array.isArray(list?.data)) return done({ reachable: true, listed: null, failure: null });
    const ids = new Set(list.data.map((m) => String(m.id)));
    return done({ reachable: true, listed: { chat: ids.has(config.chatModel), embeddings: config.embeddingsModel ? ids.has(config.embeddingsModel) : null }, failure: null });
  } catch (e) {
    return done({ reachable: false, listed: null, failure: classifyFailure(e, signal).failure });
  }
}

/** The startup line for a check: what is configured, and what to fix if it does not work. */
export function describeCheck(config: LlmConfig, check: EndpointCheck): { level: 'info' | 'warn' | 'error'; message: string } {
  const what = `model ${config.chatModel}${config.embeddingsModel ? ` and embeddings ${config.embeddingsModel}` : ''} at ${config.baseURL}`;
  const fallback = 'answers stay extractive until it is fixed';
  const f = check.failure;
  if (f?.reason === 'rejected-request' && /^40[13]\b/u.test(f.detail)) {
    return { level: 'error', message: `${what}: the endpoint refused the key (${f.detail}); check TONGCE_LLM_API_KEY — ${fallback}` };
  }
  if (f && !check.reachable) return { level: 'error', message: `${what}: unreachable (${f.reason}: ${f.detail}); check TONGCE_LLM_BASE_URL — ${fallback}` };
  if (f) return { level: 'warn', message: `${what}: the model list failed (${f.reason}: ${f.detail})` };
  const missing = check.listed ? [...(check.listed.chat ? [] : [config.chatModel]), ...(check.listed.embeddings === false ? [config.embeddingsModel!] : [])] : [];
  if (missing.length) return { level: 'warn', message: `${what}: reachable, but the endpoint does not list ${missing.join(' or ')}; check TONGCE_LLM_MODEL / TONGCE_EMBEDDINGS_MODEL` };
  return { level: 'info', message: `${what}: reachable (${check.ms} ms)` };
}
