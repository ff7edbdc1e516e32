import { cleanQuestion } from '../../knowledge/text/normalize.js';
import { describeFact } from '../../rules/facts/catalog.js';
import { continueCheck, proceed, reask, startCheck } from './asking.js';
import { notUnderstood, recordAnswer, skipPending } from './answering.js';
import { programmesOf, welcome, type Ctx, type DialogDeps } from './context.js';
import { undoCorrection } from './corrections.js';
import type { FactsRecord } from './facts.js';
import type { Input, Message } from './message.js';
import { onText } from './modes.js';
import { settleProposals, tickProposal } from './proposals.js';
import { askForget, askRestart, settleForget, settleRestart, showFacts } from './resets.js';
import { human } from './side-questions.js';
import type { DialogState, Lang } from './state.js';
import { languageOf, say, type TextKey } from './texts.js';

export type { DeskAnswer, DialogDeps } from './context.js';

export interface Turn {
  state: DialogState;
  facts: FactsRecord;
  messages: Message[];
  /** the user confirmed deleting everything: the channel removes the session */
  forget?: boolean;
}

const MAX_TEXT = 2000;

/** Typing a button's own label is pressing it (a channel without buttons, or an owner who types what they see). */
const LABEL_ACTIONS: ReadonlyArray<[TextKey, string]> = [
  ['menuCheck', 'check'], ['menuLookup', 'lookup'], ['menuHuman', 'human'], ['confirmYes', 'confirm'], ['confirmNo', 'reject'],
  ['restartButton', 'restart'], ['showFacts', 'facts'], ['skipButton', 'skip'], ['dontKnow', 'skip'], ['undoButton', 'undo'], ['continueButton', 'continue'],
  ['forgetYes', 'forget-confirm'], ['restartYes', 'restart-confirm'], ['restartNo', 'restart-cancel'],
];

function labelAction(ctx: Ctx, text: string): string | null {
  const { lang } = ctx;
  const continuing = programmesOf(ctx).entries.find((p) => cleanQuestion(say(lang, 'continueButton', { programme: p.name.zh })) === text)?.id;
  if (continuing) return `continue:${continuing}`;
  return LABEL_ACTIONS.find(([key]) => cleanQuestion(say(lang, key)) === text)?.[1] ?? null;
}

/** A button's answer to the pending question; a button left over from an earlier question answers nothing now. */
function buttonAnswer(ctx: Ctx, arg: string | undefined): void {
  if (ctx.state.mode !== 'collecting' || !ctx.state.pending || arg === undefined) return;
  const info = describeFact(ctx.state.pending.fact);
  const fits = info.kind === 'boolean' ? arg === 'true' || arg === 'false' : info.kind === 'choice' && (info.choices ?? []).some((c) => c.value === arg);
  if (!fits) return reask(ctx);
  const problem = recordAnswer(ctx, ctx.state.pending.fact, info.kind === 'boolean' ? arg === 'true' : arg);
  if (problem) return notUnderstood(ctx, say(ctx.lang, 'invalid', { reason: problem }));
  proceed(ctx);
}

/** A button press; true when the user confirmed deleting everything. */
function onAction(ctx: Ctx, action: string): boolean {
  const [verb, arg] = action.split(/:(.*)/su) as [string, string | undefined];
  switch (verb) {
    case 'check':
      startCheck(ctx, arg ? [arg].filter((id) => programmesOf(ctx).byId(id)) : []);
      return false;
    case 'continue':
      if (!continueCheck(ctx, arg && programmesOf(ctx).byId(arg) ? arg : null)) ctx.out.push({ text: say(ctx.lang, 'continueNothing') });
      return false;
    case 'lookup':
      ctx.out.push({ text: say(ctx.lang, 'lookupHint') });
      return false;
    case 'help':
      welcome(ctx);
      reask(ctx);
      return false;
    case 'facts':
      showFacts(ctx);
      return false;
    case 'restart':
      askRestart(ctx);
      return false;
    case 'restart-confirm':
    case 'restart-cancel':
      settleRestart(ctx, verb === 'restart-confirm');
      return false;
    case 'human':
      human(ctx, null);
      return false;
    case 'forget':
      askForget(ctx);
      return false;
    case 'forget-confirm':
    case 'forget-cancel':
      return settleForget(ctx, verb === 'forget-confirm');
    case 'confirm':
    case 'reject':
      settleProposals(ctx, verb === 'confirm');
      return false;
    case 'undo':
      undoCorrection(ctx);
      return false;
    case 'tick':
      tickProposal(ctx, arg);
      return false;
    case 'skip':
      if (ctx.state.mode === 'collecting' && ctx.state.pending) skipPending(ctx);
      return false;
    case 'answer':
      buttonAnswer(ctx, arg);
      return false;
    default:
      welcome(ctx);
      return false;
  }
}

/**
 * One turn of the conversation: the user's input and the session in, the new session and the replies out.
 * Pure and synchronous (rules and retrieval are), so a channel can run it inside the turn's transaction.
 */
export function respond(input: Input, session: { state: DialogState; facts: FactsRecord }, deps: DialogDeps): Turn {
  const raw = typeof input.text === 'string' ? input.text : '';
  const lang = languageOf(raw) ?? session.state.lang;
  const ctx: Ctx = { state: { ...session.state, lang }, facts: session.facts, deps, lang, out: [] };
  let forget = false;
  if (input.action) forget = onAction(ctx, input.action);
  else {
    const text = cleanQuestion(raw).slice(0, MAX_TEXT);
    const pressed = text ? labelAction(ctx, text) : null;
    if (pressed) forget = onAction(ctx, pressed);
    else if (text) forget = onText(ctx, text).forget;
    else {
      welcome(ctx);
      reask(ctx);
    }
  }
  if (ctx.out.length === 0) welcome(ctx);
  return { state: ctx.state, facts: ctx.facts, messages: ctx.out, ...(forget ? { forget: true } : {}) };
}
