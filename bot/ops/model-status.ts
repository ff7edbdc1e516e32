import type { LlmEvent } from '../llm/events.js';
import type { FailureReason } from '../llm/resilient-call.js';

/** Failures in getting any reply at all, as opposed to a reply the checks refused. */
export const TRANSPORT_FAILURES: ReadonlySet<FailureReason> = new Set<FailureReason>(['timeout', 'rate-limited', 'server-error', 'connection', 'rejected-request', 'html-reply', 'error']);

export interface LastError {
  reason: FailureReason;
  detail: string;
  at: string;
}

/** What /healthz says about a model: configured, reachable as far as anyone knows, and what went wrong last. */
export interface ModelHealth {
  configured: boolean;
  model: string | null;
  /** null until the startup check or a call has said */
  reachable: boolean | null;
  lastError: LastError | null;
  lastUsedAt: string | null;
}

/**
 * The chat model's and the embeddings model's state, from the startup check and every call since: a call that
 * ended in a transport failure (no reply, a refused key) makes the model unreachable until one succeeds; a reply
 * that failed the checks still shows it reachable.
 */
export class ModelStatus {
  private readonly state: Record<'chat' | 'embeddings', ModelHealth>;

  constructor(chatModel: string | null, embeddingsModel: string | null, private readonly now: () => Date = () => new Date()) {
    const initial = (model: string | null): ModelHealth => ({ configured: model !== null, model, reachable: null, lastError: null, lastUsedAt: null });
    this.state = { chat: initial(chatModel), embeddings: initial(embeddingsModel) };
  }

  record(e: LlmEvent): void {
    const s = this.state[e.task === 'embeddings' ? 'embeddings' : 'chat'];
    const at = this.now().toISOString();
    if (e.outcome === 'used') {
      s.reachable = true;
      s.lastUsedAt = at;
      return;
    }
    s.lastError = { reason: e.reason ?? 'error', detail: e.detail ?? '', at };
    s.reachable = !TRANSPORT_FAILURES.has(e.reason ?? 'error');
  }

  /** The startup check (a model list fetched with the key) speaks for both models: they share the endpoint. */
  recordCheck(check: { reachable: boolean; failure: { reason: FailureReason; detail: string } | null }): void {
    const at = this.now().toISOString();
    for (const s of Object.values(this.state)) {
      if (!s.configured) continue;
      s.reachable = check.reachable;
      if (check.failure) s.lastError = { reason: check.failure.reason, detail: check.failure.detail, at };
    }
  }

  of(which: 'chat' | 'embeddings'): ModelHealth {
    return { ...this.state[which] };
  }
}

