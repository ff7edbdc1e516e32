import type { IncomingMessage } from 'node:http';
import { HttpError } from '../../http/body.js';

/** A callback body is one message: a few KB. */
export const CALLBACK_BODY_LIMIT = 64 * 1024;

/** Reads a callback's raw body, at most `limit` bytes; more, or a broken stream, is a 4xx. */
export async function readText(req: IncomingMessage, limit = CALLBACK_BODY_LIMIT): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new HttpError(413, `body larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) throw new HttpError(413, `body larger than ${limit} bytes`);
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    throw e instanceof HttpError ? e : new HttpError(400, 'request body could not be read');
  }
  return Buffer.concat(chunks).toString('utf8');
}
