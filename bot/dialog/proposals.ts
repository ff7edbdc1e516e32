import type { Proposal } from '../understand/extract.js';
import { proceed, reask, startCheck } from './asking.js';
import type { Ctx } from './context.js';
import { confirmationMessage, confirmedProposals, toggleTick } from './confirmation.js';
import { labelOf, validationProblem, withFact } from './facts.js';
import { say } from './texts.js';

/** Facts read from free text (or an answer that was a guess) wait for the user's 对 before they are used. */
export function propose(ctx: Ctx, proposals: Proposal[]): void {
  ctx.state = { ...ctx.state, proposals, resume: ctx.state.mode === 'collecting' ? 'collecting' : 'idle', mode: 'confirming' };
  ctx.out.push(confirmationMessage(proposals, ctx.lang));
}

export function repeatProposals(ctx: Ctx): void {
  ctx.out.push(confirmationMessage(ctx.state.proposals, ctx.lang));
}

/** Ticks or unticks one inferred fact (a model's reading the message did not state) before the user confirms. */
export function tickProposal(ctx: Ctx, path: string | undefined): void {
  if (ctx.state.mode !== 'confirming' || !path) return;
  ctx.state = { ...ctx.state, proposals: toggleTick(ctx.state.proposals, path) };
  ctx.out.push(confirmationMessage(ctx.state.proposals, ctx.lang));
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
  const problems = applyProposals(ctx, confirmedProposals(proposals));
  ctx.out.push({ text: [say(ctx.lang, 'proposalsApplied'), ...problems].join('\n') });
  // facts given unprompted mean the user wants an assessment
  if (resume === 'idle' && ctx.state.asked === 0) return startCheck(ctx, ctx.state.programmes);
  proceed(ctx);
}
