import type { IncomingMessage } from 'node:http';
import { HttpError, readBody } from '../../http/body.js';
import { checkFreshness, checkSignature, openEncrypted, signatureParams, type CallbackKeys } from './envelope.js';
import { parseXml, type XmlFields } from './xml.js';

/** A callback body is one message: a few KB. */
export const CALLBACK_BODY_LIMIT = 64 * 1024;

/**
 * 企业微信 encrypts every callback. A 公众号 says encrypt_type=aes when it encrypts (安全模式, 兼容模式) and sends
 * XML as is in 明文模式; with an EncodingAESKey configured, only encrypted messages are taken.
 */
export type EncryptionMode = 'always' | 'when-flagged';

export interface Inbound {
  fields: XmlFields;
  /** a passive reply must then be encrypted too */
  encrypted: boolean;
  /** as received: a sealed reply signs and repeats this very string */
  timestamp: string;
  nonce: string;
}

/**
 * GET URL verification. 企业微信: msg_signature over the encrypted echostr, which is decrypted and returned.
 * 公众号: signature over token/timestamp/nonce, and echostr returned as given.
 */
export function verifyUrl(url: URL, keys: CallbackKeys, mode: EncryptionMode, now: number): string {
  if (mode === 'always') {
    const q = signatureParams(url, ['msg_signature', 'timestamp', 'nonce', 'echostr']);
    checkFreshness(q.timestamp!, now);
    checkSignature(keys, q.msg_signature!, q.timestamp!, q.nonce!, q.echostr!);
    return openEncrypted(keys, q.echostr!);
  }
  const q = signatureParams(url, ['signature', 'timestamp', 'nonce', 'echostr']);
  checkFreshness(q.timestamp!, now);
  checkSignature(keys, q.signature!, q.timestamp!, q.nonce!);
  return q.echostr!;
}

/**
 * Reads a POSTed message, its signature checked before its content is: whatever the query alone can prove (the
 * parameters, the timestamp, a 公众号's `signature`) before the body is read at all, an encrypted message's
 * msg_signature before it is decrypted. 401 when unsigned, stale or badly signed, 403 for another receiver.
 */
export async function readInbound(req: IncomingMessage, url: URL, keys: CallbackKeys, mode: EncryptionMode, now: number): Promise<Inbound> {
  if (req.method !== 'POST') throw new HttpError(405, 'use GET to verify the URL, POST to deliver a message');
  const encrypted = mode === 'always' || url.searchParams.get('encrypt_type') === 'aes';
  // 安全模式 signs the body only through msg_signature: a plain POST would be signed by a `signature` any logged
  // callback URL gives away, for any body
  if (!encrypted && keys.aesKey) throw new HttpError(401, 'plain message refused: an EncodingAESKey is configured, messages must come encrypted');
  // a 公众号 puts `signature` (token, timestamp, nonce) on every callback, encrypted or not
  const q = signatureParams(url, [...(mode === 'always' ? [] : ['signature']), ...(encrypted ? ['msg_signature'] : []), 'timestamp', 'nonce']);
  checkFreshness(q.timestamp!, now);
  if (mode === 'when-flagged') checkSignature(keys, q.signature!, q.timestamp!, q.nonce!);
  const body = parseXml(await readBody(req, CALLBACK_BODY_LIMIT));
  if (!encrypted) return { fields: body, encrypted, timestamp: q.timestamp!, nonce: q.nonce! };
  if (!body.Encrypt) throw new HttpError(400, 'no Encrypt element');
  checkSignature(keys, q.msg_signature!, q.timestamp!, q.nonce!, body.Encrypt);
  return { fields: parseXml(openEncrypted(keys, body.Encrypt)), encrypted, timestamp: q.timestamp!, nonce: q.nonce! };
}

/** What a user sent, as the conversation takes it. */
export type UserMessage =
  | { kind: 'text'; user: string; text: string; key: string }
  /** following the account or opening the app: the welcome */
  | { kind: 'subscribe'; user: string; key: string }
  /** pictures, voice, locations, other events: answered with a hint or not at all; `key` is the MsgId when there is one */
  | { kind: 'other'; user: string; event: boolean; key?: string };

export function userMessage(fields: XmlFields): UserMessage {
  const user = fields.FromUserName ?? '';
  if (!user) throw new HttpError(400, 'no FromUserName');
  if (fields.MsgType === 'text' && fields.MsgId && typeof fields.Content === 'string') return { kind: 'text', user, text: fields.Content, key: fields.MsgId };
  // events have no MsgId; the platforms' own advice is to de-duplicate them by sender and CreateTime
  if (fields.MsgType === 'event' && fields.Event === 'subscribe') return { kind: 'subscribe', user, key: `subscribe:${fields.CreateTime ?? ''}` };
  return { kind: 'other', user, event: fields.MsgType === 'event', ...(fields.MsgId ? { key: fields.MsgId } : {}) };
}
