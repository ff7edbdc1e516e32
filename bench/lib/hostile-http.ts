import fc from 'fast-check';
import { Agent, request } from 'node:http';
import type { z } from 'zod';
import { Ack, ChatResponse, ErrorBody, Health, StaffRepliesResponse } from '../../test/hostile/contracts.js';
import { anyJson, brokenBody, chatBody, contentType, hostileText, hostileUpdate, hugeBody } from './hostile-inputs.js';

/** One request of the hostile run, and what its reply must look like. */
export interface Probe {
  kind: 'chat' | 'chat-raw' | 'messages' | 'webhook' | 'webhook-no-secret' | 'staff-bad-token' | 'any-route';
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface Reply {
  status: number;
  contentType: string;
  text: string;
}

export interface Secrets {
  webhookSecret: string;
  staffToken: string;
}

const json = (body: unknown) => JSON.stringify(body);
// surrogate halves cannot be percent-encoded; raw bad escapes (%zz, a cut-off %E4) are among the fixed paths
const pathPart = (t: string) => encodeURIComponent(t.replace(/[\ud800-\udfff]/gu, '\ufffd'));
const withType = (type: string | undefined): Record<string, string> => (type === undefined ? {} : { 'content-type': type });

/** Header values a client can put on the wire (printable Latin-1), for secrets and tokens that are wrong. */
const headerValue = fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff })).map((c) => String.fromCharCode(c)), maxLength: 300 });

/** Every kind of hostile request, for a server started with the given webhook secret and staff token. */
export function probes(secrets: Secrets): fc.Arbitrary<Probe> {
  const post = (kind: Probe['kind'], path: string, body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }): Probe => ({ kind, method: 'POST', path, headers, body });
  let updateId = 1_000_000;
  const nextUpdateId = fc.constant(0).map(() => ++updateId);
  const wrongSecret = headerValue.filter((s) => s !== secrets.webhookSecret);
  const wrongToken = headerValue.filter((s) => s !== secrets.staffToken && s !== `Bearer ${secrets.staffToken}`);
  const staffPath = fc.oneof(
    fc.constantFrom('/staff/api/tickets', '/staff/api/tickets?status=open', '/staff/api/tickets/T-1', '/staff/api/tickets/T-1/reply', '/staff/api/tickets/T-1/close'),
    hostileText.map((t) => `/staff/api/tickets/${pathPart(t)}`),
  );
  return fc.oneof(
    { weight: 6, arbitrary: chatBody.map((b) => post('chat', '/api/chat', json(b))) },
    { weight: 2, arbitrary: fc.tuple(fc.oneof({ weight: 5, arbitrary: brokenBody }, { weight: 1, arbitrary: hugeBody }), contentType).map(([b, t]) => post('chat-raw', '/api/chat', b, withType(t))) },
    { weight: 1, arbitrary: fc.oneof(hostileText, fc.constantFrom('hostile-session-0001', '%', '%00', '&sessionId=x')).map((s): Probe => ({ kind: 'messages', method: 'GET', path: `/api/messages?sessionId=${pathPart(s)}`, headers: {} })) },
    {
      weight: 3,
      arbitrary: fc.oneof({ weight: 8, arbitrary: hostileUpdate(nextUpdateId).map(json) }, { weight: 1, arbitrary: brokenBody }, { weight: 1, arbitrary: hugeBody })
        .map((b) => post('webhook', '/telegram/webhook', b, { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secrets.webhookSecret })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(hostileUpdate(nextUpdateId), fc.option(wrongSecret, { nil: undefined })).map(([u, s]) =>
        post('webhook-no-secret', '/telegram/webhook', json(u), { 'content-type': 'application/json', ...(s === undefined ? {} : { 'x-telegram-bot-api-secret-token': s }) })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(staffPath, fc.constantFrom('GET', 'POST'), fc.option(fc.oneof(wrongToken, wrongToken.map((t) => `Bearer ${t}`)), { nil: undefined }), anyJson).map(([path, method, auth, body]): Probe => ({
        kind: 'staff-bad-token',
        method,
        path,
        headers: { 'content-type': 'application/json', ...(auth === undefined ? {} : { authorization: auth }) },
        ...(method === 'POST' ? { body: json({ text: body }) } : {}),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), fc.oneof(fc.constantFrom('/', '/app.js', '/app.css', '/healthz', '/api/chat', '/api/messages', '/telegram/webhook', '/staff', '/staff/staff.js', '/../../etc/passwd', '//', '/api/chat/', '/API/CHAT', '/%', '/%E4%B8', '/%zz', '/api/messages?sessionId=%E4', '/?%%'), hostileText.map((t) => `/${pathPart(t)}`)), fc.option(anyJson, { nil: undefined }))
        .map(([method, path, body]): Probe => ({ kind: 'any-route', method, path, headers: { 'content-type': 'application/json' }, ...(body === undefined || method === 'GET' || method === 'HEAD' ? {} : { body: json(body) }) })),
    },
  );
}

/**
 * Sends a probe on keep-alive connections. A server that stops reading an oversized body may close the
 * connection before the client has finished sending it; that reset (no status) is reported as status 0.
 */
export function send(agent: Agent, baseUrl: string, probe: Probe): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // an explicit length: without it node sends a DELETE or OPTIONS body unframed, and the server rightly refuses the bytes
    const headers = probe.body === undefined ? probe.headers : { ...probe.headers, 'content-length': String(Buffer.byteLength(probe.body)) };
    const req = request(`${baseUrl}${probe.path}`, { method: probe.method, agent, headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error(`no reply in 30 s to ${probe.method} ${probe.path.slice(0, 80)}`)));
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve({ status: 0, contentType: '', text: '' }) : reject(e)));
    req.end(probe.body);
  });
}

function parse<T>(schema: z.ZodType<T>, reply: Reply): string | null {
  if (!reply.contentType.startsWith('application/json')) return `status ${reply.status} without a JSON body (${reply.contentType || 'no content type'})`;
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return `status ${reply.status}: body is not JSON`;
  }
  const r = schema.safeParse(body);
  return r.success ? null : `status ${reply.status}: ${r.error.issues.slice(0, 2).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
}

/** Why the reply breaks the contract, or null: no 5xx, the right refusals, and every body in its contract shape. */
export function judge(probe: Probe, reply: Reply): string | null {
  if (reply.status >= 500) return `${reply.status} ${reply.text.slice(0, 200)}`;
  // node's HTTP layer refuses a request line or headers over 16 KiB before the app sees them, without a body
  if (reply.status === 431 || reply.status === 414) return null;
  if (reply.status === 0) {
    // only an oversized request may be cut off: node stops reading it and closes the connection
    const head = Buffer.byteLength(probe.path) + Object.values(probe.headers).reduce((n, v) => n + Buffer.byteLength(v), 0);
    return head > 16 * 1024 || (probe.body?.length ?? 0) > 64 * 1024 ? null : 'connection reset';
  }
  if (probe.kind === 'webhook-no-secret' && reply.status !== 401) return `webhook without the secret got ${reply.status}`;
  if (probe.kind === 'staff-bad-token' && reply.status !== 401) return `staff API with a bad token got ${reply.status}`;
  if (probe.method === 'HEAD' || (probe.method === 'GET' && reply.contentType.startsWith('text/'))) return null;
  if (reply.status >= 400) return parse(ErrorBody, reply);
  if (probe.path === '/healthz') return parse(Health, reply);
  if (probe.path.startsWith('/api/chat')) return parse(ChatResponse, reply);
  if (probe.path.startsWith('/api/messages')) return parse(StaffRepliesResponse, reply);
  if (probe.path.startsWith('/telegram/webhook')) return parse(Ack, reply);
  return `unexpected ${reply.status} for ${probe.method} ${probe.path.slice(0, 80)}`;
}
