import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { REGISTRY, type ProgrammeRegistry } from '../../../rules/programmes/index.js';
import type { Conversations } from '../../conversation.js';
import type { Message } from '../../dialog/message.js';
import { toTelegram } from './render.js';

/** The command menu shown in Telegram's interface; /check names the registry's programmes by their short titles. */
export function telegramCommands(programmes: ProgrammeRegistry = REGISTRY): Array<{ command: string; description: string }> {
  return [
    { command: 'start', description: '开始 / 帮助' },
    { command: 'check', description: `评估企业能认定什么（${programmes.entries.map((e) => e.shortTitle).join('、')}）` },
    { command: 'lookup', description: '查询政策条款' },
    { command: 'help', description: '帮助' },
    { command: 'reset', description: '重新开始' },
    { command: 'forget', description: '删除我的全部信息' },
  ];
}

export interface TelegramOptions {
  token: string;
  conversations: Conversations;
  /** Bot API root (TELEGRAM_API_ROOT): a self-hosted server or a test double */
  apiRoot?: string;
  /** skips the getMe call when the bot's identity is known (tests, webhook mode with a cached identity) */
  botInfo?: UserFromGetMe;
  log?: (line: string) => void;
}

async function send(ctx: Context, chatId: number, messages: Message[]): Promise<void> {
  for (const m of messages) {
    for (const out of toTelegram(m)) {
      await ctx.api.sendMessage(chatId, out.text, {
        parse_mode: 'HTML',
        ...(out.keyboard ? { reply_markup: { inline_keyboard: out.keyboard } } : {}),
      });
    }
  }
}

/**
 * The Telegram channel: texts and button presses go through the same conversation as the web chat. Each
 * update_id is applied once (also across restarts); a duplicate is ignored and nothing is sent again.
 */
export function createTelegramBot(options: TelegramOptions): Bot {
  const bot = new Bot(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    // Node's own fetch, not grammY's bundled node-fetch: one HTTP stack for every outside call (and for nock in tests)
    client: { fetch: globalThis.fetch as never, baseFetchConfig: {}, ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 10 }));
  const turn = async (ctx: Context, input: { text?: string; action?: string }) => {
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return null;
    const reply = await options.conversations.handleAsync('telegram', String(chatId), input, String(ctx.update.update_id));
    return reply.replayed ? null : { chatId, messages: reply.messages };
  };

  bot.on('message:text', async (ctx) => {
    const result = await turn(ctx, { text: ctx.message.text.replace(/^\/(\w+)(@\w+)?/u, '/$1') });
    if (result) await send(ctx, result.chatId, result.messages);
  });
  bot.on('callback_query:data', async (ctx) => {
    const result = await turn(ctx, { action: ctx.callbackQuery.data });
    await ctx.answerCallbackQuery().catch(() => {});
    if (result) await send(ctx, result.chatId, result.messages);
  });
  bot.catch((err) => options.log?.(`telegram update ${err.ctx.update.update_id} failed: ${err.error instanceof Error ? err.error.message : String(err.error)}`));
  return bot;
}
