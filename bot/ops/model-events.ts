import type { LlmEventSink } from '../llm/events.js';
import type { Logger } from './logger.js';
import type { ServiceMetrics } from './metrics.js';
import { TRANSPORT_FAILURES, type ModelStatus } from './model-status.js';

/**
 * Where the model's events go in the service: counted, kept for /healthz, and logged. A transport failure that
 * repeats what is already known (the startup check found the key refused, the last call could not connect) is
 * logged at debug level, and the model working again is logged once: one clear line for a bad key, not a line
 * per turn. A draft the checks refused is always worth its line — each says what the model got wrong.
 */
export function modelEventSink(log: Logger, metrics: ServiceMetrics, status: ModelStatus): LlmEventSink {
  return (e) => {
    const before = status.of(e.task === 'embeddings' ? 'embeddings' : 'chat');
    metrics.modelCall(e);
    status.record(e);
    const fields = { task: e.task, outcome: e.outcome, ms: Math.round(e.ms), ...(e.reason ? { reason: e.reason, detail: e.detail } : {}) };
    if (e.outcome === 'used') {
      if (before.reachable === false) log.info(fields, `model ${e.task} works again`);
      else log.debug(fields, `model ${e.task} used`);
      return;
    }
    const reason = e.reason ?? 'error';
    const known = TRANSPORT_FAILURES.has(reason) && before.reachable === false && before.lastError?.reason === reason;
    log[known ? 'debug' : 'warn'](fields, `model ${e.task} fell back to the deterministic answer (${reason})`);
  };
}
