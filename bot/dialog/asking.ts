import { evaluate } from '../../rules/evaluate.js';
import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import { toJson } from '../../rules/present/to-json.js';
import { profile, programmesOf, type Ctx } from './context.js';
import { factValue } from './facts.js';
import type { Button, Message } from './message.js';
import { gateFirst, questionsLeft } from './question-order.js';
import { say } from './texts.js';
import { verdictMessages } from './verdict.js';

/** The facts still worth asking, best first, for the programmes in play, minus skipped ones. */
export function askable(ctx: Ctx, evaluation: ReturnType<typeof evaluate>): FactPath[] {
  const inPlay = evaluation.programmes.filter((p) => ctx.state.programmes.includes(p.id) && p.outcome === 'undetermined');
  const wanted = new Set(inPlay.flatMap((p) => p.missingFacts));
  // a fact already given is never asked again, whatever a rule still lists: asking it again could not end
  return gateFirst(evaluation.missingFacts.filter((f) => wanted.has(f) && !ctx.state.skipped.includes(f) && factValue(ctx.facts, f) === undefined));
}

function askMessage(ctx: Ctx, path: FactPath, remaining: number): Message {
  // a question about a period names its dates ("2025年1月1日至今") from the evaluation date
  const info = describeFact(path, ctx.deps.today());
  const { lang } = ctx;
  const question = lang === 'zh' ? info.question : `${info.labelEn}${info.year ? ` (${info.year})` : ''}?`;
  const unit = info.unit && info.unit !== '项' ? `${say(lang, 'unit', { unit: info.unit })}；` : '';
  const left = questionsLeft(programmesOf(ctx), ctx.state.programmes, ctx.state.asked, remaining);
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
  ctx.out.push(...verdictMessages(toJson(evaluation, ctx.deps.knowledge.resolve), ctx.state.programmes, ctx.lang));
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
  ctx.state = { ...ctx.state, programmes: chosen, skipped: [], asked: 0, pending: null, mode: 'collecting' };
  // the Chinese names in either language, as the check has always been announced
  const names = chosen.map((id) => registry.byId(id)?.name.zh ?? id).join('、');
  ctx.out.push({ text: say(ctx.lang, 'checkStart', { programmes: names }) });
  proceed(ctx);
}
