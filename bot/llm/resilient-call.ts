/** Why a model's contribution was not used; every one of them ends in the deterministic answer. */
export type FailureReason =
  | 'timeout'
  | 'rate-limited'
  | 'server-error'
  | 'connection'
  | 'rejected-request'
  | 'malformed'
  | 'html-reply'
  | 'refused'
  | 'unverified'
  | 'error';

export class ModelFailure extends Error {
  override name = 'ModelFailure';
  constructor(readonly reason: FailureReason, readonly detail: string) {
    super(`${reason}: ${detail}`);
  }
}

/** Any error as a ModelFailure, for the log line that explains a fallback. */
export function asModelFailure(e: unknown): ModelFailure {
  return e instanceof ModelFailure ? e : new ModelFailure('error', e instanceof Error ? e.message : String(e));
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  /** a server asking for a longer pause than this is not waited for: the user would be */
  maxDelayMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 200, maxDelayMs: 2000 };

function statusOf(e: unknown): number | null {
  const status = (e as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/** The pause a 429 or 503 asks for (Retry-After in seconds or as a date, or OpenAI's retry-after-ms), if any. */
function retryAfterMs(e: unknown, now = Date.now()): number | null {
  const headers = (e as { headers?: unknown } | null)?.headers;
  if (!(headers instanceof Headers)) return null;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.has('retry-after-ms') && Number.isFinite(ms)) return ms;
  const value = headers.get('retry-after');
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The error and the errors it wraps (`cause`), outermost first: the SDK wraps what the socket reported. */
function causes(e: unknown): unknown[] {
  const out: unknown[] = [];
  for (let c = e; c != null && out.length < 5; c = (c as { cause?: unknown }).cause) out.push(c);
  return out;
}

/** Socket-level failures: the connection was refused, reset or dropped before a reply came. */
const CONNECTION_CODES = /^(?:ECONNRESET|ECONNREFUSED|ECONNABORTED|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ENOTFOUND|UND_ERR_SOCKET|UND_ERR_CLOSED)$/u;

function isConnectionFailure(e: unknown): boolean {
  return causes(e).some((c) => {
    const code = (c as { code?: unknown }).code;
    // the SDK's APIConnectionError reports its name as plain "Error"; its class name is what says it
    const kind = c instanceof Error ? `${c.name} ${c.constructor.name}` : '';
    return (typeof code === 'string' && CONNECTION_CODES.test(code)) || /APIConnectionError/u.test(kind) || (c instanceof TypeError && /fetch failed|terminated/u.test(c.message));
  });
}

/** What went wrong, and whether trying again can help. */
export function classifyFailure(e: unknown, signal: AbortSignal): { failure: ModelFailure; retryable: boolean } {
  const message = e instanceof Error ? e.message.split('\n')[0]!.slice(0, 200) : String(e);
  // ours, possibly wrapped by the SDK (a reply the fetch guard refused)
  const own = causes(e).find((c): c is ModelFailure => c instanceof ModelFailure);
  if (own) return { failure: own, retryable: false };
  const name = e instanceof Error ? e.name : '';
  if (signal.aborted || name === 'TimeoutError' || name === 'AbortError') return { failure: new ModelFailure('timeout', message), retryable: false };
  const status = statusOf(e);
  if (status === 429) return { failure: new ModelFailure('rate-limited', message), retryable: true };
  if (status !== null && status >= 500) return { failure: new ModelFailure('server-error', `${status} ${message}`), retryable: true };
  if (status !== null) return { failure: new ModelFailure('rejected-request', `${status} ${message}`), retryable: false };
  if (isConnectionFailure(e)) {
    // what the socket said (ECONNRESET, "bad port") is the useful part; the wrappers only say "fetch failed"
    const code = causes(e).map((c) => (c as { code?: unknown }).code).find((c) => typeof c === 'string');
    const innermost = causes(e).at(-1);
    const said = innermost instanceof Error && innermost !== e ? innermost.message.slice(0, 120) : null;
    return { failure: new ModelFailure('connection', [code, message, said && said !== message ? `(${said})` : null].filter(Boolean).join(' ')), retryable: true };
  }
  if (name === 'ModelRefusalError') return { failure: new ModelFailure('refused', message), retryable: false };
  const code = (e as { lc_error_code?: unknown } | null)?.lc_error_code;
  if (code === 'OUTPUT_PARSING_FAILURE' || name === 'ZodError' || e instanceof SyntaxError) return { failure: new ModelFailure('malformed', message), retryable: false };
  return { failure: new ModelFailure('error', message), retryable: false };
}

function abortFailure(signal: AbortSignal): ModelFailure {
  return new ModelFailure('timeout', signal.reason instanceof Error ? signal.reason.message : 'the time limit passed');
}

/** Settles with the promise, or rejects as a timeout the moment the signal aborts (some calls take no signal). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortFailure(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortFailure(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
      (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(e); },
    );
  });
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return untilAborted(new Promise<void>((resolve) => setTimeout(resolve, ms).unref()), signal);
}

/**
 * Calls the model, retrying rate limits, server errors and dropped connections with exponential backoff and
 * jitter, all under one deadline (the signal). Anything else (a bad request, malformed output) is not retried:
 * the deterministic answer is ready and the user should not wait for a second guess.
 */
export async function callWithRetry<T>(
  call: (signal: AbortSignal) => Promise<T>,
  signal: AbortSignal,
  policy: RetryPolicy = DEFAULT_RETRY,
  random: () => number = Math.random,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await untilAborted(call(signal), signal);
    } catch (e) {
      const { failure, retryable } = classifyFailure(e, signal);
      if (!retryable || attempt >= policy.attempts) throw failure;
      const asked = retryAfterMs(e);
      if (asked !== null && asked > policy.maxDelayMs) throw failure;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await pause(asked ?? backoff * (0.5 + random() / 2), signal);
    }
  }
}
