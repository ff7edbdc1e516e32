import type { Proposal } from '../understand/extract.js';
import { proceed, reask, startCheck } from './asking.js';
import type { Ctx } from './context.js';
import { labelOf, showValue, validationProblem, withFact } from './facts.js';
import type { Message } from './message.js';
import type { Lang } from './state.js';
import { say } from './texts.js';

function proposalLine(p: Proposal, lang: Lang): string {
  const value = p.partial ? `${p.value} ${say(lang, 'partialNote')}` : showValue(p.path, p.value, lang);
  return `• ${labelOf(p.path, lang)}：${value}`;
}

function confirmMessage(ctx: Ctx, proposals: Proposal[]): Message {
  return {
    text: say(ctx.lang, 'confirmProposals', { list: proposals.map((p) => proposalLine(p, ctx.lang)).join('\n') }),
    buttons: [{ label: say(ctx.lang, 'confirmYes'), action: 'confirm' }, { label: say(ctx.lang, 'confirmNo'), action: 'reject' }],
  };
}

/** Facts read from free text (or an answer that was a guess) wait for the user's 对 before they are used. */
export function propose(ctx: Ctx, proposals: Proposal[]): void {
  ctx.state = { ...ctx.state, proposals, resume: ctx.state.mode === 'collecting' ? 'collecting' : 'idle', mode: 'confirming' };
  ctx.out.push(confirmMessage(ctx, proposals));
}

export function repeatProposals(ctx: Ctx): void {
  ctx.out.push(confirmMessage(ctx, ctx.state.proposals));
}

/** Applies confirmed proposals one by one; a value the rules reject is reported and left out. */
export function applyProposals(ctx: Ctx, proposals: Proposal[]): string[] {
  const problems: string[] = [];
  for (const p of proposals) {
    if (p.partial) continue;
    const next = withFact(ctx.facts, p.path, p.value);
    const problem = validationProblem(next, ctx.deps.today(), ctx.lang);
    if (problem) problems.push(`${labelOf(p.path, ctx.lang)}：${problem}`);
    else ctx.facts = next;
  }
  return problems;
}

export function settleProposals(ctx: Ctx, confirmed: boolean): void {
  if (ctx.state.mode !== 'confirming') return;
  const proposals = ctx.state.proposals;
  const resume = ctx.state.resume;
  ctx.state = { ...ctx.state, proposals: [], mode: resume };
  if (!confirmed) {
    ctx.out.push({ text: say(ctx.lang, 'proposalsRejected') });
    if (resume === 'collecting') reask(ctx);
    return;
  }
  const problems = applyProposals(ctx, proposals);
  ctx.out.push({ text: [say(ctx.lang, 'proposalsApplied'), ...problems].join('\n') });
  // facts given unprompted mean the user wants an assessment
  if (resume === 'idle' && ctx.state.asked === 0) return startCheck(ctx, ctx.state.programmes);
  proceed(ctx);
}
