import { join } from 'node:path';
import type { Knowledge } from '../knowledge/index.js';
import { triage } from '../knowledge/triage/triage.js';
import { evaluate } from '../rules/evaluate.js';
import type { Facts } from '../rules/facts/schema.js';
import type { ProgrammeRegistry } from '../rules/programmes/index.js';
import { deskAnswer } from './desk.js';
import { respond, type DialogDeps } from './dialog/engine.js';
import type { Input, Message } from './dialog/message.js';
import { initialState, type DialogState } from './dialog/state.js';
import { contactsWithoutDesk } from './handoff/contacts.js';
import { DEFAULT_REPLY_WITHIN, type StaffDesk } from './handoff/staff-desk.js';
import { TicketStore, type PendingReply, type TicketPacket } from './handoff/tickets.js';
import type { TurnPreparer } from './llm/turn-aids.js';
import { openConversationDb } from './state/database.js';
import { SessionStore, type Channel, type StoredSession } from './state/sessions.js';

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
  /** the optional language model (bot/llm): used by handleAsync only; null or absent → every turn is deterministic */
  llm?: TurnPreparer | null;
  /** who answers handoff tickets (default: a desk replying within DEFAULT_REPLY_WITHIN); null → none, and 转人工 names whom to contact */
  staffDesk?: StaffDesk | null;
  /** the programmes judged and asked about (default: the production registry) */
  programmes?: ProgrammeRegistry;
}

const DAY = 86_400_000;

/** One line of a conversation as a page shows it again: what the user typed (or pressed), or the bot's replies. */
export type HistoryEntry =
  | { role: 'user'; text: string | null }
  | { role: 'bot'; messages: Array<Omit<Message, 'evaluation'> & { evaluation?: { programmes: Array<{ id: string; outcome: string }> } }> };

/** How a staff reply reads in the user's channel. */
export function staffReplyMessage(r: PendingReply): Message {
  return { text: `工作人员回复（工单 ${r.ref}）：\n${r.text}` };
}

/**
 * The conversation as every channel uses it: find the user's session, run one dialog turn inside one
 * transaction, return the replies. Web, Telegram and the terminal differ only in how they carry the messages.
 */
export class Conversations {
  readonly store: SessionStore<DialogState>;
  readonly tickets: TicketStore;
  private readonly deps: DialogDeps;
  private readonly idleMs: number;
  private readonly knowledge: Knowledge;
  private readonly llm: TurnPreparer | null;
  private readonly staffDesk: StaffDesk | null;

  constructor(options: ConversationOptions) {
    const db = openConversationDb(join(options.dataDir, 'conversations.db'));
    const programmes = options.programmes;
    this.store = new SessionStore<DialogState>(db, () => initialState('zh', programmes?.ids));
    this.tickets = new TicketStore(db);
    this.idleMs = options.idleMs ?? 30 * DAY;
    this.knowledge = options.knowledge;
    this.llm = options.llm ?? null;
    this.staffDesk = options.staffDesk === undefined ? { replyWithin: DEFAULT_REPLY_WITHIN } : options.staffDesk;
    this.deps = {
      knowledge: options.knowledge,
      today: options.today ?? (() => new Date().toISOString().slice(0, 10)),
      triage: options.triage ?? ((question, jurisdiction) => deskAnswer(options.knowledge, question, jurisdiction)),
      ...(this.staffDesk
        ? { staffReplyWithin: this.staffDesk.replyWithin }
        : { contacts: (question, jurisdiction) => contactsWithoutDesk(options.knowledge, question, jurisdiction) }),
      ...(programmes ? { programmes } : {}),
    };
  }

  /** What a person taking over needs: the question, where, the facts, the draft verdicts, the whole conversation. */
  private packet(session: StoredSession<DialogState>, question: string | null): TicketPacket {
    const history = this.store.transcript(session.id);
    const lastText = [...history].reverse().find((e) => e.role === 'user' && typeof (e.payload as Input).text === 'string');
    const asked = question ?? ((lastText?.payload as Input | undefined)?.text ?? null);
    const region = typeof session.facts.region === 'string' && session.facts.region !== '市外' ? session.facts.region : null;
    const draft = evaluate(session.facts as Facts, this.deps.today(), this.deps.programmes);
    const routed = asked ? triage(this.knowledge, asked, region ? { jurisdiction: region } : {}) : null;
    return {
      question: asked,
      jurisdiction: region,
      facts: session.facts,
      draftVerdicts: draft.programmes.map((p) => ({ id: p.id, title: p.title, outcome: p.outcome })),
      transcript: history,
      suggestedDepartments: (routed?.departments ?? []).map((d) => ({ name: d.name, jurisdiction: d.jurisdiction, confidence: d.confidence })),
    };
  }

  /** One user message (or button action). `messageKey` makes it once-only: a retry gets the first reply back. */
  handle(channel: Channel, userKey: string, input: Input, messageKey?: string): Reply {
    return this.turn(channel, userKey, input, messageKey, {});
  }

  /**
   * handle() with the language model's help, where one is configured. The model's work (facts read from free
   * text, a grounded answer) is done before the turn, under its time limit; the turn itself stays synchronous
   * and atomic and uses what came back in time. Without a model, and for a message already answered, it is handle().
   */
  async handleAsync(channel: Channel, userKey: string, input: Input, messageKey?: string): Promise<Reply> {
    const seen = messageKey !== undefined && this.store.replayOf(channel, `${userKey}:${messageKey}`) !== undefined;
    if (!this.llm || seen) return this.handle(channel, userKey, input, messageKey);
    const session = this.store.forUser(channel, userKey, channel === 'web' ? userKey : undefined);
    const aids = await this.llm.prepareTurn(input, { state: session.state, facts: session.facts }, this.deps);
    return this.turn(channel, userKey, input, messageKey, aids);
  }

  private turn(channel: Channel, userKey: string, input: Input, messageKey: string | undefined, aids: Partial<DialogDeps>): Reply {
    // a web client names its session by the id it was given; other channels by the user's own id
    const session = this.store.forUser(channel, userKey, channel === 'web' ? userKey : undefined);
    const key = messageKey ? { channel, key: `${userKey}:${messageKey}` } : null;
    const { reply, replayed } = this.store.turn<Message[]>(session.id, key, (s) => {
      const deps: DialogDeps = {
        ...this.deps,
        ...aids,
        ...(this.staffDesk ? { handoff: (reason: string, question: string | null) => this.tickets.open({ channel, userKey, sessionId: s.id, reason, packet: this.packet(s, question) }) } : {}),
      };
      const turn = respond(input, { state: s.state, facts: s.facts }, deps);
      if (turn.forget) this.forget(channel, userKey);
      return { state: turn.state, facts: turn.facts, reply: turn.messages, userEntry: input };
    });
    return { sessionId: session.id, messages: reply, ...(replayed ? { replayed: true } : {}) };
  }

  /** Deletes the user's sessions, facts, transcripts and tickets (whose packets hold the same facts). */
  forget(channel: Channel, userKey: string): void {
    this.store.forgetUser(channel, userKey);
    this.tickets.forgetUser(channel, userKey);
  }

  /** Staff replies waiting for this user, as bot messages; each is marked delivered and added to the transcript. */
  collectStaffReplies(channel: Channel, userKey: string): Message[] {
    const session = this.store.get(userKey) ?? this.store.forUser(channel, userKey, channel === 'web' ? userKey : undefined);
    return this.tickets.pending(channel, userKey).map((r) => {
      const message = staffReplyMessage(r);
      this.tickets.markDelivered(r.replyId);
      this.store.appendBot(session.id, [message]);
      return message;
    });
  }

  /**
   * A web session's conversation so far, for the page to show again after a reload: each user message (a button
   * press as its label) and each bot reply. A verdict keeps only its outcomes, not the whole evaluation.
   */
  history(sessionId: string): HistoryEntry[] {
    if (!this.store.get(sessionId)) return [];
    let lastButtons: Message['buttons'] = [];
    return this.store.transcript(sessionId).map((entry): HistoryEntry => {
      if (entry.role === 'user') {
        const input = entry.payload as Input;
        const label = input.action ? (lastButtons?.find((b) => b.action === input.action)?.label ?? null) : null;
        return { role: 'user', text: typeof input.text === 'string' ? input.text : label };
      }
      const messages = (Array.isArray(entry.payload) ? entry.payload : [entry.payload]) as Message[];
      lastButtons = messages.flatMap((m) => m.buttons ?? []);
      return { role: 'bot', messages: messages.map(({ evaluation, ...m }) => (evaluation ? { ...m, evaluation: { programmes: evaluation.programmes.map((p) => ({ id: p.id, outcome: p.outcome })) } } : m)) };
    });
  }

  expireIdle(): number {
    return this.store.expireIdle(this.idleMs);
  }
}
