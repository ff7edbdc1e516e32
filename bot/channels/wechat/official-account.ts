import type { Route } from '../http/server.js';
import type { PlainTextTurn } from '../wechat-text/render.js';
import { packTexts } from '../wechat-text/split.js';
import type { WeChatConfig } from './config.js';
import { sealReply } from './protocol/envelope.js';
import { readInbound, userMessage, verifyUrl, type Inbound } from './protocol/inbound.js';
import { sendPlain } from './protocol/respond.js';
import { CallbackChannel, type CallbackChannelOptions } from './protocol/callback-channel.js';
import { buildXml } from './protocol/xml.js';

export const WECHAT_CALLBACK_PATH = '/wechat/callback';
/** 公众号 waits 5 s for a callback, then retries; a passive reply must be well inside that, network included. */
export const DEFAULT_REPLY_BUDGET_MS = 3_000;
/** The most WECHAT_REPLY_BUDGET_MS may be: a second of the 5 s is left for the network and the platform's own timing. */
export const MAX_REPLY_BUDGET_MS = 4_000;
/** Said at once when the answer takes longer than the budget; the answer follows through the 客服 API. */
export const ACKNOWLEDGEMENT = '收到，正在查询，稍后把结果发给您。';

export interface OfficialAccountOptions extends CallbackChannelOptions {
  /** how long the callback waits for the answer before acknowledging instead (default 3 s, at most MAX_REPLY_BUDGET_MS) */
  replyBudgetMs?: number;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * A 微信公众号 in server mode, plain or safe (AES). An answer ready within the budget is the callback's passive
 * reply (free, and instant for the user); a slower one gets an acknowledgement, and the answer follows through
 * the 客服消息 API. Texts are packed into as few messages as fit: the 客服 API allows only a few per user message.
 */
export class OfficialAccountChannel extends CallbackChannel {
  private readonly budgetMs: number;

  constructor(config: WeChatConfig, options: OfficialAccountOptions) {
    super(
      'wechat',
      { token: config.token, ...(config.aesKey ? { aesKey: config.aesKey } : {}), receiveId: config.appId },
      {
        root: config.apiRoot,
        tokenPath: `/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(config.appId)}&secret=${encodeURIComponent(config.appSecret)}`,
        // 45009 is the daily quota here: waiting seconds would only hold the user's queue
        rateLimitLiftsSoon: false,
      },
      options,
    );
    this.budgetMs = options.replyBudgetMs ?? DEFAULT_REPLY_BUDGET_MS;
  }

  readonly path = WECHAT_CALLBACK_PATH;

  readonly route: Route = async (req, res, url) => {
    if (url.pathname !== WECHAT_CALLBACK_PATH) return false;
    if (req.method === 'GET') {
      await sendPlain(res, verifyUrl(url, this.keys, 'when-flagged', this.now()));
      return true;
    }
    const inbound = await readInbound(req, url, this.keys, 'when-flagged', this.now());
    const message = userMessage(inbound.fields);
    const received = this.conversation.receive(message);
    // the packed texts once the answer is ready; whether the passive reply carried the first of them out
    const ready = deferred<string[]>();
    const passive = deferred<boolean>();
    this.answerInQueue(message.user, received, async () => {
      let turn: PlainTextTurn | null = null;
      try {
        turn = await this.turnFor(message, received);
      } finally {
        ready.resolve(turn ? packTexts(turn.texts) : []);
      }
      const texts = await ready.promise;
      await this.sendAnswer(message.user, turn && { ...turn, texts }, received, (await passive.promise) ? 1 : 0);
    });
    let timer: NodeJS.Timeout | undefined;
    const texts = await Promise.race([ready.promise, new Promise<null>((r) => (timer = setTimeout(() => r(null), this.budgetMs)))]);
    clearTimeout(timer);
    if (texts === null || !texts.length) {
      passive.resolve(false);
      await sendPlain(res, texts === null ? this.passiveReply(inbound, ACKNOWLEDGEMENT) : 'success', texts === null ? 'application/xml' : 'text/plain');
    } else {
      // the platform may have stopped waiting: then the first text goes through the 客服 API with the rest
      passive.resolve(await sendPlain(res, this.passiveReply(inbound, texts[0]!), 'application/xml'));
    }
    return true;
  };

  /** A text reply in the callback's response, encrypted when the message came encrypted. */
  private passiveReply(inbound: Inbound, content: string): string {
    const xml = buildXml({
      ToUserName: inbound.fields.FromUserName ?? '',
      FromUserName: inbound.fields.ToUserName ?? '',
      CreateTime: Math.floor(this.now() / 1000),
      MsgType: 'text',
      Content: content,
    });
    return inbound.encrypted ? sealReply(this.keys, xml, inbound.timestamp) : xml;
  }

  /** Through the 客服消息 API, packed into as few messages as fit. */
  protected async sendTexts(user: string, texts: string[]): Promise<void> {
    for (const content of packTexts(texts)) await this.api.post('/cgi-bin/message/custom/send', { touser: user, msgtype: 'text', text: { content } });
  }
}
