import { HttpError } from '../http/body.js';
import type { Route } from '../http/server.js';
import { splitText } from '../wechat-text/split.js';
import { WeChatApiError } from '../wechat/protocol/api-client.js';
import { CallbackChannel, type CallbackChannelOptions } from '../wechat/protocol/callback-channel.js';
import { readInbound, userMessage, verifyUrl } from '../wechat/protocol/inbound.js';
import { sendPlain } from '../wechat/protocol/respond.js';
import type { WeComConfig } from './config.js';

export const WECOM_CALLBACK_PATH = '/wecom/callback';

/**
 * The 企业微信 self-built application in callback mode. The callback checks and decrypts a message and answers
 * at once (企业微信 gives a callback 5 s and then retries it); the reply goes out through the message API
 * afterwards, in order per user, so a slow turn (a language model, a busy server) never misses that deadline.
 */
export class WeComChannel extends CallbackChannel {
  constructor(private readonly config: WeComConfig, options: CallbackChannelOptions) {
    super(
      'wecom',
      { token: config.token, aesKey: config.aesKey, receiveId: config.corpId },
      {
        root: config.apiRoot,
        tokenPath: `/cgi-bin/gettoken?corpid=${encodeURIComponent(config.corpId)}&corpsecret=${encodeURIComponent(config.secret)}`,
        // 45009 here is a per-minute limit: worth a short wait
        rateLimitLiftsSoon: true,
      },
      options,
    );
  }

  readonly path = WECOM_CALLBACK_PATH;

  readonly route: Route = async (req, res, url) => {
    if (url.pathname !== WECOM_CALLBACK_PATH) return false;
    if (req.method === 'GET') {
      await sendPlain(res, verifyUrl(url, this.keys, 'always', this.now()));
      return true;
    }
    const { fields } = await readInbound(req, url, this.keys, 'always', this.now());
    // the corp's other applications share its Token and key: a message for another one is not ours to answer
    if (fields.AgentID !== this.config.agentId) throw new HttpError(403, 'message is for another application (AgentID)');
    const message = userMessage(fields);
    // written down before the acknowledgement: after it, 企业微信 will not call again
    const received = this.conversation.receive(message);
    this.answerInQueue(message.user, received, async () => this.sendAnswer(message.user, await this.turnFor(message, received), received));
    await sendPlain(res, '');
    return true;
  };

  /** Each dialog message as its own short message, split at sentences under 2048 bytes. */
  protected async sendTexts(user: string, texts: string[]): Promise<void> {
    for (const content of texts.flatMap((t) => splitText(t))) {
      const reply = await this.api.post('/cgi-bin/message/send', { touser: user, msgtype: 'text', agentid: Number(this.config.agentId), text: { content }, safe: 0 });
      // accepted, but not for this user: outside the application's 可见范围, which only an administrator can change
      if (reply.invaliduser) throw new WeChatApiError(0, `${user} is not in the application's visible range (可见范围)`, '/cgi-bin/message/send', true);
    }
  }
}
