import type { Conversations } from '../../../conversation.js';
import { deliverStaffReplies } from '../../../handoff/delivery.js';
import type { Route } from '../../http/server.js';
import type { Received } from '../../wechat-text/inbox.js';
import type { PlainTextTurn } from '../../wechat-text/render.js';
import { PlainTextConversation, type PlainTextChannel } from '../../wechat-text/text-conversation.js';
import { WeChatApiClient } from './api-client.js';
import type { CallbackKeys } from './envelope.js';
import type { UserMessage } from './inbound.js';
import { PerUserQueue } from './user-queue.js';

export interface CallbackChannelOptions {
  conversations: Conversations;
  dataDir: string;
  /** injected so tests back off (45009) and time tokens without waiting */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  log?: (line: string) => void;
}

/**
 * What 企业微信 and 公众号 share: a callback route, the plain-text conversation, an API client holding the access
 * token, replies sent in order per user, and staff replies from the desk.
 */
export abstract class CallbackChannel {
  readonly conversation: PlainTextConversation;
  readonly api: WeChatApiClient;
  protected readonly queue: PerUserQueue;
  private delivering = false;

  abstract readonly route: Route;
  /** where the platform's console must point: the path `route` answers */
  abstract readonly path: string;
  /** Sends texts to a user through the platform's API, split or packed under its limit. */
  protected abstract sendTexts(user: string, texts: string[]): Promise<void>;

  protected constructor(
    channel: PlainTextChannel,
    protected readonly keys: CallbackKeys,
    api: { root: string; tokenPath: string },
    protected readonly options: CallbackChannelOptions,
  ) {
    this.conversation = new PlainTextConversation(options.conversations, options.dataDir, channel, options);
    this.api = new WeChatApiClient({
      ...api,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
    this.queue = new PerUserQueue(options.log);
  }

  /** What a message gets: the dialog's answer to one received, a hint for one the dialog does not read. */
  protected turnFor(message: UserMessage, received: Received | null): Promise<PlainTextTurn | null> {
    return received ? this.conversation.answer(received) : Promise.resolve(this.conversation.hint(message));
  }

  /** Sends a turn's texts, then clears the message from the inbox: only an answer sent is done with. */
  protected async sendAnswer(user: string, turn: PlainTextTurn | null, received: Received | null, skip = 0): Promise<void> {
    if (turn) await this.sendTexts(user, turn.texts.slice(skip));
    if (received) this.conversation.inbox.done(received);
  }

  /**
   * Answers the messages a previous run acknowledged but did not answer (a crash, a restart, a send that failed
   * for good): a turn not applied yet is applied now, one applied is sent again. Returns how many.
   */
  resume(): number {
    const pending = this.conversation.inbox.pending();
    for (const r of pending) this.queue.run(r.user, async () => this.sendAnswer(r.user, await this.conversation.answer(r, true), r));
    return pending.length;
  }

  /** Staff replies from the desk to this channel's users; a sweep still running is not started twice. */
  async deliverStaffReplies(): Promise<number> {
    if (this.delivering) return 0;
    this.delivering = true;
    try {
      const send = (r: Parameters<PlainTextConversation['staffReply']>[0]) => this.sendTexts(r.userKey, this.conversation.staffReply(r).texts);
      return await deliverStaffReplies(this.conversation.channel, this.options.conversations, send, this.options.log);
    } finally {
      this.delivering = false;
    }
  }

  /** Waits for every reply queued so far to be sent (or to have failed). */
  settled(): Promise<void> {
    return this.queue.settled();
  }
}
