import type Database from 'better-sqlite3';
import type { Channel } from '../../state/sessions.js';

/** 公众号 allows 客服 messages for 48 hours after the user's last message; past that an answer cannot go out. */
const MAX_AGE_MS = 48 * 3_600_000;

/** A user's message as received, before its answer is sent. */
export interface Received {
  user: string;
  /** the platform's MsgId (or, for a follow, its CreateTime): what makes the message once-only */
  key: string;
  text: string;
}

/**
 * Messages a callback acknowledged but whose answer is not sent yet. A platform does not call again once the
 * callback answered, so the message is written here first: a crash or restart before the answer went out leaves
 * it here, and the next start answers it (the turn itself is once-only, by its key).
 */
export class Inbox {
  private readonly stmts;

  constructor(
    db: Database.Database,
    private readonly channel: Channel,
    private readonly log: (line: string) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    this.stmts = {
      add: db.prepare('INSERT OR IGNORE INTO plain_text_inbox (channel, user_key, message_key, text, received_at) VALUES (?, ?, ?, ?, ?)'),
      pending: db.prepare('SELECT user_key AS user, message_key AS key, text FROM plain_text_inbox WHERE channel = ? ORDER BY received_at, rowid'),
      expire: db.prepare('DELETE FROM plain_text_inbox WHERE channel = ? AND received_at < ?'),
      done: db.prepare('DELETE FROM plain_text_inbox WHERE channel = ? AND user_key = ? AND message_key = ?'),
    };
  }

  /** Records a message; false when it is already waiting (a platform retry of a message still being answered). */
  add(r: Received): boolean {
    return this.stmts.add.run(this.channel, r.user, r.key, r.text, this.now()).changes === 1;
  }

  /** Messages still to answer, oldest first; older than `maxAgeMs` they are dropped: an answer that late helps no one. */
  pending(maxAgeMs = MAX_AGE_MS): Received[] {
    const dropped = this.stmts.expire.run(this.channel, this.now() - maxAgeMs).changes;
    if (dropped) this.log(`${dropped} message(s) older than ${maxAgeMs / 3_600_000} h dropped unanswered`);
    return this.stmts.pending.all(this.channel) as Received[];
  }

  done(r: Received): void {
    this.stmts.done.run(this.channel, r.user, r.key);
  }
}
