import type { Api } from 'grammy';
import { staffReplyMessage, type Conversations } from '../conversation.js';
import { toTelegram } from '../channels/telegram/render.js';

/**
 * Sends staff replies waiting for Telegram users; each is marked delivered only once Telegram accepted it, so a
 * failure is retried on the next sweep. Returns how many were delivered.
 */
export async function deliverToTelegram(api: Api, conversations: Conversations, log: (l: string) => void = () => {}): Promise<number> {
  let delivered = 0;
  for (const r of conversations.tickets.pending('telegram')) {
    try {
      for (const out of toTelegram(staffReplyMessage(r))) await api.sendMessage(Number(r.userKey), out.text, { parse_mode: 'HTML' });
      conversations.tickets.markDelivered(r.replyId);
      const session = conversations.store.forUser('telegram', r.userKey);
      conversations.store.appendBot(session.id, [staffReplyMessage(r)]);
      delivered++;
    } catch (e) {
      log(`ticket ${r.ref}: Telegram delivery failed, will retry: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return delivered;
}
