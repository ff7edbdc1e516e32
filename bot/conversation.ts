import { join } from 'node:path';
import type { Knowledge } from '../knowledge/index.js';
import { deskAnswer } from './desk.js';
import { respond, type DialogDeps } from './dialog/engine.js';
import type { Input, Message } from './dialog/message.js';
import { initialState, type DialogState } from './dialog/state.js';
import { openConversationDb } from './state/database.js';
import { SessionStore, type Channel } from './state/sessions.js';

export interface Reply {
  sessionId: string;
  messages: Message[];
  /** the message was seen before: this is the reply it got then, and nothing was applied again */
  replayed?: boolean;
}

export interface ConversationOptions {
  dataDir: string;
  knowledge: Knowledge;
  today?: () => string;
  /** idle sessions older than this are deleted (default 30 days) */
  idleMs?: number;
  triage?: DialogDeps['triage'];
  handoff?: DialogDeps['handoff'];
}

const DAY = 86_400_000;

/**
 * The conversation as every channel uses it: find the user's session, run one dialog turn inside one
 * transaction, return the replies. Web, Telegram and the terminal differ only in how they carry the messages.
 */
export class Conversations {
  readonly store: SessionStore<DialogState>;
  private readonly deps: DialogDeps;
  private readonly idleMs: number;

  constructor(options: ConversationOptions) {
    const db = openConversationDb(join(options.dataDir, 'conversations.db'));
    this.store = new SessionStore<DialogState>(db, () => initialState());
    this.idleMs = options.idleMs ?? 30 * DAY;
    this.deps = {
      knowledge: options.knowledge,
      today: options.today ?? (() => new Date().toISOString().slice(0, 10)),
      triage: options.triage ?? ((question, jurisdiction) => deskAnswer(options.knowledge, question, jurisdiction)),
      ...(options.handoff ? { handoff: options.handoff } : {}),
    };
  }

  /** One user message (or button action). `messageKey` makes it once-only: a retry gets the first reply back. */
  handle(channel: Channel, userKey: string, input: Input, messageKey?: string): Reply {
    // a web client names its session by the id it was given; other channels by the user's own id
    const session = this.store.forUser(channel, userKey, channel === 'web' ? userKey : undefined);
    const key = messageKey ? { channel, key: `${userKey}:${messageKey}` } : null;
    const { reply, replayed } = this.store.turn<Message[]>(session.id, key, (s) => {
      const turn = respond(input, { state: s.state, facts: s.facts }, this.deps);
      if (turn.forget) this.store.forgetUser(channel, userKey);
      return { state: turn.state, facts: turn.facts, reply: turn.messages, userEntry: input };
    });
    return { sessionId: session.id, messages: reply, ...(replayed ? { replayed: true } : {}) };
  }

  expireIdle(): number {
    return this.store.expireIdle(this.idleMs);
  }
}
