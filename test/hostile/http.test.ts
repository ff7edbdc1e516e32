import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SECRETS, startHostileServer } from '../../bench/hostile.js';
import { unsafeTelegramMessage } from '../../bench/lib/fake-telegram.js';
import { judge, probes, type Probe } from '../../bench/lib/hostile-http.js';

// the real `tongce serve` in its own process (web, Telegram webhook and staff desk mounted): a crash is a dead process
const target = await startHostileServer();
afterAll(() => target.close());

const post = (path: string, body: string, headers: Record<string, string> = {}): Probe => ({
  kind: path === '/telegram/webhook' ? 'webhook' : 'chat-raw',
  method: 'POST',
  path,
  headers: { 'content-type': 'application/json', ...headers },
  body,
});
const webhook = (update: unknown) => post('/telegram/webhook', JSON.stringify(update), { 'x-telegram-bot-api-secret-token': SECRETS.webhookSecret });

describe('hostile HTTP input against tongce serve', () => {
  it('inputs that once produced a 500 get a 4xx or are taken, in the contract shape', async () => {
    const cases: Probe[] = [
      // a request target that is a host-relative URL with no host
      { kind: 'any-route', method: 'GET', path: '//', headers: {} },
      { kind: 'any-route', method: 'PUT', path: '//', headers: {} },
      // updates the secret lets in that have no chat
      webhook({ update_id: 41, message: {} }),
      webhook({ update_id: 42, message: 'text' }),
      webhook({ update_id: 43, callback_query: { id: 'x', data: 'check', message: {} } }),
      // a figure past what a number holds, proposed, stored as JSON (Infinity → null) and confirmed
      post('/api/chat', JSON.stringify({ sessionId: 'hostile-null-figure', text: `销售收入${'9'.repeat(400)}万元，研发费用${'9'.repeat(400)}` })),
      post('/api/chat', JSON.stringify({ sessionId: 'hostile-null-figure', action: 'confirm' })),
    ];
    for (const probe of cases) expect(judge(probe, await target.send(probe)), `${probe.method} ${probe.path} ${String(probe.body)}`).toBeNull();
  });

  it('a user who asked to be forgotten does not break handoff for the others (ticket numbers stay unique)', async () => {
    const chat = (sessionId: string, body: Record<string, string>) => target.send(post('/api/chat', JSON.stringify({ sessionId, ...body })));
    expect((await chat('forget-ticket-a', { action: 'human' })).status).toBe(200);
    expect((await chat('forget-ticket-b', { action: 'human' })).status).toBe(200);
    await chat('forget-ticket-a', { action: 'forget' });
    expect((await chat('forget-ticket-a', { action: 'forget-confirm' })).status).toBe(200);
    const after = await chat('forget-ticket-c', { action: 'human' });
    expect(after.status, after.text).toBe(200);
  });

  it('generated requests to every route: no 5xx, the right refusals, every body in its contract shape', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(probes(SECRETS), async (probe) => {
        const reply = await target.send(probe);
        statuses.add(reply.status);
        expect(judge(probe, reply), `${probe.method} ${probe.path.slice(0, 80)} ${String(probe.body).slice(0, 200)}`).toBeNull();
      }),
      { numRuns: 500 },
    );
    // the generators reach the dialog as well as the refusals, or the property above says little
    expect([...statuses]).toEqual(expect.arrayContaining([200, 400, 401, 404]));
  }, 120_000);

  it('after all that the server is up, logged no internal error, and sent Telegram nothing a user typed as markup', async () => {
    expect((await fetch(`${target.server.url}/healthz`)).status).toBe(200);
    expect(target.server.stderr()).not.toContain('internal error');
    expect(target.telegram.sent.length).toBeGreaterThan(0);
    expect(target.telegram.sent.map(unsafeTelegramMessage).filter(Boolean)).toEqual([]);
  });
});
