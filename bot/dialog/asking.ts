import { evaluate } from '../../rules/evaluate.js';
import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import { toJson } from '../../rules/present/to-json.js';
import { profile, programmesOf, type Ctx } from './context.js';
import { factValue } from './facts.js';
import type { Button, Message } from './message.js';
import { gateFirst, questionsLeft } from './question-order.js';
import { say } from './texts.js';
import { verdictMessages, type ContinueOffer } from './verdict.js';

type Evaluation = ReturnType<typeof evaluate>;

/** Not asked (again): skipped, or already given — asking a given fact again could not end, whatever a rule still lists. */
const stillOpen = (ctx: Ctx, f: FactPath): boolean => !ctx.state.skipped.includes(f) && factValue(ctx.facts, f) === undefined;

/** A ruled-out programme's facts the user could still give, to know whether its other conditions hold. */
function uncheckedOf(ctx: Ctx, p: Evaluation['programmes'][number]): FactPath[] {
  return p.uncheckedFacts.filter((f) => stillOpen(ctx, f));
}

/**
 * The facts still worth asking, best first, for the programmes in play, minus skipped ones; then, for the ruled-out
 * programmes the user asked to check in full, the facts their other conditions lack.
 */
export function askable(ctx: Ctx, evaluation: Evaluation): FactPath[] {
  const inPlay = evaluation.programmes.filter((p) => ctx.state.programmes.includes(p.id));
  const wanted = new Set(inPlay.filter((p) => p.outcome === 'undetermined').flatMap((p) => p.missingFacts));
  const deciding = gateFirst(evaluation.missingFacts.filter((f) => wanted.has(f) && stillOpen(ctx, f)));
  const inFull = inPlay.filter((p) => ctx.state.checkInFull?.includes(p.id)).flatMap((p) => uncheckedOf(ctx, p));
  return [...new Set([...deciding, ...inFull])];
}

/** The ruled-out programmes shown whose other conditions could still be checked, and were not asked to be: with what they lack. */
function continuable(ctx: Ctx, evaluation: Evaluation): Map<string, FactPath[]> {
  const offers = new Map<string, FactPath[]>();
  for (const p of evaluation.programmes) {
    const lacking = ctx.state.programmes.includes(p.id) && !ctx.state.checkInFull?.includes(p.id) ? uncheckedOf(ctx, p) : [];
    if (lacking.length) offers.set(p.id, lacking);
  }
  return offers;
}

/** The offers to check further, each with the programme's name as the dialog says it. */
function offersOf(ctx: Ctx, evaluation: Evaluation): Map<string, ContinueOffer> {
  return new Map([...continuable(ctx, evaluation)].map(([id, unchecked]) => [id, { name: nameOf(ctx, id), unchecked }]));
}

/** A programme's Chinese name in either language, as a check has always been announced. */
const nameOf = (ctx: Ctx, id: string): string => programmesOf(ctx).byId(id)?.name.zh ?? id;

function askMessage(ctx: Ctx, path: FactPath, remaining: number): Message {
  // a question about a period names its dates ("2025年1月1日至今") from the evaluation date
  const info = describeFact(path, ctx.deps.today());
  const { lang } = ctx;
  const question = lang === 'zh' ? info.question : `${info.labelEn}${info.year ? ` (${info.year})` : ''}?`;
  const unit = info.unit && info.unit !== '项' ? `${say(lang, 'unit', { unit: info.unit })}；` : '';
  // checking a ruled-out programme in full asks what is open, no typical count: that is the honest estimate
  const left = ctx.state.checkInFull?.length ? remaining - 1 : questionsLeft(programmesOf(ctx), ctx.state.programmes, ctx.state.asked, remaining);
  const progress = left > 0 ? say(lang, 'progress', { n: ctx.state.asked, left }) : say(lang, 'progressLast', { n: ctx.state.asked });
  const buttons: Button[] =
    info.kind === 'boolean'
      ? [{ label: say(lang, 'yes'), action: 'answer:true' }, { label: say(lang, 'no'), action: 'answer:false' }]
      : info.kind === 'choice'
        ? (info.choices ?? []).map((c) => ({ label: c.label, action: `answer:${c.value}` }))
        : [];
  buttons.push({ label: say(lang, 'dontKnow'), action: 'skip' });
  return {
    text: `${question}\n${unit}${progress}`,
    buttons,
    ask: { fact: path, kind: info.kind, ...(info.unit ? { unit: info.unit } : {}), ...(info.choices ? { choices: info.choices.map((c) => c.label) } : {}) },
  };
}

/** Asks the next fact, or gives the verdict once every programme in play is decided (or nothing more can be asked). */
export function proceed(ctx: Ctx): void {
  const evaluation = evaluate(profile(ctx), ctx.deps.today(), programmesOf(ctx));
  const open = askable(ctx, evaluation);
  const next = open[0];
  if (next) {
    // asking the same fact again (after a correction, a side question) is not a new question
    const again = ctx.state.pending?.fact === next;
    ctx.state = { ...ctx.state, mode: 'collecting', pending: { fact: next, attempts: again ? ctx.state.pending!.attempts : 0 }, asked: ctx.state.asked + (again ? 0 : 1) };
    ctx.out.push(askMessage(ctx, next, open.length));
    return;
  }
  ctx.state = { ...ctx.state, mode: 'idle', pending: null };
  ctx.out.push(...verdictMessages(toJson(evaluation, ctx.deps.knowledge.resolve), ctx.state.programmes, ctx.lang, offersOf(ctx, evaluation)));
  ctx.out[ctx.out.length - 1]!.buttons = [
    { label: say(ctx.lang, 'restartButton'), action: 'restart' },
    { label: say(ctx.lang, 'showFacts'), action: 'facts' },
    { label: say(ctx.lang, 'menuHuman'), action: 'human' },
  ];
}

/** Asks the pending question again (after a side question, a refusal), with a line before it. */
export function reask(ctx: Ctx, prefix?: string): void {
  const pending = ctx.state.pending;
  if (ctx.state.mode !== 'collecting' || !pending) return;
  const remaining = askable(ctx, evaluate(profile(ctx), ctx.deps.today(), programmesOf(ctx))).length;
  const m = askMessage(ctx, pending.fact, remaining);
  ctx.out.push(prefix ? { ...m, text: `${prefix}\n${m.text}` } : m);
}

/** Starts a check of these programmes (ids of the registry), or of every programme when none is named. */
export function startCheck(ctx: Ctx, programmes: readonly string[]): void {
  const registry = programmesOf(ctx);
  const chosen = programmes.length ? [...programmes] : [...registry.ids];
  ctx.state = { ...ctx.state, programmes: chosen, skipped: [], asked: 0, pending: null, mode: 'collecting', checkInFull: [] };
  ctx.out.push({ text: say(ctx.lang, 'checkStart', { programmes: chosen.map((id) => nameOf(ctx, id)).join('、') }) });
  proceed(ctx);
}

/**
 * 继续核对其他条件: asks what the other conditions of a ruled-out programme lack (of every one offered, when no
 * programme is named), then gives the verdict again. False, with nothing said, when nothing is on offer (a button
 * left over from an earlier verdict, or a 是 that answers no offer): the caller says what fits.
 */
export function continueCheck(ctx: Ctx, programme: string | null): boolean {
  const offered = [...continuable(ctx, evaluate(profile(ctx), ctx.deps.today(), programmesOf(ctx))).keys()];
  const chosen = programme ? offered.filter((p) => p === programme) : offered;
  if (chosen.length === 0) return false;
  ctx.state = { ...ctx.state, checkInFull: [...(ctx.state.checkInFull ?? []), ...chosen], asked: 0, pending: null, mode: 'collecting' };
  ctx.out.push({ text: say(ctx.lang, 'continueStart', { programmes: chosen.map((id) => nameOf(ctx, id)).join('、') }) });
  proceed(ctx);
  return true;
}
