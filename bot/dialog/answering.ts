import { evaluate } from '../../rules/evaluate.js';
import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import type { Facts } from '../../rules/facts/schema.js';
import type { AskWhy, Reading } from '../understand/reading.js';
import { proceed, reask } from './asking.js';
import { factsIn, programmesOf, type Ctx } from './context.js';
import { showValue, validationProblem, withFact } from './facts.js';
import { expectation, interpretAnswer } from './interpret.js';
import { readAsAnswer } from './intents.js';
import { propose } from './proposals.js';
import { say, type TextKey } from './texts.js';

/** After this many answers to one question are not understood, skipping and a person are offered. */
const MAX_ATTEMPTS = 3;

export function recordAnswer(ctx: Ctx, path: FactPath, value: unknown): string | null {
  const next = withFact(ctx.facts, path, value);
  const problem = validationProblem(next, ctx.deps.today(), ctx.lang);
  if (problem) return problem;
  ctx.facts = next;
  return null;
}

export function notUnderstood(ctx: Ctx, expected: string): void {
  const pending = ctx.state.pending!;
  const attempts = pending.attempts + 1;
  ctx.state = { ...ctx.state, pending: { ...pending, attempts } };
  if (attempts >= MAX_ATTEMPTS) {
    ctx.out.push({
      text: `${say(ctx.lang, 'notUnderstood', { expected })}\n${say(ctx.lang, 'stuck')}`,
      buttons: [{ label: say(ctx.lang, 'skipButton'), action: 'skip' }, { label: say(ctx.lang, 'menuHuman'), action: 'human' }],
    });
    return;
  }
  reask(ctx, say(ctx.lang, 'notUnderstood', { expected }));
}

export function skipPending(ctx: Ctx): void {
  const pending = ctx.state.pending!;
  ctx.state = { ...ctx.state, skipped: [...ctx.state.skipped, pending.fact] };
  ctx.out.push({ text: say(ctx.lang, 'skipped') });
  proceed(ctx);
}

function recordOrReask(ctx: Ctx, path: FactPath, value: unknown, note?: string): void {
  const problem = recordAnswer(ctx, path, value);
  if (problem) return notUnderstood(ctx, say(ctx.lang, 'invalid', { reason: problem }));
  if (note) ctx.out.push({ text: note });
  proceed(ctx);
}

/** What the rules make of the programmes in play with one more value: outcomes, every condition's status, what is still missing. */
function footprint(ctx: Ctx, path: FactPath, value: unknown): string | null {
  const facts = withFact(ctx.facts, path, value);
  if (validationProblem(facts, ctx.deps.today(), ctx.lang)) return null;
  const e = evaluate(facts as Facts, ctx.deps.today(), programmesOf(ctx));
  return JSON.stringify(
    e.programmes
      .filter((p) => ctx.state.programmes.includes(p.id))
      .map((p) => [p.outcome, p.conditions.map((c) => c.status), [...p.missingFacts].sort()]),
  );
}

/** Both ends of an imprecise answer lead the rules to the same place: the answer is precise enough. */
function endsAgree(ctx: Ctx, path: FactPath, low: unknown, high: unknown): boolean {
  const a = footprint(ctx, path, low);
  return a !== null && a === footprint(ctx, path, high);
}

/** Both ends of a range decide every programme in play, the same way. */
function rangeDecides(ctx: Ctx, path: FactPath, low: number, high: number): boolean {
  const outcomes = (v: number) => {
    const facts = withFact(ctx.facts, path, v);
    if (validationProblem(facts, ctx.deps.today(), ctx.lang)) return null;
    const e = evaluate(facts as Facts, ctx.deps.today(), programmesOf(ctx));
    const inPlay = e.programmes.filter((p) => ctx.state.programmes.includes(p.id));
    return inPlay.every((p) => p.outcome !== 'undetermined') ? JSON.stringify(inPlay.map((p) => p.outcome)) : null;
  };
  const a = outcomes(low);
  return a !== null && a === outcomes(high);
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

const ASK_TEXT: Record<AskWhy, TextKey> = {
  vague: 'askVague',
  which: 'askWhich',
  share: 'askShare',
  'part-time': 'askPartTime',
  'not registered': 'askNotRegistered',
  'ambiguous date': 'askAmbiguousDate',
  'which region': 'askWhichRegion',
  unit: 'askUnit',
  fraction: 'askFraction',
  year: 'askYear',
};

/** Acts on what an answer to the pending question says. */
function onReading(ctx: Ctx, path: FactPath, reading: Reading): void {
  const info = describeFact(path);
  switch (reading.kind) {
    case 'value':
      return recordOrReask(ctx, path, reading.value);
    case 'unknown':
      return skipPending(ctx);
    case 'none':
      // a figure that does not exist is none of it; anything else stays unknown
      if (info.kind === 'number') return recordOrReask(ctx, path, 0, say(ctx.lang, 'recordedNone', { value: showValue(path, 0, ctx.lang) }));
      return skipPending(ctx);
    case 'guess':
      return propose(ctx, [{ path, value: reading.value, evidence: '' }]);
    case 'range':
      if (rangeDecides(ctx, path, reading.low, reading.high)) {
        return recordOrReask(ctx, path, reading.low, say(ctx.lang, 'rangeEnough', { low: reading.low, high: reading.high, value: showValue(path, reading.low, ctx.lang) }));
      }
      return notUnderstood(ctx, say(ctx.lang, 'rangeNeedsFigure', { low: reading.low, high: reading.high }));
    case 'month': {
      const first = `${reading.year}-${pad(reading.month)}-01`;
      if (endsAgree(ctx, path, first, lastDay(reading.year, reading.month))) {
        return recordOrReask(ctx, path, first, say(ctx.lang, 'monthEnough', { year: reading.year, month: reading.month }));
      }
      return notUnderstood(ctx, say(ctx.lang, 'partialDate', { year: reading.year }));
    }
    case 'year': {
      const first = `${reading.year}-01-01`;
      if (endsAgree(ctx, path, first, `${reading.year}-12-31`)) {
        return recordOrReask(ctx, path, first, say(ctx.lang, 'yearEnough', { year: reading.year }));
      }
      return notUnderstood(ctx, say(ctx.lang, 'partialDate', { year: reading.year }));
    }
    case 'ask':
      return notUnderstood(ctx, `${say(ctx.lang, ASK_TEXT[reading.why])}${expectation(path, ctx.lang)}`);
    case 'reject':
      return notUnderstood(ctx, expectation(path, ctx.lang));
  }
}

/**
 * An answer to the pending question. Several facts in it (or a fact other than the one asked) are confirmed
 * before use. False when the text is no answer at all (or, for a message that is also a question, holds no value),
 * so the caller can treat it as a question.
 */
export function answerPending(ctx: Ctx, text: string, alsoAQuestion = false): boolean {
  const pending = ctx.state.pending!;
  const found = factsIn(ctx, text);
  if (found.length > 1 || (found.length === 1 && found[0]!.path !== pending.fact)) {
    propose(ctx, found);
    return true;
  }
  const reading = interpretAnswer(pending.fact, text, ctx.lang, ctx.deps.today());
  if (!readAsAnswer(reading.kind, alsoAQuestion, text) || reading.kind === 'unclear') return false;
  onReading(ctx, pending.fact, reading);
  return true;
}

/** An answer the dialog cannot use: said so, with what is expected. */
export function refuseAnswer(ctx: Ctx): void {
  notUnderstood(ctx, expectation(ctx.state.pending!.fact, ctx.lang));
}
