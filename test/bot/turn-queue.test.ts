import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createChatServer } from '../../bot/channels/http/server.js';
import { TurnQueue } from '../../bot/channels/http/turn-queue.js';
import type { Conversations, Reply } from '../../bot/conversation.js';
import type { Input } from '../../bot/dialog/message.js';

describe('TurnQueue', () => {
  it('runs turns in arrival order and hands back each result or error', async () => {
    const q = new TurnQueue();
    const ran: number[] = [];
    const results = await Promise.allSettled([1, 2, 3].map((n) => q.run(() => {
      ran.push(n);
      if (n === 2) throw new Error('turn 2 failed');
      return n * 10;
    })));
    expect(ran).toEqual([1, 2, 3]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([10, 'turn 2 failed', 30]);
  });

  it('an async turn resolves with what it resolves to', async () => {
    expect(await new TurnQueue().run(async () => 'later')).toBe('later');
  });

  it('gives the event loop back once a slice has used its time, so I/O callbacks run between turns', async () => {
    // a clock that moves 1 ms per reading: with 1 ms slices, every slice has room for exactly one turn
    let t = 0;
    expect(await twoTurns(new TurnQueue(1, () => t++))).toEqual(['turn 1', 'loop', 'turn 2']);
  });

  it('runs several turns in one slice while the slice has time left', async () => {
    expect(await twoTurns(new TurnQueue(1_000, () => 0))).toEqual(['turn 1', 'turn 2', 'loop']);
  });
});

/** Two queued turns, the first scheduling an event-loop callback: the order in which the three ran. */
async function twoTurns(q: TurnQueue): Promise<string[]> {
  const order: string[] = [];
  await Promise.all([
    q.run(() => {
      order.push('turn 1');
      setImmediate(() => order.push('loop'));
    }),
    q.run(() => order.push('turn 2')),
  ]);
  // let a callback still pending after the turns run before reading the order
  await new Promise((r) => setImmediate(r));
  return order;
}

/** A chat server whose turns only count who they were for: what is measured is the order the server works in. */
async function countingServer() {
  const served = { busy: 0 };
  const conversations = {
    handleAsync: async (_channel: string, sessionId: string, input: Input): Promise<Reply> => {
      if (input.text === 'busy') served.busy++;
      return { sessionId, messages: [{ text: 'ok' }] };
    },
  } as unknown as Conversations;
  // one turn per loop iteration, so that the test counts turns, not milliseconds
  const server = createChatServer({ conversations, ratePerSecond: 1e9, turnSliceMs: 0 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  const post = (agent: Agent | false, text: string) =>
    new Promise<number>((resolve, reject) => {
      const data = JSON.stringify({ text });
      const req = request({ port, host: '127.0.0.1', path: '/api/chat', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(data);
    });
  return { served, post, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

describe('a busy chat server', () => {
  it('accepts new connections between turns: newcomers wait about one round of the queue, not one round per connection ahead of them', async () => {
    const BUSY = 40;
    const NEWCOMERS = 40;
    const s = await countingServer();
    const agent = new Agent({ keepAlive: true, maxSockets: BUSY });
    let running = true;
    let connected = 0;
    // users already connected, each sending its next message as soon as the reply comes
    const busy = Array.from({ length: BUSY }, async () => {
      expect(await s.post(agent, 'busy')).toBe(200);
      connected++;
      while (running) expect(await s.post(agent, 'busy')).toBe(200);
    });
    while (connected < BUSY) await new Promise((r) => setTimeout(r, 5));
    const before = s.served.busy;
    // newcomers arriving together, each on a connection of its own
    const statuses = await Promise.all(Array.from({ length: NEWCOMERS }, () => s.post(false, 'new')));
    const busyTurnsWhileNewcomersWaited = s.served.busy - before;
    running = false;
    await Promise.all(busy);
    agent.destroy();
    await s.close();
    expect(statuses.every((c) => c === 200)).toBe(true);
    // accepting one connection per poll while every poll ran all ready turns took about BUSY × NEWCOMERS (1600) busy
    // turns here; polling between turns takes about BUSY + NEWCOMERS
    expect(busyTurnsWhileNewcomersWaited).toBeLessThan((BUSY * NEWCOMERS) / 4);
  });
});
