import type { ServerResponse } from 'node:http';

/**
 * A callback's answer: the echoed verification string, an empty acknowledgement, or a passive reply's XML.
 * Resolves whether it was written out: false when the platform hung up first (it stopped waiting), so what the
 * answer carried must go another way. nosniff: a GET echoes echostr, which no signature covers.
 */
export function sendPlain(res: ServerResponse, body: string, type = 'text/plain'): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    res.once('finish', () => resolve(true));
    res.once('close', () => resolve(res.writableFinished));
    res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(body);
  });
}
