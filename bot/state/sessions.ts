import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { withoutNulls } from '../../rules/facts/validate.js';

export type Channel = 'web' | 'telegram' | 'terminal' | 'wecom' | 'wechat';

export interface StoredSession<S> {
  id: string;
  channel: Channel;
  userKey: string;
  state: S;
  facts: Record<string, unknown>;
  turns: number;
  createdAt: number;
  updatedAt: number;
}

interface Row {
  id: string; channel: Channel; user_key: string; state: string; facts: string; turns: number; created_at: number; updated_at: number;
}

export interface TurnResult<S, R> {
  state: S;
  facts: Record<string, unknown>;
  reply: R;
  /** what to record of the user's message in the transcript */
  userEntry: unknown;
}

/**
 * Sessions, facts, transcripts and processed messages. A turn runs inside one transaction: either the new state,
 * the facts, both transcript entries and the processed-message marker are all written, or none is.
 */
export class SessionStore<S> {
  private readonly stmts;

  constructor(private readonly db: Database.Database, private readonly initialState: () => S, private readonly now: () => number = Date.now) {
    this.stmts = {
      get: db.prepare('SELECT * FROM sessions WHERE id = ?'),
      byUser: db.prepare('SELECT * FROM sessions WHERE channel = ? AND user_key = ? ORDER BY updated_at DESC LIMIT 1'),
      insert: db.prepare(
        'INSERT INTO sessions (id, channel, user_key, state, facts, turns, created_at, updated_at) VALUES (@id, @channel, @userKey, @state, @facts, 0, @now, @now)',
      ),
      update: db.prepare('UPDATE sessions SET state = @state, facts = @facts, turns = turns + 1, updated_at = @now WHERE id = @id'),
      transcript: db.prepare('INSERT INTO transcripts (session_id, turn, role, payload, at) VALUES (?, ?, ?, ?, ?)'),
      processed: db.prepare('SELECT reply FROM processed WHERE channel = ? AND message_key = ?'),
      markProcessed: db.prepare('INSERT INTO processed (channel, message_key, session_id, reply, at) VALUES (?, ?, ?, ?, ?)'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
      deleteUser: db.prepare('DELETE FROM sessions WHERE channel = ? AND user_key = ?'),
      expire: db.prepare('DELETE FROM sessions WHERE updated_at < ?'),
      history: db.prepare('SELECT role, payload FROM transcripts WHERE session_id = ? ORDER BY id'),
    };
  }

  /**
   * A stored row as a session. Facts saved before the dialog emptied slots for null may hold one, which every reader
   * (the dialog, the report, the handoff packet) hands to the rules as it is: null is read as unknown here, once.
   */
  private fromRow(r: Row): StoredSession<S> {
    return {
      id: r.id, channel: r.channel, userKey: r.user_key, state: JSON.parse(r.state) as S, facts: withoutNulls(JSON.parse(r.facts)) as Record<string, unknown>,
      turns: r.turns, createdAt: r.created_at, updatedAt: r.updated_at,
    };
  }

  get(id: string): StoredSession<S> | undefined {
    const r = this.stmts.get.get(id) as Row | undefined;
    return r ? this.fromRow(r) : undefined;
  }

  /** The session of a user in a channel, created when there is none (or it was forgotten or expired). */
  forUser(channel: Channel, userKey: string, id: string = randomUUID()): StoredSession<S> {
    const r = this.stmts.byUser.get(channel, userKey) as Row | undefined;
    if (r) return this.fromRow(r);
    this.stmts.insert.run({ id, channel, userKey, state: JSON.stringify(this.initialState()), facts: '{}', now: this.now() });
    return this.get(id)!;
  }

  /** The reply already given to a message, if it was processed before (a retry, a duplicate webhook call). */
  replayOf<R>(channel: Channel, messageKey: string): R | undefined {
    const r = this.stmts.processed.get(channel, messageKey) as { reply: string } | undefined;
    return r ? (JSON.parse(r.reply) as R) : undefined;
  }

  /**
   * Applies one turn atomically. `decide` is synchronous and runs inside the transaction, so turns of one session
   * never interleave and a crash leaves the session exactly as before or exactly as after the turn. With a
   * message key, a message seen before is not applied again: its stored reply is returned.
   */
  turn<R>(sessionId: string, messageKey: { channel: Channel; key: string } | null, decide: (s: StoredSession<S>) => TurnResult<S, R>): { reply: R; replayed: boolean } {
    return this.db.transaction(() => {
      if (messageKey) {
        const seen = this.replayOf<R>(messageKey.channel, messageKey.key);
        if (seen !== undefined) return { reply: seen, replayed: true };
      }
      const session = this.get(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      const result = decide(session);
      const now = this.now();
      const turn = session.turns + 1;
      // a turn that forgets the user deletes the session; nothing of it may be written back
      if (this.get(sessionId)) {
        this.stmts.update.run({ id: sessionId, state: JSON.stringify(result.state), facts: JSON.stringify(result.facts), now });
        this.stmts.transcript.run(sessionId, turn, 'user', JSON.stringify(result.userEntry), now);
        // a verdict reply carries the whole evaluation (~150 KB): serialise it once for both records
        const reply = JSON.stringify(result.reply);
        this.stmts.transcript.run(sessionId, turn, 'bot', reply, now);
        if (messageKey) this.stmts.markProcessed.run(messageKey.channel, messageKey.key, sessionId, reply, now);
      }
      return { reply: result.reply, replayed: false };
    })();
  }

  /** Adds a bot message outside a turn (a staff reply delivered later), so the transcript stays complete. */
  appendBot(sessionId: string, payload: unknown): void {
    const s = this.get(sessionId);
    if (s) this.stmts.transcript.run(sessionId, s.turns, 'bot', JSON.stringify(payload), this.now());
  }

  transcript(sessionId: string): Array<{ role: string; payload: unknown }> {
    return (this.stmts.history.all(sessionId) as Array<{ role: string; payload: string }>).map((r) => ({ role: r.role, payload: JSON.parse(r.payload) }));
  }

  /** Deletes a user's sessions, facts, transcripts and processed-message records in that channel. */
  forgetUser(channel: Channel, userKey: string): number {
    return this.stmts.deleteUser.run(channel, userKey).changes;
  }

  forgetSession(id: string): void {
    this.stmts.deleteSession.run(id);
  }

  /** Deletes sessions idle longer than `idleMs`; returns how many. */
  expireIdle(idleMs: number): number {
    return this.stmts.expire.run(this.now() - idleMs).changes;
  }
}
