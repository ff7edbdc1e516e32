import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChatServer } from '../../bot/channels/http/server.js';
import { Conversations } from '../../bot/conversation.js';
import type { Knowledge } from '../../knowledge/index.js';

/** A chat server on a free port over its own data directory; `restart` brings a new one up on the same data. */
export async function startTestServer(knowledge: Knowledge, options: { ratePerSecond?: number; today?: string } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongce-http-'));
  let server: Server;
  let conversations: Conversations;
  const up = async () => {
    conversations = new Conversations({ dataDir, knowledge, today: () => options.today ?? '2026-11-22' });
    server = createChatServer({ conversations, ratePerSecond: options.ratePerSecond ?? 1000, report: { resolve: knowledge.resolve, today: () => options.today ?? '2026-11-22' } });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  };
  await up();
  const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    dataDir,
    conversations: () => conversations,
    post: async (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
      const res = await fetch(`${url()}/api/chat`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    restart: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await up();
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
