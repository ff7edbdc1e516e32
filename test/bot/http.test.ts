import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Citation } from '../../knowledge/citation.js';
import { startTestServer } from '../helpers/http.js';
import { testKnowledge } from '../helpers/knowledge.js';
import { loadTranscripts, play, type BotMessage, type Driver } from '../helpers/transcript.js';

const knowledge = testKnowledge();
const server = await startTestServer(knowledge);
afterAll(() => server.close());

const ChatResponse = z.object({
  sessionId: z.string(),
  messages: z.array(z.object({
    text: z.string(),
    buttons: z.array(z.object({ label: z.string(), action: z.string() })).optional(),
    citations: z.array(Citation).optional(),
    ask: z.object({ fact: z.string(), kind: z.enum(['boolean', 'number', 'date', 'choice', 'text']), unit: z.string().optional(), choices: z.array(z.string()).optional() }).optional(),
    evaluation: z.unknown().optional(),
  })).min(1),
});

describe('HTTP API', () => {
  it('GET /healthz', async () => {
    const res = await fetch(`${server.url()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('GET /api/history gives a session’s conversation so far, for a reloaded page; a malformed id is a 400', async () => {
    const first = ChatResponse.parse((await server.post({ text: '想评估一下我们能不能申报高企' })).body);
    await server.post({ sessionId: first.sessionId, action: 'skip' });
    const res = await fetch(`${server.url()}/api/history?sessionId=${first.sessionId}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { entries: Array<{ role: string; text?: string; messages?: unknown[] }> };
    expect(body.entries.map((e) => e.role)).toEqual(['user', 'bot', 'user', 'bot']);
    expect(body.entries[0]!.text).toBe('想评估一下我们能不能申报高企');
    expect(body.entries[2]!.text).toBe('不知道');
    expect((await fetch(`${server.url()}/api/history?sessionId=no`)).status).toBe(400);
    expect(((await (await fetch(`${server.url()}/api/history?sessionId=never-seen-before`)).json()) as { entries: unknown[] }).entries).toEqual([]);
  });

  it('POST /api/chat answers in the contract shape and keeps the session', async () => {
    const first = await server.post({ text: '想评估一下我们能不能申报高企' });
    expect(first.status).toBe(200);
    const r = ChatResponse.parse(first.body);
    expect(r.messages.at(-1)!.ask).toMatchObject({ fact: 'registrationDate', kind: 'date' });
    const second = ChatResponse.parse((await server.post({ sessionId: r.sessionId, text: '2026-06-01' })).body);
    expect(second.sessionId).toBe(r.sessionId);
    expect(second.messages.some((m) => m.evaluation)).toBe(true);
  });

  it('a retried message (same messageId) is applied once and gets the same reply', async () => {
    const a = ChatResponse.parse((await server.post({ action: 'check:tech-sme', messageId: 'retry-1' })).body);
    const again = await server.post({ sessionId: a.sessionId, text: '1500万', messageId: 'm-2' });
    const replay = await server.post({ sessionId: a.sessionId, text: '1500万', messageId: 'm-2' });
    expect(replay.body.messages).toEqual(again.body.messages);
    expect(replay.body.replayed).toBe(true);
    expect(server.conversations().store.get(a.sessionId)!.turns).toBe(2);
  });

  it('rejects malformed requests with a 4xx and a reason, never a 5xx', async () => {
    const cases: Array<[unknown, Record<string, string> | undefined, number]> = [
      ['{not json', undefined, 400],
      ['[]', undefined, 400],
      ['"text"', undefined, 400],
      [{}, undefined, 400],
      [{ text: 42 }, undefined, 400],
      [{ text: 'x'.repeat(2001) }, undefined, 400],
      [{ sessionId: '../../etc/passwd', text: 'x' }, undefined, 400],
      [{ text: 'hi', extra: true }, undefined, 400],
      [{ text: 'hi' }, { 'content-type': 'text/plain' }, 415],
      ['{"text":"' + 'a'.repeat(70_000) + '"}', undefined, 413],
    ];
    for (const [body, headers, status] of cases) {
      const r = await server.post(body, headers ?? { 'content-type': 'application/json' });
      expect(r.status, JSON.stringify(body).slice(0, 60)).toBe(status);
      expect(typeof r.body.error).toBe('string');
    }
    expect((await fetch(`${server.url()}/api/chat`)).status).toBe(405);
    expect((await fetch(`${server.url()}/nowhere`)).status).toBe(404);
  });

  it('escapes nothing into markup: user text comes back as data, and the page forbids inline scripts', async () => {
    const r = ChatResponse.parse((await server.post({ text: '<script>alert(1)</script><img src=x onerror=alert(2)>高企条件？' })).body);
    expect(r.messages.every((m) => !m.text.includes('<script>'))).toBe(true);
    const page = await fetch(`${server.url()}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).not.toMatch(/<script>(?!<)/);
  });

  it('limits the request rate per client with 429', async () => {
    const slow = await startTestServer(knowledge, { ratePerSecond: 2 });
    const statuses = await Promise.all(Array.from({ length: 10 }, () => slow.post({ text: '你好' }).then((r) => r.status)));
    expect(statuses).toContain(429);
    expect(statuses).toContain(200);
    await slow.close();
  });
});

describe('transcripts over HTTP', () => {
  for (const t of loadTranscripts('test/bot/transcripts')) {
    it(t.name, async () => {
      const s = await startTestServer(knowledge, { today: t.today ?? '2026-11-22' });
      let sessionId: string | undefined;
      let n = 0;
      const driver: Driver = {
        send: async (input) => {
          const r = await s.post({ ...input, ...(sessionId ? { sessionId } : {}), messageId: `t${++n}` });
          expect(r.status).toBe(200);
          sessionId = r.body.sessionId as string;
          return r.body.messages as BotMessage[];
        },
        restart: () => s.restart(),
        facts: async () => (sessionId ? s.conversations().store.get(sessionId)?.facts ?? {} : {}),
      };
      await play(t, driver);
      await s.close();
    });
  }
});

describe('kill -9 mid-dialog', () => {
  it('a killed server restarts and the user continues at the same question, nothing lost', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tongce-kill-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const start = () => spawn(process.execPath, ['bin/tongce.js', 'serve', '--port', String(port)], { env: { ...process.env, TONGCE_DATA_DIR: dataDir, TONGCE_TODAY: '2026-11-22' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const ready = (p: ChildProcess) => new Promise<void>((resolve, reject) => {
      p.stdout!.on('data', (d: Buffer) => d.toString().includes('web chat') && resolve());
      p.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    const post = async (body: unknown) => (await (await fetch(`http://127.0.0.1:${port}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { sessionId: string; messages: BotMessage[] };

    let p = start();
    await ready(p);
    const a = await post({ action: 'check:tech-sme', messageId: 'k1' });
    const b = await post({ sessionId: a.sessionId, text: '2019年4月1日', messageId: 'k2' });
    const pending = b.messages.findLast((m) => m.ask)!.ask!.fact;
    p.kill('SIGKILL');
    await new Promise((r) => p.once('exit', r));

    p = start();
    await ready(p);
    const replay = await post({ sessionId: a.sessionId, text: '2019年4月1日', messageId: 'k2' });
    expect(replay.messages.findLast((m) => m.ask)!.ask!.fact).toBe(pending);
    const facts = await post({ sessionId: a.sessionId, text: '我的信息', messageId: 'k3' });
    expect(facts.messages.map((m) => m.text).join('\n')).toContain('注册成立日期：2019-04-01');
    expect(facts.messages.findLast((m) => m.ask)!.ask!.fact).toBe(pending);
    p.kill('SIGKILL');
  }, 60_000);
});
