import type { FailureReason } from './resilient-call.js';

export type LlmTask = 'facts' | 'answer' | 'embeddings';

/** One piece of model work and how it ended: used, or fallen back from (and why). For logs and benchmarks. */
export interface LlmEvent {
  task: LlmTask;
  outcome: 'used' | 'fallback';
  reason?: FailureReason;
  detail?: string;
  ms: number;
}

export type LlmEventSink = (event: LlmEvent) => void;
