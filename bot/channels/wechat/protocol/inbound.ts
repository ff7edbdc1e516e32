import type { IncomingMessage } from 'node:http';
import { HttpError } from '../../http/body.js';
import { readText } from './body.js';
import { checkSignature, openEncrypted, signatureParams, type CallbackKeys } from './envelope.js';
import { parseXml, type XmlFields } from './xml.js';

/** 企业微信 encrypts every callback; a 公众号 in safe mode says so with encrypt_type=aes, in plain mode sends XML as is. */
export type EncryptionMode = 'always' | 'when-flagged';

export interface Inbound {
  fields: XmlFields;
  /** a passive reply must then be encrypted too */
  encrypted: boolean;
  timestamp: string;
  nonce: string;
}

/**
 * GET URL verification. 企业微信: msg_signature over the encrypted echostr, which is decrypted and returned.
 * 公众号: signature over token/timestamp/nonce, and echostr returned as given.
 */
export function verifyUrl(url: URL, keys: CallbackKeys, mode: EncryptionMode): string {
  if (mode === 'always') {
    const q = signatureParams(url, ['msg_signature', 'timestamp', 'nonce', 'echostr']);
    checkSignature(keys, q.msg_signature!, q.timestamp!, q.nonce!, q.echostr!);
    return openEncrypted(keys, q.echostr!);
  }
  const q = signatureParams(url, ['signature', 'timestamp', 'nonce', 'echostr']);
  checkSignature(keys, q.signature!, q.timestamp!, q.nonce!);
  return q.echostr!;
}

/**
 * Reads a POSTed message, its signature checked before its content is: a plain-mode signature before the body is
 * read at all, an encrypted message's before it is decrypted. 401 on a bad signature, 403 for another receiver.
 */
export async function readInbound(req: IncomingMessage, url: URL, keys: CallbackKeys, mode: EncryptionMode): Promise<Inbound> {
  if (req.method !== 'POST') throw new HttpError(405, 'use GET to verify the URL, POST to deliver a message');
  const encrypted = mode === 'always' || url.searchParams.get('encrypt_type') === 'aes';
  if (!encrypted) {
    const q = signatureParams(url, ['signature', 'timestamp', 'nonce']);
    checkSignature(keys, q.signature!, q.timestamp!, q.nonce!);
    return { fields: parseXml(await readText(req)), encrypted, timestamp: q.timestamp!, nonce: q.nonce! };
  }
  const q = signatureParams(url, ['msg_signature', 'timestamp', 'nonce']);
  const envelope = parseXml(await readText(req));
  if (!envelope.Encrypt) throw new HttpError(400, 'no Encrypt element');
  checkSignature(keys, q.msg_signature!, q.timestamp!, q.nonce!, envelope.Encrypt);
  return { fields: parseXml(openEncrypted(keys, envelope.Encrypt)), encrypted, timestamp: q.timestamp!, nonce: q.nonce! };
}

/** What a user sent, as the conversation takes it. */
export type UserMessage =
  | { kind: 'text'; user: string; text: string; key: string }
  /** following the account or opening the app: the welcome */
  | { kind: 'subscribe'; user: string; key: string }
  /** pictures, voice, locations, other events: answered with a hint or not at all */
  | { kind: 'other'; user: string; event: boolean };

export function userMessage(fields: XmlFields): UserMessage {
  const user = fields.FromUserName ?? '';
  if (!user) throw new HttpError(400, 'no FromUserName');
  if (fields.MsgType === 'text' && fields.MsgId && typeof fields.Content === 'string') return { kind: 'text', user, text: fields.Content, key: fields.MsgId };
  // events have no MsgId; the platforms' own advice is to de-duplicate them by sender and CreateTime
  if (fields.MsgType === 'event' && fields.Event === 'subscribe') return { kind: 'subscribe', user, key: `subscribe:${fields.CreateTime ?? ''}` };
  return { kind: 'other', user, event: fields.MsgType === 'event' };
}
