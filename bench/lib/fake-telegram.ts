import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the bot asked Telegram to send. */
export interface SentMessage {
  chat_id: number;
  text: string;
  parse_mode?: string;
  reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
}

/**
 * A stand-in for the Bot API (TELEGRAM_API_ROOT) for a server running in another process, where nock cannot
 * reach: it answers every method successfully and keeps what sendMessage was given, to be checked afterwards.
 */
export async function startFakeTelegram(): Promise<{ apiRoot: string; sent: SentMessage[]; close(): Promise<void> }> {
  const sent: SentMessage[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop() ?? '';
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        // grammY sends JSON; anything else is kept as an empty call and shows up in the checks
      }
      if (method === 'sendMessage') sent.push(body as unknown as SentMessage);
      const result =
        method === 'getMe'
          ? { id: 123456, is_bot: true, first_name: 'Tongce', username: 'tongce_bot' }
          : method === 'sendMessage'
            ? { message_id: sent.length, date: 0, chat: { id: body.chat_id, type: 'private' }, text: '' }
            : true;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const TELEGRAM_LIMIT = 4096;
const CALLBACK_LIMIT = 64;

/**
 * Why a message sent to Telegram is not safe, or null: with parse_mode HTML, the only markup may be the bot's own
 * (expandable quotes for citations); every other `<` and `&` must arrive escaped, so nothing a user typed is markup.
 */
export function unsafeTelegramMessage(m: SentMessage): string | null {
  if (typeof m.text !== 'string' || m.text.length === 0) return 'empty text';
  if (m.text.length > TELEGRAM_LIMIT) return `text of ${m.text.length} characters`;
  if (m.parse_mode === 'HTML') {
    const markup = m.text.replace(/<blockquote expandable>|<\/blockquote>/gu, '');
    if (markup.includes('<') || markup.includes('>')) return `unescaped markup: ${JSON.stringify(markup.slice(Math.max(0, markup.search(/[<>]/u) - 20), markup.search(/[<>]/u) + 40))}`;
    if (/&(?!(?:amp|lt|gt|quot);)/u.test(m.text)) return 'unescaped &';
  }
  for (const row of m.reply_markup?.inline_keyboard ?? []) {
    for (const b of row) if (Buffer.byteLength(b.callback_data) > CALLBACK_LIMIT) return `callback_data of ${Buffer.byteLength(b.callback_data)} bytes`;
  }
  return null;
}
