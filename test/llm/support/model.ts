import nock from 'nock';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { LlmConfig } from '../../../bot/llm/config.js';
import type { LlmEvent } from '../../../bot/llm/events.js';
import type { RetryPolicy } from '../../../bot/llm/resilient-call.js';

/** The scripted endpoint every LLM test talks to; nock answers it, nothing leaves the machine. */
export const BASE_URL = 'http://llm.test/v1';

export function testConfig(overrides: Partial<LlmConfig> = {}): LlmConfig {
  return { baseURL: BASE_URL, apiKey: 'test-key', chatModel: 'scripted-chat', embeddingsModel: null, timeoutMs: 600, ...overrides };
}

/** Quick retries: the policy is what is tested, not the waiting. */
export const FAST_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 5, maxDelayMs: 100 };

/** No real network in this file; interceptors left over from one test never answer another. */
export function offline(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());
}

export function recorder(): { events: LlmEvent[]; sink: (e: LlmEvent) => void } {
  const events: LlmEvent[] = [];
  return { events, sink: (e) => events.push(e) };
}

/** The chat-completions endpoint, as nock sees it. */
export const chat = () => nock(BASE_URL).post('/chat/completions');
export const embeddings = () => nock(BASE_URL).post('/embeddings');

/** The messages a chat request carried, joined: what the model was shown. */
export function shownText(body: unknown): string {
  const messages = (body as { messages?: Array<{ content?: unknown }> }).messages ?? [];
  return messages.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n');
}
