import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { projectRoot } from '../../../knowledge/paths.js';
import type { Conversations } from '../../conversation.js';
import type { HealthReport } from '../../ops/health.js';
import { turnContext } from '../../ops/logger.js';
import { HttpError, readJson } from './body.js';
import { ChatRequest } from './chat-request.js';
import { RateLimiter } from './rate-limit.js';
import { sendReport, type ReportOptions } from './report-route.js';
import { TrustedProxies } from './trusted-proxies.js';
import { TurnQueue } from './turn-queue.js';
import { withVerdictCards } from './verdict-view.js';

/** Another route set mounted on the same server (the Telegram webhook, staff pages). */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface ServerOptions {
  conversations: Conversations;
  /** requests a second per client (default 20, bursts of 40) */
  ratePerSecond?: number;
  /** proxies whose X-Forwarded-For names the client (TONGCE_TRUST_PROXY); by default none: the connection's address is the client */
  trustProxy?: TrustedProxies;
  /** GET /healthz: each component and 503 when a required one is down; by default only {"ok": true} */
  health?: () => HealthReport;
  /** GET /metrics in the Prometheus text format; absent → 404 */
  metrics?: { contentType: string; text(): Promise<string> };
  /** largest request body in bytes (default 64 KiB) */
  bodyLimit?: number;
  routes?: Route[];
  /**
   * Callbacks of messaging platforms (Telegram webhook, 企业微信, 公众号) that authenticate every call themselves.
   * They run before the per-client rate limit: a platform's few addresses carry all of its users' messages, so a
   * limit per address would throttle every WeChat user together (a refused callback reads "暂时无法提供服务").
   */
  platformRoutes?: Route[];
  log?: (line: string) => void;
  /** how long the server runs queued turns before it polls sockets again (default 1 ms; 0: one turn at a time) */
  turnSliceMs?: number;
  /** serves `GET /api/report` (the page's 保存报告) when given */
  report?: ReportOptions;
}

const STATIC: Record<string, [file: string, type: string]> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/app.css': ['app.css', 'text/css; charset=utf-8'],
  '/verdict-card.js': ['verdict-card.js', 'text/javascript; charset=utf-8'],
  '/verdict-card.css': ['verdict-card.css', 'text/css; charset=utf-8'],
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

/** A request id a proxy in front already gave the request (nginx's $request_id), if it is sane; else a new one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,64}$/u.test(given) ? given : randomUUID();
}

/** The HTTP API of contracts.md and the web chat page. Client input never produces a 5xx. */
export function createChatServer(options: ServerOptions): Server {
  const limiter = new RateLimiter(options.ratePerSecond ?? 20, (options.ratePerSecond ?? 20) * 2);
  const trustProxy = options.trustProxy ?? TrustedProxies.NONE;
  const bodyLimit = options.bodyLimit ?? 64 * 1024;
  const log = options.log ?? (() => {});
  const webDir = join(projectRoot(), 'bot', 'channels', 'web');
  // turns run from a queue, not from the socket callbacks, so that a busy server still accepts new connections
  const turns = new TurnQueue(options.turnSliceMs ?? 1);

  async function chat(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const parsed = ChatRequest.safeParse(await readJson(req, bodyLimit));
    if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => i.message).join('; '));
    const body = parsed.data;
    const sessionId = body.sessionId ?? randomUUID();
    // the queue runs the turn from its own callback: the request id is handed over explicitly
    const turn = () => options.conversations.handleAsync('web', sessionId, { text: body.text, action: body.action }, body.messageId);
    const reply = await turns.run(() => turnContext.run({ requestId }, turn));
    const messages = withVerdictCards(reply.messages, () => options.conversations.store.get(reply.sessionId)?.state.programmes);
    sendJson(res, 200, { sessionId, messages, ...(reply.replayed ? { replayed: true } : {}) });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    // a target like `//` is a host-relative URL with no host: the client's mistake, not a 500
    if (!URL.canParse(req.url ?? '/', 'http://localhost')) throw new HttpError(400, 'malformed request target');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const client = trustProxy.clientOf(req.socket.remoteAddress, req.headers['x-forwarded-for']);
    if (url.pathname === '/healthz' && req.method === 'GET') {
      const report = options.health?.() ?? { status: 200, body: { ok: true } };
      return sendJson(res, report.status, report.body);
    }
    if (url.pathname === '/metrics' && req.method === 'GET' && options.metrics) {
      const text = await options.metrics.text();
      res.writeHead(200, { 'Content-Type': options.metrics.contentType, 'Cache-Control': 'no-store' });
      res.end(text);
      return;
    }
    for (const route of options.platformRoutes ?? []) if (await route(req, res, url)) return;
    if (!limiter.take(client)) throw new HttpError(429, 'too many requests; slow down');
    for (const route of options.routes ?? []) if (await route(req, res, url)) return;
    if (url.pathname === '/api/messages') {
      // staff replies to this session's tickets, for the page's poll
      if (req.method !== 'GET') throw new HttpError(405, 'use GET');
      const sessionId = url.searchParams.get('sessionId') ?? '';
      if (!/^[A-Za-z0-9_-]{8,64}$/u.test(sessionId)) throw new HttpError(400, 'sessionId: 8–64 letters, digits, - or _');
      return sendJson(res, 200, { sessionId, messages: await turns.run(() => options.conversations.collectStaffReplies('web', sessionId)) });
    }
    if (url.pathname === '/api/report' && options.report) {
      if (req.method !== 'GET') throw new HttpError(405, 'use GET');
      return sendReport(res, url, options.conversations, options.report);
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
      return chat(req, res, requestId);
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
    const requestId = requestIdOf(req);
    res.setHeader('X-Request-Id', requestId);
    turnContext.run({ requestId }, () => handle(req, res, requestId)).catch((e: unknown) => {
      if (e instanceof HttpError) return sendJson(res, e.status, { error: e.message });
      // a bug, not the client's doing: logged, and the client told as little as possible
      log(`internal error on ${req.method} ${req.url}: ${e instanceof Error ? e.stack : String(e)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
}
