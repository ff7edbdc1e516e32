import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { LlmEvent } from '../llm/events.js';
import type { Message } from '../dialog/message.js';

/**
 * What an operator graphs: turns and how long they take, lookups the corpus covered or declined (and who worded
 * them), model calls used or fallen back from by reason, and tickets waiting for a person. One registry per
 * service (not prom-client's global one), so two servers in one process — the tests — do not collide.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly turns = new Counter({ name: 'tongce_turns_total', help: 'Dialog turns handled, by channel', labelNames: ['channel'], registers: [this.registry] });
  private readonly turnSeconds = new Histogram({
    name: 'tongce_turn_duration_seconds',
    help: 'Time to handle one dialog turn (model work included), by channel',
    labelNames: ['channel'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16],
    registers: [this.registry],
  });
  private readonly lookups = new Counter({
    name: 'tongce_lookups_total',
    help: 'Clause lookups answered in a turn: covered (cited answer) or declined (the corpus does not answer it), and who worded them',
    labelNames: ['outcome', 'source'],
    registers: [this.registry],
  });
  private readonly modelCalls = new Counter({
    name: 'tongce_model_calls_total',
    help: 'Model work by task: used, or fallen back from to the deterministic answer (with the reason)',
    labelNames: ['task', 'outcome', 'reason'],
    registers: [this.registry],
  });

  constructor(openTickets: () => number) {
    new Gauge({
      name: 'tongce_tickets_open',
      help: 'Handoff tickets open, waiting for a person',
      registers: [this.registry],
      collect() {
        this.set(openTickets());
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'tongce_' });
  }

  /**
   * One turn and its replies. A reply that carries `source` answers a lookup; one the corpus does not cover
   * offers the menu instead of standing alone (dialog engine, lookup), which is how a declined one is told apart.
   */
  turn(channel: string, seconds: number, messages: Message[]): void {
    this.turns.inc({ channel });
    this.turnSeconds.observe({ channel }, seconds);
    for (const m of messages) {
      if (!m.source) continue;
      this.lookups.inc({ outcome: m.buttons?.length ? 'declined' : 'covered', source: m.source });
    }
  }

  modelCall(e: LlmEvent): void {
    this.modelCalls.inc({ task: e.task, outcome: e.outcome, reason: e.reason ?? '' });
  }

  /** The Prometheus text exposition of everything above. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
