import { reask } from './asking.js';
import { menuButtons, programmesOf, type Ctx } from './context.js';
import { listFacts } from './facts.js';
import { initialState } from './state.js';
import { say } from './texts.js';

function clearAll(ctx: Ctx): void {
  ctx.state = initialState(ctx.lang, programmesOf(ctx).ids);
  ctx.facts = {};
}

/** 重新评估 asks first when there is anything to lose; with nothing recorded it just starts over. */
export function askRestart(ctx: Ctx): void {
  if (Object.keys(ctx.facts).length === 0) {
    clearAll(ctx);
    ctx.out.push({ text: say(ctx.lang, 'restarted'), buttons: menuButtons(ctx.lang) });
    return;
  }
  ctx.state = { ...ctx.state, mode: 'resetting', resume: ctx.state.mode === 'collecting' ? 'collecting' : 'idle' };
  ctx.out.push({
    text: say(ctx.lang, 'restartAsk', { n: listFacts(ctx.facts, ctx.lang).length }),
    buttons: [{ label: say(ctx.lang, 'restartYes'), action: 'restart-confirm' }, { label: say(ctx.lang, 'restartNo'), action: 'restart-cancel' }],
  });
}

export function settleRestart(ctx: Ctx, confirmed: boolean): void {
  if (ctx.state.mode !== 'resetting') return;
  if (confirmed) {
    clearAll(ctx);
    ctx.out.push({ text: say(ctx.lang, 'restarted'), buttons: menuButtons(ctx.lang) });
    return;
  }
  ctx.state = { ...ctx.state, mode: ctx.state.resume };
  ctx.out.push({ text: say(ctx.lang, 'restartCancelled') });
  reask(ctx);
}

export function askForget(ctx: Ctx): void {
  ctx.state = { ...ctx.state, mode: 'forgetting', resume: ctx.state.mode === 'collecting' ? 'collecting' : 'idle' };
  ctx.out.push({
    text: say(ctx.lang, 'forgetAsk'),
    buttons: [{ label: say(ctx.lang, 'forgetYes'), action: 'forget-confirm' }, { label: say(ctx.lang, 'forgetNo'), action: 'forget-cancel' }],
  });
}

/** True when everything was deleted: the channel then removes the session. */
export function settleForget(ctx: Ctx, confirmed: boolean): boolean {
  if (ctx.state.mode !== 'forgetting') return false;
  if (confirmed) {
    clearAll(ctx);
    ctx.out.push({ text: say(ctx.lang, 'forgotten') });
    return true;
  }
  ctx.state = { ...ctx.state, mode: ctx.state.resume };
  ctx.out.push({ text: say(ctx.lang, 'forgetCancelled') });
  reask(ctx);
  return false;
}

export function showFacts(ctx: Ctx): void {
  const lines = listFacts(ctx.facts, ctx.lang);
  ctx.out.push({ text: lines.length ? say(ctx.lang, 'yourFacts', { list: lines.join('\n') }) : say(ctx.lang, 'noFacts') });
  reask(ctx);
}
