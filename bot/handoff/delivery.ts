import type { Api } from 'grammy';
import { staffReplyMessage, type Conversations } from '../conversation.js';
import { toTelegram } from '../channels/telegram/render.js';
import type { Channel } from '../state/sessions.js';
import type { PendingReply } from './tickets.js';

/** Thrown by a send the platform refused for good (the user unfollowed, a window closed): retrying is useless. */
export class UndeliverableError extends Error {}

/**
 * Sends the staff replies waiting for a channel's users; each is marked delivered (and added to the transcript)
 * only once the platform accepted it, so a failure is retried on the next sweep — but one refused for good
 * (UndeliverableError) is marked undeliverable, which reopens its ticket for staff. Returns how many were delivered.
 */
export async function deliverStaffReplies(
  channel: Channel,
  conversations: Conversations,
  send: (r: PendingReply) => Promise<void>,
  log: (l: string) => void = () => {},
): Promise<number> {
  let delivered = 0;
  for (const r of conversations.tickets.pending(channel)) {
    try {
      await send(r);
      conversations.tickets.markDelivered(r.replyId);
      const session = conversations.store.forUser(channel, r.userKey);
      conversations.store.appendBot(session.id, [staffReplyMessage(r)]);
      delivered++;
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      if (e instanceof UndeliverableError) {
        conversations.tickets.markUndeliverable(r.replyId, reason);
        log(`ticket ${r.ref}: ${channel} refused the staff reply for good, ticket reopened: ${reason}`);
      } else log(`ticket ${r.ref}: ${channel} delivery failed, will retry: ${reason}`);
    }
  }
  return delivered;
}

/** Staff replies to Telegram users. */
export function deliverToTelegram(api: Api, conversations: Conversations, log: (l: string) => void = () => {}): Promise<number> {
  return deliverStaffReplies('telegram', conversations, async (r) => {
    for (const out of toTelegram(staffReplyMessage(r))) await api.sendMessage(Number(r.userKey), out.text, { parse_mode: 'HTML' });
  }, log);
}
