import { basename } from 'node:path';
import type { Knowledge } from '../../knowledge/index.js';
import type { Conversations } from '../conversation.js';
import type { ModelHealth, ModelStatus } from './model-status.js';

/** One part of the service as /healthz reports it; `required` ones being down make the whole service down. */
export interface ComponentHealth {
  ok: boolean;
  required: boolean;
  [detail: string]: unknown;
}

export interface HealthReport {
  status: 200 | 503;
  body: { ok: boolean; components: Record<string, ComponentHealth> };
}

export interface HealthSources {
  conversations: Conversations;
  knowledge: Knowledge;
  /** null when no model is configured */
  models: ModelStatus | null;
  endpoint: string | null;
  telegram: { configured: boolean; webhookSecret: boolean };
}

const problem = (e: unknown) => (e instanceof Error ? e.message : String(e));

function check(required: boolean, probe: () => Record<string, unknown>): ComponentHealth {
  try {
    return { ok: true, required, ...probe() };
  } catch (e) {
    return { ok: false, required, error: problem(e) };
  }
}

/**
 * Models are never required: without them every answer is the deterministic one. They are reported "ok" unless
 * the last call could not reach them, so an operator sees a bad key or a dead endpoint without a failing probe.
 */
function model(health: ModelHealth | null, endpoint: string | null): ComponentHealth {
  if (!health || !health.configured) return { ok: true, required: false, configured: false };
  return { ok: health.reachable !== false, required: false, endpoint, ...health };
}

/**
 * The service's health, component by component: the conversations database and the knowledge index must work
 * (each is queried); Telegram, when configured, must be able to accept its webhook; the models are reported.
 */
export function healthReport(s: HealthSources): HealthReport {
  const components: Record<string, ComponentHealth> = {
    database: check(true, () => ({ openTickets: s.conversations.tickets.list('open').length })),
    knowledge: check(true, () => {
      const store = s.knowledge.store;
      store.journalMode();
      if (store.clauseCount === 0) throw new Error('the index holds no clauses');
      return { version: basename(store.path).replace(/^knowledge-|\.db$/gu, ''), documents: store.documents.size, clauses: store.clauseCount };
    }),
    model: model(s.models?.of('chat') ?? null, s.endpoint),
    embeddings: model(s.models?.of('embeddings') ?? null, s.endpoint),
    telegram: s.telegram.configured
      ? { ok: s.telegram.webhookSecret, required: true, configured: true, ...(s.telegram.webhookSecret ? {} : { error: 'TELEGRAM_WEBHOOK_SECRET is not set: every webhook call is refused' }) }
      : { ok: true, required: false, configured: false },
  };
  const ok = Object.values(components).every((c) => c.ok || !c.required);
  return { status: ok ? 200 : 503, body: { ok, components } };
}
