import type Database from 'better-sqlite3';
import type { Channel } from '../state/sessions.js';

export type TicketStatus = 'open' | 'answered' | 'closed';

/** Everything a person needs to take over without asking the user again. */
export interface TicketPacket {
  question: string | null;
  jurisdiction: string | null;
  facts: Record<string, unknown>;
  /** the deterministic outcomes at the moment of handoff, per programme */
  draftVerdicts: Array<{ id: string; title: string; outcome: string }>;
  transcript: Array<{ role: string; payload: unknown }>;
  suggestedDepartments: Array<{ name: string; jurisdiction: string; confidence: number }>;
}

export interface Ticket {
  ref: string;
  channel: Channel;
  userKey: string;
  sessionId: string | null;
  status: TicketStatus;
  reason: string;
  packet: TicketPacket;
  createdAt: number;
  updatedAt: number;
  /** `undeliverable`: why the user's channel refused the reply for good (then it is not retried), else null */
  replies: Array<{ text: string; at: number; deliveredAt: number | null; undeliverable: string | null }>;
}

interface Row {
  id: number; ref: string; session_id: string | null; channel: Channel; user_key: string; status: TicketStatus; reason: string; packet: string;
  created_at: number; updated_at: number;
}

export interface PendingReply {
  replyId: number;
  ref: string;
  channel: Channel;
  userKey: string;
  text: string;
}

/** Handoff tickets and staff replies, in the conversations database. */
export class TicketStore {
  constructor(private readonly db: Database.Database, private readonly now: () => number = Date.now) {}

  /** Opens a ticket; returns its reference number (TC-YYYYMMDD-NNNN, counting per day). */
  open(input: { channel: Channel; userKey: string; sessionId: string; reason: string; packet: TicketPacket }): string {
    const now = this.now();
    const day = new Date(now).toISOString().slice(0, 10).replace(/-/g, '');
    // the highest number issued, not a count: tickets of users who asked to be forgotten are deleted, and a count
    // would then hand out a number still in use (a UNIQUE failure, so a 500, for every handoff the rest of the day)
    const { n } = this.db.prepare('SELECT COALESCE(MAX(CAST(substr(ref, 13) AS INTEGER)), 0) AS n FROM tickets WHERE ref LIKE ?').get(`TC-${day}-%`) as { n: number };
    const ref = `TC-${day}-${String(n + 1).padStart(4, '0')}`;
    this.db
      .prepare('INSERT INTO tickets (ref, session_id, channel, user_key, status, reason, packet, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(ref, input.sessionId, input.channel, input.userKey, 'open', input.reason, JSON.stringify(input.packet), now, now);
    return ref;
  }

  list(status?: TicketStatus): Ticket[] {
    const rows = (status
      ? this.db.prepare('SELECT * FROM tickets WHERE status = ? ORDER BY created_at DESC').all(status)
      : this.db.prepare('SELECT * FROM tickets ORDER BY created_at DESC').all()) as Row[];
    return rows.map((r) => this.toTicket(r));
  }

  get(ref: string): Ticket | undefined {
    const r = this.db.prepare('SELECT * FROM tickets WHERE ref = ?').get(ref) as Row | undefined;
    return r ? this.toTicket(r) : undefined;
  }

  /** Records a staff reply for delivery to the user's channel; the ticket becomes answered. */
  reply(ref: string, text: string): boolean {
    const t = this.db.prepare('SELECT id, status FROM tickets WHERE ref = ?').get(ref) as { id: number; status: TicketStatus } | undefined;
    if (!t || t.status === 'closed') return false;
    const now = this.now();
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO ticket_replies (ticket_id, text, at) VALUES (?, ?, ?)').run(t.id, text, now);
      this.db.prepare("UPDATE tickets SET status = 'answered', updated_at = ? WHERE id = ?").run(now, t.id);
    })();
    return true;
  }

  close(ref: string): boolean {
    return this.db.prepare("UPDATE tickets SET status = 'closed', updated_at = ? WHERE ref = ? AND status != 'closed'").run(this.now(), ref).changes === 1;
  }

  /** Staff replies not yet delivered (nor refused for good), oldest first; for one channel and user when given. */
  pending(channel?: Channel, userKey?: string): PendingReply[] {
    const where = ['r.delivered_at IS NULL', 'r.undeliverable IS NULL'];
    const params: string[] = [];
    if (channel) {
      where.push('t.channel = ?');
      params.push(channel);
    }
    if (userKey) {
      where.push('t.user_key = ?');
      params.push(userKey);
    }
    return this.db
      .prepare(
        `SELECT r.id AS replyId, t.ref, t.channel, t.user_key AS userKey, r.text FROM ticket_replies r JOIN tickets t ON t.id = r.ticket_id
         WHERE ${where.join(' AND ')} ORDER BY r.id`,
      )
      .all(...params) as PendingReply[];
  }

  forgetUser(channel: Channel, userKey: string): number {
    return this.db.prepare('DELETE FROM tickets WHERE channel = ? AND user_key = ?').run(channel, userKey).changes;
  }

  markDelivered(replyId: number): void {
    this.db.prepare('UPDATE ticket_replies SET delivered_at = ? WHERE id = ?').run(this.now(), replyId);
  }

  /**
   * A reply the user's channel will never take (the user unfollowed, the platform's window closed): it is not
   * retried, and its ticket is open again, so staff see that the user did not get it and can reach them another way.
   */
  markUndeliverable(replyId: number, reason: string): void {
    const now = this.now();
    this.db.transaction(() => {
      this.db.prepare('UPDATE ticket_replies SET undeliverable = ? WHERE id = ?').run(reason, replyId);
      this.db.prepare("UPDATE tickets SET status = 'open', updated_at = ? WHERE id = (SELECT ticket_id FROM ticket_replies WHERE id = ?) AND status != 'closed'").run(now, replyId);
    })();
  }

  private toTicket(r: Row): Ticket {
    const replies = this.db.prepare('SELECT text, at, delivered_at AS deliveredAt, undeliverable FROM ticket_replies WHERE ticket_id = ? ORDER BY id').all(r.id) as Ticket['replies'];
    return {
      ref: r.ref, channel: r.channel, userKey: r.user_key, sessionId: r.session_id, status: r.status, reason: r.reason,
      packet: JSON.parse(r.packet) as TicketPacket, createdAt: r.created_at, updatedAt: r.updated_at, replies,
    };
  }
}
