import type { AskResult, Knowledge } from '../../knowledge/index.js';
import type { RetrieveOptions } from '../../knowledge/search/retrieve.js';
import { respond, type DialogDeps } from '../dialog/engine.js';
import type { FactsRecord } from '../dialog/facts.js';
import type { Input } from '../dialog/message.js';
import type { DialogState } from '../dialog/state.js';
import type { Proposal } from '../understand/extract.js';
import { wantsModelFacts } from './facts-gate.js';

/** What a turn may take from the model: the dialog's own hooks, filled in before it runs. */
export type TurnAids = Partial<Pick<DialogDeps, 'knowledge' | 'llmFacts'>>;

/** How Conversations.handleAsync asks for them. */
export interface TurnPreparer {
  prepareTurn(input: Input, session: { state: DialogState; facts: FactsRecord }, deps: DialogDeps): Promise<TurnAids>;
}

/** The model work a turn can use; each call settles in time and never throws (a failure gives [] or null). */
export interface TurnModel {
  timeoutMs: number;
  proposeFacts(text: string, today: string, signal: AbortSignal): Promise<Proposal[]>;
  groundedAnswer(question: string, options: RetrieveOptions, today: string, signal: AbortSignal): Promise<AskResult | null>;
}

const askKey = (question: string, options: RetrieveOptions | undefined) => `${options?.jurisdiction ?? ''}\u0000${question}`;

/**
 * Does, before a turn, the model work the turn will want. The turn is synchronous (it runs inside the session's
 * transaction), so it is first run dry — same input, same session, nothing stored — to learn which messages it
 * would read facts from and which questions it would look up. Those calls then go to the model together, under
 * one time limit; what comes back in time is handed to the real turn through the dialog's hooks, and anything
 * else (or a session that moved meanwhile) meets the deterministic path it would have taken anyway.
 */
export async function prepareTurn(
  model: TurnModel,
  input: Input,
  session: { state: DialogState; facts: FactsRecord },
  deps: DialogDeps,
): Promise<TurnAids> {
  if (typeof input.text !== 'string' || input.text.trim() === '') return {};
  const factTexts = new Map<string, Proposal[]>();
  const lookups = new Map<string, { question: string; options: RetrieveOptions }>();
  const recording: Knowledge = {
    ...deps.knowledge,
    ask: (question, options) => {
      lookups.set(askKey(question, options), { question, options: { jurisdiction: options?.jurisdiction ?? null } });
      return deps.knowledge.ask(question, options);
    },
  };
  const pending = session.state.mode === 'collecting' && session.state.pending ? { fact: session.state.pending.fact, lang: session.state.lang } : null;
  respond(input, session, {
    knowledge: recording,
    today: deps.today,
    ...(deps.triage ? { triage: deps.triage } : {}),
    llmFacts: (text, found) => {
      if (wantsModelFacts(text, found, pending)) factTexts.set(text, []);
      return [];
    },
  });
  if (factTexts.size === 0 && lookups.size === 0) return {};

  const today = deps.today();
  const signal = AbortSignal.timeout(model.timeoutMs);
  const answers = new Map<string, AskResult>();
  await Promise.all([
    ...[...factTexts.keys()].map(async (text) => factTexts.set(text, await model.proposeFacts(text, today, signal))),
    ...[...lookups].map(async ([key, { question, options }]) => {
      const answer = await model.groundedAnswer(question, options, today, signal);
      if (answer) answers.set(key, answer);
    }),
  ]);

  return {
    llmFacts: (text) => factTexts.get(text) ?? [],
    ...(answers.size > 0
      ? { knowledge: { ...deps.knowledge, ask: (question, options) => answers.get(askKey(question, options)) ?? deps.knowledge.ask(question, options) } }
      : {}),
  };
}
