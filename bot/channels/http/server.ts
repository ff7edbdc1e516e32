import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { projectRoot } from '../../../knowledge/paths.js';
import type { Conversations } from '../../conversation.js';
import { HttpError, readJson } from './body.js';
import { ChatRequest } from './chat-request.js';
import { RateLimiter } from './rate-limit.js';
import { TurnQueue } from './turn-queue.js';

/** Another route set mounted on the same server (the Telegram webhook, staff pages). */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface ServerOptions {
  conversations: Conversations;
  /** requests a second per client address (default 20, bursts of 40) */
  ratePerSecond?: number;
  /** largest request body in bytes (default 64 KiB) */
  bodyLimit?: number;
  routes?: Route[];
  log?: (line: string) => void;
  /** how long the server runs queued turns before it polls sockets again (default 1 ms; 0: one turn at a time) */
  turnSliceMs?: number;
}

const STATIC: Record<string, [file: string, type: string]> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/app.css': ['app.css', 'text/css; charset=utf-8'],
};

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // the page loads only its own script and style and never evaluates strings: injected markup cannot run
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(data);
}

/** The HTTP API of contracts.md and the web chat page. Client input never produces a 5xx. */
export function createChatServer(options: ServerOptions): Server {
  const limiter = new RateLimiter(options.ratePerSecond ?? 20, (options.ratePerSecond ?? 20) * 2);
  const bodyLimit = options.bodyLimit ?? 64 * 1024;
  const log = options.log ?? (() => {});
  const webDir = join(projectRoot(), 'bot', 'channels', 'web');
  // turns run from a queue, not from the socket callbacks, so that a busy server still accepts new connections
  const turns = new TurnQueue(options.turnSliceMs ?? 1);

  async function chat(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = ChatRequest.safeParse(await readJson(req, bodyLimit));
    if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => i.message).join('; '));
    const body = parsed.data;
    const sessionId = body.sessionId ?? randomUUID();
    const reply = await turns.run(() => options.conversations.handleAsync('web', sessionId, { text: body.text, action: body.action }, body.messageId));
    sendJson(res, 200, { sessionId, messages: reply.messages, ...(reply.replayed ? { replayed: true } : {}) });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // a target like `//` is a host-relative URL with no host: the client's mistake, not a 500
    if (!URL.canParse(req.url ?? '/', 'http://localhost')) throw new HttpError(400, 'malformed request target');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const client = req.socket.remoteAddress ?? 'unknown';
    if (url.pathname === '/healthz' && req.method === 'GET') return sendJson(res, 200, { ok: true });
    if (!limiter.take(client)) throw new HttpError(429, 'too many requests; slow down');
    for (const route of options.routes ?? []) if (await route(req, res, url)) return;
    if (url.pathname === '/api/messages') {
      // staff replies to this session's tickets, for the page's poll
      if (req.method !== 'GET') throw new HttpError(405, 'use GET');
      const sessionId = url.searchParams.get('sessionId') ?? '';
      if (!/^[A-Za-z0-9_-]{8,64}$/u.test(sessionId)) throw new HttpError(400, 'sessionId: 8–64 letters, digits, - or _');
      return sendJson(res, 200, { sessionId, messages: await turns.run(() => options.conversations.collectStaffReplies('web', sessionId)) });
    }
    if (url.pathname === '/api/history') {
      // the conversation so far, so that a reloaded page shows it
      if (req.method !== 'GET') throw new HttpError(405, 'use GET');
      const sessionId = url.searchParams.get('sessionId') ?? '';
      if (!/^[A-Za-z0-9_-]{8,64}$/u.test(sessionId)) throw new HttpError(400, 'sessionId: 8–64 letters, digits, - or _');
      return sendJson(res, 200, { sessionId, entries: await turns.run(() => options.conversations.history(sessionId)) });
    }
    if (url.pathname === '/api/chat') {
      if (req.method !== 'POST') throw new HttpError(405, 'use POST');
      return chat(req, res);
    }
    const file = STATIC[url.pathname];
    if (file && req.method === 'GET') {
      const content = await readFile(join(webDir, file[0]));
      res.writeHead(200, { 'Content-Type': file[1], 'Cache-Control': 'no-cache', ...SECURITY_HEADERS });
      res.end(content);
      return;
    }
    throw new HttpError(404, 'not found');
  }

  return createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) return sendJson(res, e.status, { error: e.message });
      // a bug, not the client's doing: logged, and the client told as little as possible
      log(`internal error on ${req.method} ${req.url}: ${e instanceof Error ? e.stack : String(e)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
}
