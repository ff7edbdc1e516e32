import { join } from 'node:path';
import { staffReplyMessage, type Conversations } from '../../conversation.js';
import type { Input, Message } from '../../dialog/message.js';
import type { PendingReply } from '../../handoff/tickets.js';
import { openConversationDb } from '../../state/database.js';
import type { UserMessage } from '../wechat/protocol/inbound.js';
import type { Channel } from '../../state/sessions.js';
import { quotedCitation } from './citation-ref.js';
import { Inbox, type Received } from './inbox.js';
import { MenuStore, type Menu } from './menu-store.js';
import { QUOTES_WORD, toPlainText, type PlainTextTurn } from './render.js';

export type PlainTextChannel = Extract<Channel, 'wecom' | 'wechat'>;

const FULLWIDTH_DIGIT = /[０-９]/gu;
const asciiDigits = (s: string) => s.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** The answer to a picture, a voice message, a location …: the dialog reads text only. */
const NOT_TEXT = '目前只能阅读文字消息，请用文字提问，或回复上一条消息中的数字。';
/** MsgIds of pictures and voice messages hinted at lately; a platform retries within seconds, so a few suffice. */
const HINTED_REMEMBERED = 1_000;

/** What a typed message means given the last menu: a button pressed by number or label, the quotes, or text. */
export function readTyped(text: string, menu: Menu | undefined): Input | 'quotes' {
  const typed = asciiDigits(text.trim());
  if (typed === QUOTES_WORD) return 'quotes';
  if (menu) {
    const n = /^\d{1,2}$/u.test(typed) && menu.numbered ? Number(typed) : NaN;
    const choice = menu.choices.find((c) => c.n === n) ?? menu.choices.find((c) => c.label === typed);
    if (choice) return { action: choice.action };
  }
  return { text };
}

/**
 * The conversation as a plain-text channel (企业微信, 公众号) has it: typed messages in, text out. Buttons are
 * offered as numbered choices and pressed by replying with the number; citations are short references, quoted
 * when the user replies "依据". Everything else is the channel-neutral conversation every channel shares.
 */
export class PlainTextConversation {
  private readonly menus: MenuStore;
  readonly inbox: Inbox;
  /** in memory: a hint repeated after a restart costs nothing, and nothing of the dialog depends on it */
  private readonly hinted = new Set<string>();

  constructor(
    private readonly conversations: Conversations,
    dataDir: string,
    readonly channel: PlainTextChannel,
    options: { log?: (line: string) => void; now?: () => number } = {},
  ) {
    const db = openConversationDb(join(dataDir, 'conversations.db'));
    this.menus = new MenuStore(db, options.now);
    this.inbox = new Inbox(db, channel, options.log, options.now);
  }

  /**
   * Writes down a message the dialog is to answer, before the callback acknowledges it; null for what the dialog
   * does not take (pictures, events other than a follow) and for a retry of a message still being answered.
   */
  receive(m: UserMessage): Received | null {
    // a follow (公众号) is answered with the welcome, once
    const received = m.kind === 'text' ? { user: m.user, key: m.key, text: m.text } : m.kind === 'subscribe' ? { user: m.user, key: m.key, text: '/start' } : null;
    return received && this.inbox.add(received) ? received : null;
  }

  /** The hint a picture, voice message or location gets, once per MsgId; events other than a follow get nothing. */
  hint(m: UserMessage): PlainTextTurn | null {
    if (m.kind !== 'other' || m.event) return null;
    if (m.key !== undefined) {
      const key = `${m.user}\n${m.key}`;
      if (this.hinted.has(key)) return null;
      this.hinted.add(key);
      if (this.hinted.size > HINTED_REMEMBERED) this.hinted.delete(this.hinted.values().next().value!);
    }
    return { texts: [NOT_TEXT], choices: [], numbered: true, citations: [] };
  }

  /**
   * The answer to a received message; its key makes it once-only. A message answered before gets null — a
   * platform retry is sent nothing twice — unless `resend`: after a restart, the answer may never have gone out.
   */
  async answer(r: Received, resend = false): Promise<PlainTextTurn | null> {
    const session = this.conversations.store.forUser(this.channel, r.user);
    const menu = this.menus.get(session.id);
    const input = readTyped(r.text, menu);
    if (input === 'quotes') return this.quotes(session.id, r, menu, resend);
    const reply = await this.conversations.handleAsync(this.channel, r.user, input, r.key);
    if (reply.replayed) return resend ? toPlainText(reply.messages) : null;
    const turn = toPlainText(reply.messages);
    // after "忘记我" the session is gone, and its menu with it: nothing of this user is written again
    if (this.conversations.store.get(reply.sessionId)) this.menus.save(reply.sessionId, { choices: turn.choices, numbered: turn.numbered, citations: turn.citations });
    return turn;
  }

  /** "依据": the quotes behind the last references, recorded as a turn so a retry is answered once and the transcript is whole. */
  private quotes(sessionId: string, r: Received, menu: Menu | undefined, resend: boolean): PlainTextTurn | null {
    const citations = menu?.citations ?? [];
    const messages: Message[] = [
      { text: citations.length ? `条款原文（${citations.length} 条）：\n\n${citations.map((c, i) => quotedCitation(c, i + 1)).join('\n\n')}` : '上一条回复没有引用条款。' },
    ];
    const { reply, replayed } = this.conversations.store.turn(sessionId, { channel: this.channel, key: `${r.user}:${r.key}` }, (s) => ({
      state: s.state,
      facts: s.facts,
      reply: messages,
      userEntry: { text: r.text },
    }));
    if (replayed && !resend) return null;
    // the choices stay as they were: the quotes answer nothing the dialog asked
    return { texts: reply.map((m) => m.text), choices: [], numbered: menu?.numbered ?? true, citations: [] };
  }

  /** A staff reply from the desk, as this channel shows it. */
  staffReply(r: PendingReply): PlainTextTurn {
    return toPlainText([staffReplyMessage(r)]);
  }
}
