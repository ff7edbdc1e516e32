import { timingSafeEqual } from 'node:crypto';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { HttpError, readJson } from '../http/body.js';
import { sendJson, type Route } from '../http/server.js';

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * POST /telegram/webhook: a call without the right X-Telegram-Bot-Api-Secret-Token gets 401 and changes nothing.
 * Updates of one chat are handled in order; a failure inside is logged and acknowledged, so Telegram does not
 * redeliver an update forever.
 */
export function telegramWebhook(bot: Bot, secret: string | undefined, log: (line: string) => void = () => {}): Route {
  const queues = new Map<number, Promise<void>>();
  let ready: Promise<void> | null = null;
  return async (req, res, url) => {
    if (url.pathname !== '/telegram/webhook') return false;
    if (req.method !== 'POST') throw new HttpError(405, 'use POST');
    if (!secret || !sameSecret(req.headers['x-telegram-bot-api-secret-token'] as string | undefined, secret)) {
      throw new HttpError(401, 'wrong or missing secret token');
    }
    const update = (await readJson(req, 1024 * 1024)) as Update;
    if (typeof update !== 'object' || update === null || !Number.isInteger(update.update_id)) throw new HttpError(400, 'not a Telegram update');
    ready ??= bot.init();
    await ready;
    // a malformed update (a message without a chat) is acknowledged like any other, never a 500
    const chatId = update.message?.chat?.id ?? update.callback_query?.message?.chat?.id ?? 0;
    const previous = queues.get(chatId) ?? Promise.resolve();
    const current = previous.then(() => bot.handleUpdate(update)).catch((e: unknown) => log(`webhook update ${update.update_id}: ${e instanceof Error ? e.message : String(e)}`));
    queues.set(chatId, current);
    await current;
    if (queues.get(chatId) === current) queues.delete(chatId);
    sendJson(res, 200, { ok: true });
    return true;
  };
}
