import { WeComChannel } from '../wecom/channel.js';
import { weComConfigFromEnv } from '../wecom/config.js';
import { weChatConfigFromEnv } from './config.js';
import { MAX_REPLY_BUDGET_MS, OfficialAccountChannel } from './official-account.js';
import type { CallbackChannel, CallbackChannelOptions } from './protocol/callback-channel.js';

/**
 * The WeChat-family channels whose variables are set: 企业微信 (WECOM_*), 公众号 (WECHAT_*), both or none. A
 * channel half configured is an error naming what is missing, not a channel that fails at its first message.
 * Each starts by answering what a previous run left unanswered.
 */
export function weChatChannelsFromEnv(env: Record<string, string | undefined>, options: CallbackChannelOptions): CallbackChannel[] {
  const channels: CallbackChannel[] = [];
  const wecom = weComConfigFromEnv(env);
  if (wecom) channels.push(new WeComChannel(wecom, options));
  const wechat = weChatConfigFromEnv(env);
  const budget = env.WECHAT_REPLY_BUDGET_MS ? Number(env.WECHAT_REPLY_BUDGET_MS) : undefined;
  if (budget !== undefined && !(Number.isInteger(budget) && budget >= 0 && budget <= MAX_REPLY_BUDGET_MS)) {
    throw new Error(`WECHAT_REPLY_BUDGET_MS: expected 0–${MAX_REPLY_BUDGET_MS} ms (公众号 waits 5 s, network included), got “${env.WECHAT_REPLY_BUDGET_MS}”`);
  }
  if (wechat) channels.push(new OfficialAccountChannel(wechat, { ...options, ...(budget !== undefined ? { replyBudgetMs: budget } : {}) }));
  // what the last run acknowledged and did not answer goes out now
  for (const channel of channels) {
    const resumed = channel.resume();
    if (resumed) options.log?.(`${channel.path}: answering ${resumed} message(s) left unanswered by the last run`);
  }
  return channels;
}
