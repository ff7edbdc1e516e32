import { describe, expect, it } from 'vitest';
import { callWithRetry, classifyFailure, ModelFailure } from '../../bot/llm/resilient-call.js';

const POLICY = { attempts: 3, baseDelayMs: 1, maxDelayMs: 50 };
const httpError = (status: number, headers: Record<string, string> = {}) => Object.assign(new Error(`HTTP ${status}`), { status, headers: new Headers(headers) });

/** A call that fails with each error in turn, then succeeds; counts its attempts. */
function flaky(errors: unknown[]) {
  let calls = 0;
  return {
    get calls() { return calls; },
    call: async () => {
      const e = errors[calls++];
      if (e) throw e;
      return 'ok';
    },
  };
}

const failureOf = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ModelFailure);
  return e as ModelFailure;
};

describe('calling the model with retries under one deadline', () => {
  it('retries rate limits, server errors and dropped connections, then succeeds', async () => {
    const f = flaky([httpError(429), httpError(503)]);
    await expect(callWithRetry(f.call, AbortSignal.timeout(5000), POLICY)).resolves.toBe('ok');
    expect(f.calls).toBe(3);
    const g = flaky([new TypeError('fetch failed')]);
    await expect(callWithRetry(g.call, AbortSignal.timeout(5000), POLICY)).resolves.toBe('ok');
  });

  it('retries a connection the peer reset, as the SDK and fetch report it', async () => {
    class APIConnectionError extends Error {}
    const sdk = new APIConnectionError('Connection error.', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    const undici = new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    const f = flaky([sdk, undici]);
    await expect(callWithRetry(f.call, AbortSignal.timeout(5000), POLICY)).resolves.toBe('ok');
    expect(f.calls).toBe(3);
    expect(classifyFailure(sdk, new AbortController().signal).failure.detail).toMatch(/^ECONNRESET/u);
  });

  it('gives up after the last attempt with the reason', async () => {
    const f = flaky([httpError(500), httpError(502), httpError(500), httpError(500)]);
    expect((await failureOf(callWithRetry(f.call, AbortSignal.timeout(5000), POLICY))).reason).toBe('server-error');
    expect(f.calls).toBe(3);
  });

  it('does not wait for a Retry-After longer than it would ever wait', async () => {
    const f = flaky([httpError(429, { 'retry-after': '30' })]);
    expect((await failureOf(callWithRetry(f.call, AbortSignal.timeout(5000), POLICY))).reason).toBe('rate-limited');
    expect(f.calls).toBe(1);
  });

  it('honours a short Retry-After', async () => {
    const f = flaky([httpError(429, { 'retry-after-ms': '5' })]);
    await expect(callWithRetry(f.call, AbortSignal.timeout(5000), POLICY)).resolves.toBe('ok');
  });

  it('does not retry a request the endpoint rejects, or output that is malformed', async () => {
    const f = flaky([httpError(400)]);
    expect((await failureOf(callWithRetry(f.call, AbortSignal.timeout(5000), POLICY))).reason).toBe('rejected-request');
    expect(f.calls).toBe(1);
    const g = flaky([Object.assign(new Error('bad json'), { lc_error_code: 'OUTPUT_PARSING_FAILURE' })]);
    expect((await failureOf(callWithRetry(g.call, AbortSignal.timeout(5000), POLICY))).reason).toBe('malformed');
    expect(g.calls).toBe(1);
  });

  it('stops at the deadline even when the call itself never settles', async () => {
    const never = () => new Promise<string>(() => {});
    expect((await failureOf(callWithRetry(never, AbortSignal.timeout(50), POLICY))).reason).toBe('timeout');
  });

  it('stops at the deadline during a backoff pause', async () => {
    const f = flaky([httpError(503), httpError(503)]);
    const slow = { attempts: 3, baseDelayMs: 10_000, maxDelayMs: 10_000 };
    expect((await failureOf(callWithRetry(f.call, AbortSignal.timeout(50), slow))).reason).toBe('timeout');
    expect(f.calls).toBe(1);
  });

  it('classifies an aborted call as a timeout whatever the error says', () => {
    const aborted = AbortSignal.abort();
    expect(classifyFailure(httpError(500), aborted).failure.reason).toBe('timeout');
  });
});
