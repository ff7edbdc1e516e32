import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChatServer } from '../../bot/channels/http/server.js';
import { createTelegramBot } from '../../bot/channels/telegram/bot.js';
import { escapeHtml, splitMessages, toTelegram, TELEGRAM_LIMIT } from '../../bot/channels/telegram/render.js';
import { telegramWebhook } from '../../bot/channels/telegram/webhook.js';
import { Conversations } from '../../bot/conversation.js';
import type { Message } from '../../bot/dialog/message.js';
import { testKnowledge } from '../helpers/knowledge.js';
import { loadTranscripts, play, type BotMessage, type Driver } from '../helpers/transcript.js';

const TOKEN = '123456:TEST-token';
const SECRET = 'webhook-secret-42';
const API = 'https://api.telegram.org';
const knowledge = testKnowledge();
const botInfo = { id: 123456, is_bot: true as const, first_name: 'Tongce', username: 'tongce_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false, can_manage_bots: false, supports_join_request_queries: false };

interface Sent { chat_id: number; text: string; parse_mode?: string; reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } }

async function setup(dataDir = mkdtempSync(join(tmpdir(), 'tongce-tg-'))) {
  const conversations = new Conversations({ dataDir, knowledge, today: () => '2026-11-22' });
  const bot = createTelegramBot({ token: TOKEN, conversations, botInfo });
  const server: Server = createChatServer({ conversations, routes: [telegramWebhook(bot, SECRET)], ratePerSecond: 1000 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/webhook`;
  const post = (update: unknown, secret: string | null = SECRET) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) }, body: JSON.stringify(update) });
  return { conversations, server, post, dataDir, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let sent: Sent[] = [];
// only the Bot API is faked; the webhook itself is called over loopback
beforeAll(() => { nock.disableNetConnect(); nock.enableNetConnect(/127\.0\.0\.1/); });
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());
function interceptTelegram() {
  sent = [];
  nock(API).persist().post(`/bot${TOKEN}/sendMessage`).reply(200, (_uri, body) => {
    sent.push(body as Sent);
    return { ok: true, result: { message_id: sent.length, date: 0, chat: { id: (body as Sent).chat_id, type: 'private' }, text: '' } };
  });
  nock(API).persist().post(`/bot${TOKEN}/answerCallbackQuery`).reply(200, { ok: true, result: true });
}

let nextUpdate = 1000;
const message = (chatId: number, text: string, updateId = ++nextUpdate) => ({
  update_id: updateId,
  message: { message_id: updateId, date: 0, chat: { id: chatId, type: 'private', first_name: 'U' }, from: { id: chatId, is_bot: false, first_name: 'U' }, text },
});
const press = (chatId: number, data: string, updateId = ++nextUpdate) => ({
  update_id: updateId,
  callback_query: { id: String(updateId), chat_instance: 'x', data, from: { id: chatId, is_bot: false, first_name: 'U' }, message: { message_id: 1, date: 0, chat: { id: chatId, type: 'private', first_name: 'U' }, text: 'q' } },
});

describe('Telegram webhook', () => {
  it('answers /start with the exact welcome payload and the menu keyboard', async () => {
    interceptTelegram();
    const t = await setup();
    const res = await t.post(message(501, '/start'));
    expect(res.status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({
      chat_id: 501,
      parse_mode: 'HTML',
      text: escapeHtml((t.conversations.store.transcript(t.conversations.store.forUser('telegram', '501').id).at(-1)!.payload as Message[])[0]!.text),
      reply_markup: { inline_keyboard: [[{ text: '评估我能认定什么', callback_data: 'check' }, { text: '查政策条款', callback_data: 'lookup' }], [{ text: '转人工', callback_data: 'human' }]] },
    });
    await t.close();
  });

  it('a button press asks the first question with its keyboard', async () => {
    interceptTelegram();
    const t = await setup();
    await t.post(press(502, 'check:hnte'));
    const last = sent.at(-1)!;
    expect(last.text).toContain('企业注册成立日期是哪一天？');
    expect(last.reply_markup).toEqual({ inline_keyboard: [[{ text: '不知道', callback_data: 'skip' }]] });
    await t.close();
  });

  it('refuses a call with a wrong or missing secret: 401, nothing sent, no session', async () => {
    interceptTelegram();
    const t = await setup();
    expect((await t.post(message(503, '/start'), 'wrong')).status).toBe(401);
    expect((await t.post(message(503, '/start'), null)).status).toBe(401);
    expect(sent).toHaveLength(0);
    expect(t.conversations.store.transcript(t.conversations.store.forUser('telegram', '503').id)).toEqual([]);
    await t.close();
  });

  it('ignores a duplicate update, also after a restart', async () => {
    interceptTelegram();
    const t = await setup();
    const update = message(504, '想评估一下我们能不能申报高企', 9_000_001);
    await t.post(update);
    const count = sent.length;
    await t.post(update);
    expect(sent.length).toBe(count);
    await t.close();
    const again = await setup(t.dataDir);
    await again.post(update);
    expect(sent.length).toBe(count);
    await again.close();
  });

  it('rejects what is not an update with a 4xx', async () => {
    interceptTelegram();
    const t = await setup();
    for (const body of [{}, { update_id: 'x' }, [], 'text']) expect((await t.post(body)).status).toBe(400);
    await t.close();
  });
});

describe('Telegram rendering', () => {
  it('escapes HTML in every text and quote', () => {
    const out = toTelegram({ text: '<b>x</b> & <script>', citations: [] });
    expect(out[0]!.text).toBe('&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;');
  });

  it('splits long replies under 4096 characters without cutting an entity or a citation', () => {
    const parts = Array.from({ length: 40 }, (_, i) => `<blockquote expandable>${'条款&amp;'.repeat(40)}${i}</blockquote>`);
    const texts = splitMessages(parts);
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(TELEGRAM_LIMIT);
      expect(t.startsWith('<blockquote')).toBe(true);
      expect(t.endsWith('</blockquote>')).toBe(true);
    }
    const one = splitMessages(['x&amp;'.repeat(2000)]);
    for (const t of one) expect(t).not.toMatch(/&[a-z]*$/);
    expect(one.join('')).toBe('x&amp;'.repeat(2000));
  });

  it('keeps every button’s callback data within Telegram’s 64 bytes', async () => {
    const { FACT_CATALOG } = await import('../../rules/facts/catalog.js');
    for (const info of Object.values(FACT_CATALOG)) for (const c of info.choices ?? []) expect(Buffer.byteLength(`answer:${c.value}`)).toBeLessThanOrEqual(64);
  });
});

describe('transcripts over Telegram', () => {
  for (const tr of loadTranscripts('test/bot/transcripts')) {
    it(tr.name, async () => {
      interceptTelegram();
      const dataDir = mkdtempSync(join(tmpdir(), 'tongce-tgt-'));
      let t = await setup(dataDir);
      const chatId = 700;
      const driver: Driver = {
        send: async (input) => {
          const before = sent.length;
          const res = await t.post(input.action ? press(chatId, input.action) : message(chatId, input.text ?? ''));
          expect(res.status).toBe(200);
          const store = t.conversations.store;
          const session = store.forUser('telegram', String(chatId));
          const recorded = store.transcript(session.id).at(-1)?.payload as BotMessage[] | undefined;
          // a turn that forgot the user left no transcript: what reached Telegram is all there is
          if (!recorded) return sent.slice(before).map((m) => ({ text: m.text }));
          // every dialog message reached Telegram (long ones in several parts)
          expect(sent.length - before).toBeGreaterThanOrEqual(recorded.length);
          return recorded;
        },
        restart: async () => {
          await t.close();
          t = await setup(dataDir);
        },
        facts: async () => t.conversations.store.forUser('telegram', String(chatId)).facts,
      };
      await play(tr, driver);
      await t.close();
    });
  }
});
