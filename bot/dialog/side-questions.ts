import type { Ctx } from './context.js';
import { menuButtons } from './context.js';
import { say } from './texts.js';

function jurisdictionOf(ctx: Ctx): string | null {
  const region = ctx.facts.region;
  return typeof region === 'string' && region !== '市外' ? region : null;
}

/** A clause lookup: the answer with its citations, the related clauses said to be only related, or an honest "not covered". */
export function lookup(ctx: Ctx, question: string): void {
  const result = ctx.deps.knowledge.ask(question, { jurisdiction: jurisdictionOf(ctx) });
  if (!result.covered && result.related.length > 0) {
    // the closest clauses, said to be only possibly related: pointers, never an answer
    ctx.out.push({ text: say(ctx.lang, 'related'), citations: result.related, buttons: menuButtons(ctx.lang), source: 'extractive' });
    return;
  }
  if (!result.covered) {
    ctx.out.push({ text: say(ctx.lang, 'uncovered'), buttons: menuButtons(ctx.lang), source: 'extractive' });
    return;
  }
  ctx.out.push({ text: result.answer, citations: result.citations, source: result.source ?? 'extractive' });
}

/** Which department handles a question, where triage is available; a lookup otherwise. */
export function helpdesk(ctx: Ctx, question: string): void {
  if (!ctx.deps.triage) return lookup(ctx, question);
  const desk = ctx.deps.triage(question, jurisdictionOf(ctx));
  ctx.out.push({ text: desk.text, ...(desk.citations?.length ? { citations: desk.citations } : {}), ...(desk.handoff ? { buttons: [{ label: say(ctx.lang, 'menuHuman'), action: 'human' }] } : {}) });
}

export function human(ctx: Ctx, question: string | null): void {
  if (!ctx.deps.handoff) {
    const where = ctx.deps.contacts?.(question, jurisdictionOf(ctx));
    ctx.out.push(where ? { text: where.text, ...(where.citations?.length ? { citations: where.citations } : {}) } : { text: say(ctx.lang, 'humanNoDesk') });
    return;
  }
  const reference = ctx.deps.handoff(ctx.state.pending ? 'retry budget or request during a check' : 'user request', question);
  ctx.out.push({ text: say(ctx.lang, 'human', { ticket: reference, within: ctx.deps.staffReplyWithin ?? say(ctx.lang, 'staffSoon') }) });
}
