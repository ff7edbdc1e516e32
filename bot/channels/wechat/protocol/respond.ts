import type { ServerResponse } from 'node:http';

/** A callback's answer: the echoed verification string, an empty acknowledgement, or a passive reply's XML. */
export function sendPlain(res: ServerResponse, body: string, type = 'text/plain'): void {
  res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.end(body);
}
