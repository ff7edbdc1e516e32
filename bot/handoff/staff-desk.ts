/** What the user is told when the operator does not say (TONGCE_STAFF_REPLY_WITHIN). */
export const DEFAULT_REPLY_WITHIN = '1个工作日内';

/** A staff desk that answers handoff tickets, and how soon, as the user is told. */
export interface StaffDesk {
  replyWithin: string;
}

/**
 * The desk is there when staff can reach the tickets (TONGCE_STAFF_TOKEN opens /staff and `tongce tickets`);
 * without it, a ticket would wait for nobody, so none is promised.
 */
export function staffDeskFromEnv(env: NodeJS.ProcessEnv): StaffDesk | null {
  if (!env.TONGCE_STAFF_TOKEN) return null;
  return { replyWithin: env.TONGCE_STAFF_REPLY_WITHIN?.trim() || DEFAULT_REPLY_WITHIN };
}
