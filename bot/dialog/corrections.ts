import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import { readCorrection } from '../understand/corrections.js';
import type { Reading } from '../understand/reading.js';
import { proceed, reask } from './asking.js';
import type { Ctx } from './context.js';
import { factValue, labelOf, showValue, validationProblem, withFact, withoutFact } from './facts.js';
import type { FactChange } from './state.js';
import { say } from './texts.js';

/** The value a correction's words give for its fact; a year or month alone keeps what was recorded before of the date. */
function correctedValue(ctx: Ctx, path: FactPath, reading: Reading): unknown {
  if (reading.kind === 'value') return reading.value;
  const old = factValue(ctx.facts, path);
  const oldDate = typeof old === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(old) ? old : null;
  if (reading.kind === 'year' && oldDate) return `${reading.year}${oldDate.slice(4)}`;
  if (reading.kind === 'month' && oldDate) return `${reading.year}-${String(reading.month).padStart(2, '0')}${oldDate.slice(7)}`;
  // "没有" for a figure: there is none of it
  if (reading.kind === 'none' && describeFact(path).kind === 'number') return 0;
  return undefined;
}

function shown(ctx: Ctx, change: FactChange, value: unknown, had: boolean): string {
  return had ? showValue(change.path, value, ctx.lang) : say(ctx.lang, 'notGiven');
}

function changeLine(ctx: Ctx, c: FactChange): string {
  return `${labelOf(c.path, ctx.lang)}：${shown(ctx, c, c.before, c.had)} → ${showValue(c.path, c.after, ctx.lang)}`;
}

/** Goes on with the check after facts changed: a fact skipped before and now given is no longer skipped. */
function resume(ctx: Ctx, paths: string[]): void {
  if (ctx.state.mode === 'idle' && ctx.state.asked === 0) return;
  ctx.state = { ...ctx.state, skipped: ctx.state.skipped.filter((f) => !paths.includes(f)) };
  if (ctx.state.mode === 'collecting' || ctx.state.mode === 'idle') proceed(ctx);
}

/**
 * "刚才去年营收说错了，是2500万": the fact the message names takes the new value, shown as 旧值 → 新值 with 撤销.
 * A correction that does not name its fact, names several, or gives a value that does not fit changes nothing
 * and asks which — it is never applied to the question pending.
 */
export function correct(ctx: Ctx, text: string): void {
  const reading = readCorrection(text, { today: ctx.deps.today(), known: ctx.facts });
  if (reading.kind === 'which') {
    const key = reading.reason === 'which year' ? 'correctionWhichYear' : 'correctionUnclear';
    ctx.out.push({ text: say(ctx.lang, key, { fact: reading.key ? labelOf(reading.key, ctx.lang) : '' }) });
    return reask(ctx);
  }
  const value = correctedValue(ctx, reading.path, reading.reading);
  if (value === undefined) {
    ctx.out.push({ text: say(ctx.lang, 'correctionValueUnclear', { fact: labelOf(reading.path, ctx.lang) }) });
    return reask(ctx);
  }
  const next = withFact(ctx.facts, reading.path, value);
  const problem = validationProblem(next, ctx.deps.today(), ctx.lang);
  if (problem) {
    ctx.out.push({ text: `${labelOf(reading.path, ctx.lang)}：${say(ctx.lang, 'invalid', { reason: problem })}` });
    return reask(ctx);
  }
  const before = factValue(ctx.facts, reading.path);
  const change: FactChange = { path: reading.path, had: before !== undefined, ...(before !== undefined ? { before } : {}), after: value };
  ctx.facts = next;
  ctx.state = { ...ctx.state, lastCorrection: [change] };
  ctx.out.push({ text: say(ctx.lang, 'corrected', { list: changeLine(ctx, change) }), buttons: [{ label: say(ctx.lang, 'undoButton'), action: 'undo' }] });
  resume(ctx, [reading.path]);
}

/** 撤销: the last correction's facts go back exactly to what they were, if nothing changed them since. */
export function undoCorrection(ctx: Ctx): void {
  const changes = ctx.state.lastCorrection ?? [];
  const stillAsCorrected = changes.every((c) => JSON.stringify(factValue(ctx.facts, c.path)) === JSON.stringify(c.after));
  if (changes.length === 0 || !stillAsCorrected) {
    ctx.out.push({ text: say(ctx.lang, 'nothingToUndo') });
    return reask(ctx);
  }
  for (const c of changes) ctx.facts = c.had ? withFact(ctx.facts, c.path, c.before) : withoutFact(ctx.facts, c.path);
  ctx.state = { ...ctx.state, lastCorrection: null };
  ctx.out.push({ text: say(ctx.lang, 'undone', { list: changes.map((c) => `${labelOf(c.path, ctx.lang)}：${shown(ctx, c, c.before, c.had)}`).join('；') }) });
  resume(ctx, []);
}
