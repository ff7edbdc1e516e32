import { randomBytes, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { HttpError } from '../../http/body.js';
import { buildXml, Digits } from './xml.js';

/** How far a callback's timestamp may be from our clock: a captured request replayed later is refused. */
export const FRESHNESS_MS = 5 * 60_000;

/** What signs and seals a callback: the Token and EncodingAESKey set in the platform's console, and whose messages they are. */
export interface CallbackKeys {
  token: string;
  /** EncodingAESKey (43 characters); absent for a 公众号 in plain mode */
  aesKey?: string;
  /** the receiveid inside every encrypted message: the CorpID (企业微信) or the AppID (公众号) */
  receiveId: string;
}

function same(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The query parameters a signature is made of; a request without one is not signed, a 401 like a bad signature. */
export function signatureParams(url: URL, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = url.searchParams.get(name);
    if (value === null || value === '') throw new HttpError(401, `missing query parameter ${name}`);
    // base64 (echostr) sent without URL-encoding: its '+' arrives as a space, which no parameter here contains
    out[name] = value.replaceAll(' ', '+');
  }
  return out;
}

/** A timestamp (seconds) more than FRESHNESS_MS from `now` is a replay of an old request: 401. */
export function checkFreshness(timestamp: string, now: number): void {
  if (!/^\d{1,12}$/u.test(timestamp) || Math.abs(now - Number(timestamp) * 1000) > FRESHNESS_MS) {
    throw new HttpError(401, 'timestamp missing or more than 5 minutes away');
  }
}

/**
 * Checks sha1(sort(token, timestamp, nonce[, encrypted])) against the signature given: 401 when it differs. For
 * a 公众号 in plain mode there is no encrypted part (an empty one sorts and joins to the same string).
 */
export function checkSignature(keys: CallbackKeys, signature: string, timestamp: string, nonce: string, encrypted = ''): void {
  if (!same(signature, getSignature(keys.token, timestamp, nonce, encrypted))) throw new HttpError(401, 'signature does not match');
}

/** Decrypts a checked message: 400 when it is not a message, 403 when it is for another corp or account. */
export function openEncrypted(keys: CallbackKeys, encrypted: string): string {
  if (!keys.aesKey) throw new HttpError(400, 'encrypted message, but no EncodingAESKey is configured');
  let opened: { message: string; id: string };
  try {
    opened = decrypt(keys.aesKey, encrypted);
  } catch {
    throw new HttpError(400, 'encrypted part could not be decrypted');
  }
  if (opened.id !== keys.receiveId) throw new HttpError(403, 'message is for another receiver');
  return opened.message;
}

/** Encrypts and signs a passive reply, in the envelope both platforms read; the timestamp goes back exactly as it came. */
export function sealReply(keys: CallbackKeys, xml: string, timestamp: string, nonce = randomBytes(8).toString('hex')): string {
  if (!keys.aesKey) throw new Error('sealReply needs an EncodingAESKey');
  const encrypted = encrypt(keys.aesKey, xml, keys.receiveId);
  return buildXml({ Encrypt: encrypted, MsgSignature: getSignature(keys.token, timestamp, nonce, encrypted), TimeStamp: new Digits(timestamp), Nonce: nonce });
}
