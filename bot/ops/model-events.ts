import type { LlmEventSink, LlmTask } from '../llm/events.js';
import type { FailureReason } from '../llm/resilient-call.js';
import type { Logger } from './logger.js';
import type { ServiceMetrics } from './metrics.js';
import { TRANSPORT_FAILURES, type ModelStatus } from './model-status.js';

/**
 * Where the model's events go in the service: counted, kept for /healthz, and logged. A transport failure that
 * repeats (a bad key, an endpoint that is down) is logged once as a warning and then at debug level until the
 * model works again, which is logged too: one clear line, not a line per turn. A draft the checks refused is
 * always worth its line — each says what the model got wrong.
 */
export function modelEventSink(log: Logger, metrics: ServiceMetrics, status: ModelStatus): LlmEventSink {
  const failing = new Map<LlmTask, FailureReason>();
  return (e) => {
    metrics.modelCall(e);
    status.record(e);
    const fields = { task: e.task, outcome: e.outcome, ms: Math.round(e.ms), ...(e.reason ? { reason: e.reason, detail: e.detail } : {}) };
    if (e.outcome === 'used') {
      if (failing.delete(e.task)) log.info(fields, `model ${e.task} works again`);
      else log.debug(fields, `model ${e.task} used`);
      return;
    }
    const reason = e.reason ?? 'error';
    const repeated = TRANSPORT_FAILURES.has(reason) && failing.get(e.task) === reason;
    if (TRANSPORT_FAILURES.has(reason)) failing.set(e.task, reason);
    log[repeated ? 'debug' : 'warn'](fields, `model ${e.task} fell back to the deterministic answer (${reason})`);
  };
}
