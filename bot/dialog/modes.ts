import { parseYesNo } from '../understand/answers.js';
import { answersPending } from '../understand/corrections.js';
import { continueCheck, reask, startCheck } from './asking.js';
import { answerPending, refuseAnswer } from './answering.js';
import { factsIn, programmesOf, welcome, type Ctx } from './context.js';
import { correct, undoCorrection } from './corrections.js';
import { asksRatherThanAnswers, classify, type Intent } from './intents.js';
import { propose, repeatProposals, settleProposals } from './proposals.js';
import { askForget, askRestart, settleForget, settleRestart, showFacts } from './resets.js';
import { helpdesk, human, lookup } from './side-questions.js';
import type { Mode } from './state.js';
import { say } from './texts.js';

/** What a text turn did that the channel must act on. */
export interface TextOutcome {
  forget: boolean;
}

/**
 * Commands that work in any mode, as grammY runs commands before the routes: true when the intent was one.
 * A 是/否 in a confirming mode is that mode's answer, so those modes see it first (modes.ts's table).
 */
function command(ctx: Ctx, intent: Intent, text: string): boolean {
  switch (intent.kind) {
    case 'help':
    case 'greeting':
      welcome(ctx);
      reask(ctx);
      return true;
    case 'restart':
      askRestart(ctx);
      return true;
    case 'forget':
      askForget(ctx);
      return true;
    case 'human':
      human(ctx, text);
      return true;
    case 'facts':
      showFacts(ctx);
      return true;
    case 'undo':
      undoCorrection(ctx);
      return true;
    case 'correction':
      correct(ctx, text);
      return true;
    case 'check': {
      const found = factsIn(ctx, text);
      ctx.state = { ...ctx.state, programmes: intent.programmes.length ? intent.programmes : [...programmesOf(ctx).ids] };
      if (found.length) {
        ctx.state = { ...ctx.state, mode: 'idle', asked: 0 };
        propose(ctx, found);
        return true;
      }
      startCheck(ctx, intent.programmes);
      return true;
    }
    default:
      return false;
  }
}

function sideQuestion(ctx: Ctx, intent: Intent, text: string): void {
  if (intent.kind === 'helpdesk') helpdesk(ctx, text);
  else lookup(ctx, text);
}

/** How 要不要……？ is answered yes, beyond 是/对/好 (parseYesNo). */
const TAKES_OFFER = /^(要|要的|需要|好的|好啊|可以|行|继续)[。.!！]*$/u;

type ModeHandler = (ctx: Ctx, text: string, intent: Intent) => TextOutcome | null;

const DONE: TextOutcome = { forget: false };

/** A yes/no settles what the mode asked; anything else falls through to commands and the idle handling. */
const MODES: Record<Mode, ModeHandler> = {
  forgetting: (ctx, text) => {
    const yes = parseYesNo(text);
    return yes === null ? null : { forget: settleForget(ctx, yes) };
  },
  resetting: (ctx, text) => {
    const yes = parseYesNo(text);
    if (yes === null) return null;
    settleRestart(ctx, yes);
    return DONE;
  },
  confirming: (ctx, text, intent) => {
    const yes = parseYesNo(text);
    if (yes !== null) {
      settleProposals(ctx, yes);
      return DONE;
    }
    if (command(ctx, intent, text)) return DONE;
    if (intent.kind === 'question' || intent.kind === 'helpdesk') sideQuestion(ctx, intent, text);
    repeatProposals(ctx);
    return DONE;
  },
  collecting: (ctx, text, intent) => {
    if (!ctx.state.pending) return null;
    if (intent.kind === 'correction' && answersPending(text, ctx.state.pending.fact)) {
      // "应该是新能源", "改成200人" naming no other fact: an answer to the question asked, not a correction
      if (answerPending(ctx, text)) return DONE;
    }
    if (intent.kind === 'other' || (intent.kind === 'question' && !asksRatherThanAnswers(text))) {
      // a reply to the question asked is read as an answer first, even with a question mark ("算科技服务业吧？")
      if (answerPending(ctx, text, intent.kind === 'question')) return DONE;
    }
    if (command(ctx, intent, text)) return DONE;
    if (intent.kind === 'question' || intent.kind === 'helpdesk') {
      // a side question: answer it with citations, then ask the pending question again
      sideQuestion(ctx, intent, text);
      reask(ctx, say(ctx.lang, 'back'));
      return DONE;
    }
    refuseAnswer(ctx);
    return DONE;
  },
  idle: (ctx, text, intent) => {
    // 要不要继续核对其他条件？ — a plain yes after the verdict takes the offer
    if (intent.kind === 'other' && (parseYesNo(text) === true || TAKES_OFFER.test(text)) && continueCheck(ctx, null)) return DONE;
    if (command(ctx, intent, text)) return DONE;
    // facts told unprompted start an assessment; otherwise it is a question
    const found = intent.kind === 'question' || intent.kind === 'helpdesk' ? [] : factsIn(ctx, text);
    if (found.length) {
      const named = programmesOf(ctx).namedIn(text);
      ctx.state = { ...ctx.state, programmes: named.length ? named : [...programmesOf(ctx).ids] };
      propose(ctx, found);
      return DONE;
    }
    if (intent.kind === 'other' && text.length <= 12) {
      welcome(ctx);
      return DONE;
    }
    sideQuestion(ctx, intent, text);
    return DONE;
  },
};

/** A typed message: the mode's own handler first, then commands, then what idle does with it. */
export function onText(ctx: Ctx, text: string): TextOutcome {
  const intent = classify(text, programmesOf(ctx));
  const mode = MODES[ctx.state.mode] ?? MODES.idle;
  return mode(ctx, text, intent) ?? MODES.idle(ctx, text, intent)!;
}
