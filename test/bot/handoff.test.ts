import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api } from 'grammy';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatServer } from '../../bot/channels/http/server.js';
import { staffRoutes } from '../../bot/channels/staff/routes.js';
import { Conversations } from '../../bot/conversation.js';
import { deliverToTelegram } from '../../bot/handoff/delivery.js';
import { runCli } from '../helpers/cli.js';
import { testKnowledge } from '../helpers/knowledge.js';

const TOKEN = 'staff-secret-7';
const knowledge = testKnowledge();

async function desk() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongce-desk-'));
  const conversations = new Conversations({ dataDir, knowledge, today: () => '2026-11-22' });
  const server: Server = createChatServer({ conversations, ratePerSecond: 1000, routes: [staffRoutes({ conversations, token: TOKEN })] });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const staff = async (path: string, init: RequestInit = {}, token: string | null = TOKEN) => {
    const res = await fetch(`${base}/staff/api${path}`, { ...init, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return { dataDir, conversations, base, staff, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('handoff tickets', () => {
  it('a user asking for a person gets a reference; the ticket carries question, place, facts, draft verdicts, transcript and departments', async () => {
    const d = await desk();
    const session = 'web-session-0001';
    d.conversations.handle('web', session, { text: '我们是海门区的企业，员工80人，想评估高企' });
    d.conversations.handle('web', session, { text: '对' });
    const reply = d.conversations.handle('web', session, { text: '研发辅助账怎么设置？转人工' });
    const ref = /工单号：(TC-\d{8}-\d{4})/u.exec(reply.messages.map((m) => m.text).join('\n'))![1]!;
    const { body: t } = await d.staff(`/tickets/${ref}`);
    expect(t.status).toBe('open');
    expect(t.packet.question).toContain('研发辅助账');
    expect(t.packet.facts).toMatchObject({ employees: 80 });
    expect(t.packet.draftVerdicts.map((v: { id: string }) => v.id)).toEqual(['kechuang-project-2023', 'hnte', 'tech-sme']);
    expect(t.packet.transcript.length).toBeGreaterThanOrEqual(4);
    expect(t.packet.suggestedDepartments.length).toBeGreaterThan(0);
    await d.close();
  });

  it('life cycle on the web: list, reply, delivery on the next poll (once), close', async () => {
    const d = await desk();
    const session = 'web-session-0002';
    d.conversations.handle('web', session, { action: 'human' });
    const { body: list } = await d.staff('/tickets?status=open');
    expect(list.tickets).toHaveLength(1);
    const ref = list.tickets[0].ref;
    expect((await d.staff(`/tickets/${ref}/reply`, { method: 'POST', body: JSON.stringify({ text: '您好，研发辅助账请咨询区税务局。' }) })).status).toBe(200);
    expect((await d.staff('/tickets?status=answered')).body.tickets).toHaveLength(1);
    const poll = async () => ((await (await fetch(`${d.base}/api/messages?sessionId=${session}`)).json()) as { messages: Array<{ text: string }> }).messages;
    const first = await poll();
    expect(first).toHaveLength(1);
    expect(first[0]!.text).toContain('研发辅助账请咨询区税务局');
    expect(first[0]!.text).toContain(ref);
    expect(await poll()).toHaveLength(0);
    expect((await d.staff(`/tickets/${ref}/close`, { method: 'POST', body: '{}' })).status).toBe(200);
    expect((await d.staff(`/tickets/${ref}/reply`, { method: 'POST', body: JSON.stringify({ text: 'late' }) })).status).toBe(409);
    expect((await d.staff(`/tickets/${ref}/close`, { method: 'POST', body: '{}' })).status).toBe(409);
    await d.close();
  });

  it('refuses a wrong or missing staff token, and hides the desk when no token is configured', async () => {
    const d = await desk();
    expect((await d.staff('/tickets', {}, 'wrong')).status).toBe(401);
    expect((await d.staff('/tickets', {}, null)).status).toBe(401);
    expect((await d.staff('/tickets', {}, `${TOKEN}x`)).status).toBe(401);
    expect((await d.staff('/tickets/TC-1/reply', { method: 'POST', body: '{"text":"x"}' }, 'wrong')).status).toBe(401);
    await d.close();
    const off = createChatServer({ conversations: d.conversations, routes: [staffRoutes({ conversations: d.conversations, token: undefined })] });
    await new Promise<void>((r) => off.listen(0, '127.0.0.1', () => r()));
    const res = await fetch(`http://127.0.0.1:${(off.address() as AddressInfo).port}/staff/api/tickets`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(404);
    await new Promise<void>((r) => off.close(() => r()));
  });

  it('the CLI lists, shows, replies and closes behind the token', async () => {
    const d = await desk();
    d.conversations.handle('web', 'web-session-0003', { text: '转人工' });
    const env = { TONGCE_DATA_DIR: d.dataDir, TONGCE_STAFF_TOKEN: TOKEN };
    const list = await runCli(['tickets', 'list', '--token', TOKEN, '--json'], '', env);
    expect(list.code).toBe(0);
    const ref = JSON.parse(list.out)[0].ref;
    expect((await runCli(['tickets', 'show', ref, '--token', TOKEN], '', env)).out).toContain(ref);
    expect((await runCli(['tickets', 'reply', ref, '已为您登记', '--token', TOKEN], '', env)).code).toBe(0);
    expect(d.conversations.tickets.get(ref)!.replies[0]!.text).toBe('已为您登记');
    expect((await runCli(['tickets', 'close', ref, '--token', TOKEN], '', env)).code).toBe(0);
    for (const argv of [['tickets', 'list'], ['tickets', 'list', '--token', 'nope']]) {
      const r = await runCli(argv, '', env);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/token/);
    }
    expect((await runCli(['tickets', 'list', '--token', TOKEN], '', { TONGCE_DATA_DIR: d.dataDir })).code).toBe(2);
    await d.close();
  });

  it('a reply the channel refused for good is not retried, reopens the ticket and shows as undeliverable on the desk and the CLI', async () => {
    const d = await desk();
    d.conversations.handle('web', 'web-session-0005', { text: '转人工' });
    const { ref } = d.conversations.tickets.list()[0]!;
    d.conversations.tickets.reply(ref, '请致电园区办。');
    const [pending] = d.conversations.tickets.pending();
    d.conversations.tickets.markUndeliverable(pending!.replyId, 'errcode 45015 response out of time limit');
    expect(d.conversations.tickets.pending()).toEqual([]);
    const { body: t } = await d.staff(`/tickets/${ref}`);
    expect(t.status).toBe('open');
    expect(t.replies[0]).toMatchObject({ deliveredAt: null, undeliverable: 'errcode 45015 response out of time limit' });
    const shown = await runCli(['tickets', 'show', ref, '--token', TOKEN], '', { TONGCE_DATA_DIR: d.dataDir, TONGCE_STAFF_TOKEN: TOKEN });
    expect(shown.out).toContain('无法送达：errcode 45015');
    await d.close();
  });

  it('forgetting a user deletes their tickets too', async () => {
    const d = await desk();
    d.conversations.handle('web', 'web-session-0004', { text: '转人工' });
    expect(d.conversations.tickets.list()).toHaveLength(1);
    d.conversations.handle('web', 'web-session-0004', { text: '忘记我' });
    d.conversations.handle('web', 'web-session-0004', { action: 'forget-confirm' });
    expect(d.conversations.tickets.list()).toHaveLength(0);
    await d.close();
  });
});

describe('staff reply delivery on Telegram', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1/);
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('sends the reply to the chat once, and retries after a failure', async () => {
    const d = await desk();
    d.conversations.handle('telegram', '8800', { text: '转人工' });
    const ref = d.conversations.tickets.list()[0]!.ref;
    d.conversations.tickets.reply(ref, '请携带营业执照到区科技局办理。<b>谢谢</b>');
    const api = new Api('999:tok', { fetch: globalThis.fetch as never, baseFetchConfig: {} });
    nock('https://api.telegram.org').post('/bot999:tok/sendMessage').reply(500, { ok: false, error_code: 500, description: 'down' });
    expect(await deliverToTelegram(api, d.conversations)).toBe(0);
    const sent: Array<{ chat_id: number; text: string; parse_mode: string }> = [];
    nock('https://api.telegram.org').post('/bot999:tok/sendMessage').reply(200, (_u, body) => {
      sent.push(body as never);
      return { ok: true, result: { message_id: 1, date: 0, chat: { id: 8800, type: 'private' }, text: '' } };
    });
    const problems: string[] = [];
    expect(await deliverToTelegram(api, d.conversations, (l) => problems.push(l)), problems.join("; ")).toBe(1);
    expect(sent).toEqual([{ chat_id: 8800, parse_mode: 'HTML', text: `工作人员回复（工单 ${ref}）：\n请携带营业执照到区科技局办理。&lt;b&gt;谢谢&lt;/b&gt;` }]);
    expect(await deliverToTelegram(api, d.conversations)).toBe(0);
    await d.close();
  });
});
