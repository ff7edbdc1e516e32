import type { Conversations } from '../../../conversation.js';
import { deliverStaffReplies, UndeliverableError } from '../../../handoff/delivery.js';
import type { PendingReply } from '../../../handoff/tickets.js';
import type { Route } from '../../http/server.js';
import type { Received } from '../../wechat-text/inbox.js';
import type { PlainTextTurn } from '../../wechat-text/render.js';
import { PlainTextConversation, type PlainTextChannel } from '../../wechat-text/text-conversation.js';
import { WeChatApiClient, WeChatApiError } from './api-client.js';
import type { CallbackKeys } from './envelope.js';
import type { UserMessage } from './inbound.js';
import { PerUserQueue } from './user-queue.js';

/** Waits before a message whose answer failed to go out is tried again: the 1st, 2nd … retry; then the last, hourly. */
export const RETRY_BACKOFF_MS = [30_000, 120_000, 600_000, 3_600_000];

export interface CallbackChannelOptions {
  conversations: Conversations;
  dataDir: string;
  /** how long one platform API call may take (default 10 s) */
  apiTimeoutMs?: number;
  /** injected so tests back off (45009) and time tokens without waiting */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  log?: (line: string) => void;
}

const rowKey = (r: Received) => `${r.user}\n${r.key}`;

/**
 * What 企业微信 and 公众号 share: a callback route, the plain-text conversation, an API client holding the access
 * token, replies sent in order per user, answers that failed to go out tried again, and staff replies from the desk.
 */
export abstract class CallbackChannel {
  readonly conversation: PlainTextConversation;
  readonly api: WeChatApiClient;
  protected readonly queue: PerUserQueue;
  protected readonly now: () => number;
  private delivering = false;
  /** inbox rows queued or being sent: a sweep never queues one twice (it would be answered twice) */
  private readonly inFlight = new Set<string>();
  /** inbox rows whose answer failed: how often, and when the next try is due */
  private readonly failures = new Map<string, { attempts: number; dueAt: number }>();

  abstract readonly route: Route;
  /** where the platform's console must point: the path `route` answers */
  abstract readonly path: string;
  /** Sends texts to a user through the platform's API, split or packed under its limit. */
  protected abstract sendTexts(user: string, texts: string[]): Promise<void>;

  protected constructor(
    channel: PlainTextChannel,
    protected readonly keys: CallbackKeys,
    api: { root: string; tokenPath: string; rateLimitLiftsSoon: boolean },
    protected readonly options: CallbackChannelOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.conversation = new PlainTextConversation(options.conversations, options.dataDir, channel, options);
    this.api = new WeChatApiClient({
      ...api,
      ...(options.apiTimeoutMs !== undefined ? { timeoutMs: options.apiTimeoutMs } : {}),
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

  /**
   * Queues the job that answers a message; a received one is in flight until the job ends, and when the job
   * fails, stays in the inbox for a later sweep, which waits longer after each failure.
   */
  protected answerInQueue(user: string, received: Received | null, job: () => Promise<void>): void {
    if (!received) return this.queue.run(user, job);
    const key = rowKey(received);
    this.inFlight.add(key);
    this.queue.run(user, async () => {
      try {
        await job();
        this.failures.delete(key);
      } catch (e) {
        const attempts = (this.failures.get(key)?.attempts ?? 0) + 1;
        this.failures.set(key, { attempts, dueAt: this.now() + RETRY_BACKOFF_MS[Math.min(attempts, RETRY_BACKOFF_MS.length) - 1]! });
        throw e;
      } finally {
        this.inFlight.delete(key);
      }
    });
  }

  /** Sends a turn's texts, then clears the message from the inbox: only an answer sent is done with. */
  protected async sendAnswer(user: string, turn: PlainTextTurn | null, received: Received | null, skip = 0): Promise<void> {
    if (turn) await this.sendTexts(user, turn.texts.slice(skip));
    if (received) this.conversation.inbox.done(received);
  }

  /**
   * Answers the messages acknowledged but not answered — by a previous run (a crash, a restart) or by this one (a
   * send that failed) — that are neither in flight nor waiting out their back-off. A turn not applied yet is
   * applied now, one applied is sent again. Returns how many were queued.
   */
  resume(): number {
    const pending = this.conversation.inbox.pending();
    // rows answered since, or dropped as too old, need no back-off any more
    const waiting = new Set(pending.map(rowKey));
    for (const key of this.failures.keys()) if (!waiting.has(key)) this.failures.delete(key);
    const due = pending.filter((r) => !this.inFlight.has(rowKey(r)) && (this.failures.get(rowKey(r))?.dueAt ?? 0) <= this.now());
    for (const r of due) this.answerInQueue(r.user, r, async () => this.sendAnswer(r.user, await this.conversation.answer(r, true), r));
    return due.length;
  }

  /**
   * Staff replies from the desk to this channel's users, each in its user's queue (never between the parts of an
   * answer); one the platform refuses for good is marked undeliverable for staff. A sweep still running is not
   * started twice.
   */
  async deliverStaffReplies(): Promise<number> {
    if (this.delivering) return 0;
    this.delivering = true;
    try {
      const send = async (r: PendingReply) => {
        try {
          await this.queue.submit(r.userKey, () => this.sendTexts(r.userKey, this.conversation.staffReply(r).texts));
        } catch (e) {
          throw e instanceof WeChatApiError && e.permanent ? new UndeliverableError(e.message) : e;
        }
      };
      return await deliverStaffReplies(this.conversation.channel, this.options.conversations, send, this.options.log);
    } finally {
      this.delivering = false;
    }
  }

  /** The periodic sweep: staff replies, and answers that failed to go out once their back-off is over. */
  async sweep(): Promise<void> {
    const resumed = this.resume();
    if (resumed) this.options.log?.(`${this.path}: trying again to answer ${resumed} message(s)`);
    await this.deliverStaffReplies();
  }

  /** Waits for every reply queued so far to be sent (or to have failed). */
  settled(): Promise<void> {
    return this.queue.settled();
  }
}
