import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encrypt, getSignature } from '@wecom/crypto';
import nock from 'nock';
import { createChatServer } from '../../bot/channels/http/server.js';
import { OfficialAccountChannel } from '../../bot/channels/wechat/official-account.js';
import { buildXml } from '../../bot/channels/wechat/protocol/xml.js';
import { WeComChannel } from '../../bot/channels/wecom/channel.js';
import { Conversations } from '../../bot/conversation.js';
import type { TurnPreparer } from '../../bot/llm/turn-aids.js';
import type { Knowledge } from '../../knowledge/index.js';

export const CORP_ID = 'ww0123456789abcdef';
export const AGENT_ID = '1000002';
export const APP_ID = 'wx0123456789abcdef';
export const TOKEN = 'callback-token-42';
export const AES_KEY = randomBytes(32).toString('base64').slice(0, 43);
export const WECOM_API = 'https://qyapi.weixin.qq.com';
export const WECHAT_API = 'https://api.weixin.qq.com';

/** What the fake platform API received: message/send (企业微信) or message/custom/send (公众号) bodies, and token fetches. */
export interface ApiLog {
  sent: Array<{ touser: string; content: string }>;
  tokenFetches: number;
}

/**
 * The platform's API, faked with nock: the token call and the send call. `sendReplies` scripts the send call's
 * answers in order (then errcode 0 for ever), e.g. [42001] for an expired token, [45009, 45009] for the rate limit.
 */
export function fakePlatformApi(kind: 'wecom' | 'wechat', sendReplies: number[] = []): ApiLog {
  const log: ApiLog = { sent: [], tokenFetches: 0 };
  const root = kind === 'wecom' ? WECOM_API : WECHAT_API;
  const tokenPath = kind === 'wecom' ? '/cgi-bin/gettoken' : '/cgi-bin/token';
  const sendPath = kind === 'wecom' ? '/cgi-bin/message/send' : '/cgi-bin/message/custom/send';
  nock(root).persist().get(tokenPath).query(true).reply(200, () => ({ errcode: 0, access_token: `token-${++log.tokenFetches}`, expires_in: 7200 }));
  const scripted = [...sendReplies];
  nock(root).persist().post(sendPath).query(true).reply(200, (_uri, body) => {
    const errcode = scripted.shift() ?? 0;
    const b = body as { touser: string; text: { content: string } };
    if (errcode === 0) log.sent.push({ touser: b.touser, content: b.text.content });
    return { errcode, errmsg: errcode ? 'scripted' : 'ok' };
  });
  return log;
}

const nonce = () => randomBytes(6).toString('hex');
/** The callback's timestamp, in seconds, at `at` (ms): now unless a test runs on its own clock. */
export const timestampAt = (at = Date.now()) => String(Math.floor(at / 1000));

/** A message as a user's client sends it, in the platform's XML; 企业微信 also names the application it is for. */
export function textMessageXml(toUser: string, user: string, text: string, msgId: string): string {
  return buildXml({ ToUserName: toUser, FromUserName: user, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'text', Content: text, MsgId: msgId, ...(toUser === CORP_ID ? { AgentID: Number(AGENT_ID) } : {}) });
}

/** A callback request as the platform signs and (for 企业微信 and 公众号 safe mode) encrypts it, at `at` (ms, default now). */
export function encryptedCallback(xml: string, options: { receiveId: string; token?: string; aesKey?: string; safeMode?: boolean; at?: number }) {
  const ts = timestampAt(options.at);
  const n = nonce();
  const token = options.token ?? TOKEN;
  const encrypted = encrypt(options.aesKey ?? AES_KEY, xml, options.receiveId);
  const signature = getSignature(token, ts, n, encrypted);
  const query = new URLSearchParams({ msg_signature: signature, timestamp: ts, nonce: n, ...(options.safeMode ? { encrypt_type: 'aes', signature: getSignature(token, ts, n, '') } : {}) });
  return { query: query.toString(), body: buildXml({ ToUserName: options.receiveId, Encrypt: encrypted }) };
}

/** A 公众号 plain-mode callback: signature over token/timestamp/nonce only, XML as is. */
export function plainCallback(xml: string, token = TOKEN, at?: number) {
  const ts = timestampAt(at);
  const n = nonce();
  return { query: new URLSearchParams({ signature: getSignature(token, ts, n, ''), timestamp: ts, nonce: n, openid: 'o' }).toString(), body: xml };
}

export interface ChannelRig<C> {
  channel: C;
  conversations: Conversations;
  dataDir: string;
  server: Server;
  url: (path: string) => string;
  post: (path: string, query: string, body: string) => Promise<{ status: number; text: string }>;
  close: () => Promise<void>;
}

interface RigOptions {
  dataDir?: string;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  llm?: TurnPreparer;
  replyBudgetMs?: number;
  apiTimeoutMs?: number;
  /** a 公众号 in plain mode (no EncodingAESKey) */
  plainMode?: boolean;
  log?: (line: string) => void;
  /** the server's per-client rate limit (default: high enough never to matter) */
  ratePerSecond?: number;
}

/** A chat server on loopback with one WeChat-family channel mounted, over its own (or the given) data directory. */
export async function channelRig<C extends WeComChannel | OfficialAccountChannel>(
  kind: 'wecom' | 'wechat',
  knowledge: Knowledge,
  options: RigOptions = {},
): Promise<ChannelRig<C>> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `tongce-${kind}-`));
  const conversations = new Conversations({ dataDir, knowledge, today: () => '2026-11-22', ...(options.llm ? { llm: options.llm } : {}) });
  const common = {
    conversations,
    dataDir,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.apiTimeoutMs !== undefined ? { apiTimeoutMs: options.apiTimeoutMs } : {}),
  };
  const channel = (kind === 'wecom'
    ? new WeComChannel({ corpId: CORP_ID, agentId: AGENT_ID, secret: 'app-secret', token: TOKEN, aesKey: AES_KEY, apiRoot: WECOM_API }, common)
    : new OfficialAccountChannel(
        { appId: APP_ID, appSecret: 'app-secret', token: TOKEN, ...(options.plainMode ? {} : { aesKey: AES_KEY }), apiRoot: WECHAT_API },
        { ...common, replyBudgetMs: options.replyBudgetMs ?? 2_000 },
      )) as C;
  const server: Server = createChatServer({ conversations, platformRoutes: [channel.route], ratePerSecond: options.ratePerSecond ?? 10_000 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return {
    channel,
    conversations,
    dataDir,
    server,
    url,
    post: async (path, query, body) => {
      const res = await fetch(`${url(path)}?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
      return { status: res.status, text: await res.text() };
    },
    close: async () => {
      await channel.settled();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export function blockRealNetwork(): void {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
}
