import type { Citation } from '../../../knowledge/citation.js';
import type { Message } from '../../dialog/message.js';

/** Telegram's limit on one message's text. */
export const TELEGRAM_LIMIT = 4096;
/** Telegram's limit on a button's callback data, in bytes. */
export const CALLBACK_LIMIT = 64;

/** Escapes text for Telegram's HTML parse mode: nothing a user or a document says is read as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function citationHtml(c: Citation, n: number): string {
  const source = `${n}. 《${c.partTitle ?? c.docTitle}》${c.docNumber ? `（${c.docNumber}）` : ''}${c.path}`;
  const quote = c.quote.length > 600 ? `${c.quote.slice(0, 600)}……` : c.quote;
  return `<blockquote expandable>${escapeHtml(source)}\n${escapeHtml(quote)}</blockquote>`;
}

/**
 * Splits HTML-escaped parts into messages under the limit, never inside a part (a citation stays whole) unless a
 * single part is itself too long, which is then cut at a line break or, failing that, a character boundary.
 */
export function splitMessages(parts: string[], limit = TELEGRAM_LIMIT): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    if (current) out.push(current);
    current = '';
  };
  for (let part of parts) {
    while (part.length > limit) {
      flush();
      const cut = part.lastIndexOf('\n', limit) > limit / 2 ? part.lastIndexOf('\n', limit) : limit;
      // never cut inside an HTML entity
      const safe = part.slice(0, cut).replace(/&[a-z]{0,4}$/u, '');
      out.push(safe);
      part = part.slice(safe.length);
    }
    if (current && current.length + 1 + part.length > limit) flush();
    current = current ? `${current}\n${part}` : part;
  }
  flush();
  return out;
}

export interface TelegramOutgoing {
  text: string;
  keyboard?: Array<Array<{ text: string; callback_data: string }>>;
}

/** A dialog message as Telegram messages: escaped text, citations as expandable quotes, buttons as an inline keyboard. */
export function toTelegram(message: Message): TelegramOutgoing[] {
  const parts = [escapeHtml(message.text), ...(message.citations ?? []).map((c, i) => citationHtml(c, i + 1))];
  const texts = splitMessages(parts);
  const buttons = (message.buttons ?? []).filter((b) => Buffer.byteLength(b.action) <= CALLBACK_LIMIT);
  const keyboard = buttons.length
    ? buttons.reduce<Array<Array<{ text: string; callback_data: string }>>>((rows, b, i) => {
        if (i % 2 === 0) rows.push([]);
        rows[rows.length - 1]!.push({ text: b.label, callback_data: b.action });
        return rows;
      }, [])
    : undefined;
  return texts.map((text, i) => (i === texts.length - 1 && keyboard ? { text, keyboard } : { text }));
}
