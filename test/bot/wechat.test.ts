import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACKNOWLEDGEMENT, OfficialAccountChannel } from '../../bot/channels/wechat/official-account.js';
import { parseXml } from '../../bot/channels/wechat/protocol/xml.js';
import { weChatConfigFromEnv } from '../../bot/channels/wechat/config.js';
import { weChatChannelsFromEnv } from '../../bot/channels/wechat/from-env.js';
import { buildXml } from '../../bot/channels/wechat/protocol/xml.js';
import { Conversations } from '../../bot/conversation.js';
import type { TurnPreparer } from '../../bot/llm/turn-aids.js';
import { testKnowledge } from '../helpers/knowledge.js';
import { AES_KEY, APP_ID, blockRealNetwork, channelRig, encryptedCallback, fakePlatformApi, plainCallback, textMessageXml, timestampAt, TOKEN, WECHAT_API } from '../helpers/wechat.js';

const knowledge = testKnowledge();
const PATH = '/wechat/callback';
const ACCOUNT = 'gh_0123456789ab';

beforeAll(blockRealNetwork);
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

let msgId = 8_000_000_000n;
const xml = (user: string, text: string, id = String(++msgId)) => textMessageXml(ACCOUNT, user, text, id);

/** A language model that takes its time: the turn is ready only after `ms`. */
const slowModel = (ms: number): TurnPreparer => ({ prepareTurn: () => new Promise((r) => setTimeout(() => r({}), ms)) });

describe('公众号 callback', () => {
  it('verifies the URL in plain mode: echostr back when the signature matches, 401 when not', async () => {
    const r = await channelRig<OfficialAccountChannel>('wechat', knowledge, { plainMode: true });
    const ts = timestampAt();
    const q = new URLSearchParams({ signature: getSignature(TOKEN, ts, 'n2', ''), timestamp: ts, nonce: 'n2', echostr: '5837397143457' });
    const ok = await fetch(`${r.url(PATH)}?${q}`);
    expect([ok.status, await ok.text()]).toEqual([200, '5837397143457']);
    // echostr is echoed unsigned: never to be sniffed as HTML
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    q.set('signature', getSignature('wrong', ts, 'n2', ''));
    expect((await fetch(`${r.url(PATH)}?${q}`)).status).toBe(401);
    await r.close();
  });

  it('plain mode: a passive reply in the callback’s response when the answer is ready in time', async () => {
    const api = fakePlatformApi('wechat');
    const r = await channelRig<OfficialAccountChannel>('wechat', knowledge, { plainMode: true });
    const { query, body } = plainCallback(xml('openid-1', '/start'));
    const res = await r.post(PATH, query, body);
    await r.channel.settled();
    expect(res.status).toBe(200);
    const reply = parseXml(res.text);
    expect(reply).toMatchObject({ ToUserName: 'openid-1', FromUserName: ACCOUNT, MsgType: 'text' });
    expect(reply.Content).toContain('您好，我是通策');
    expect(reply.Content).toContain('回复 1 评估我能认定什么');
    expect(api.sent).toEqual([]);
    await r.close();
  });

  it('safe mode: an encrypted, signed passive reply for this account', async () => {
    fakePlatformApi('wechat');
    const r = await channelRig<OfficialAccountChannel>('wechat', knowledge);
    const { query, body } = encryptedCallback(xml('openid-2', '/start'), { receiveId: APP_ID, safeMode: true });
    const res = await r.post(PATH, query, body);
    const envelope = parseXml(res.text);
    expect(envelope.MsgSignature).toBe(getSignature(TOKEN, envelope.TimeStamp!, envelope.Nonce!, envelope.Encrypt!));
    const opened = decrypt(AES_KEY, envelope.Encrypt!);
    expect(opened.id).toBe(APP_ID);
    expect(parseXml(opened.message)).toMatchObject({ ToUserName: 'openid-2', MsgType: 'text' });
    await r.close();
  });

  it('an answer slower than the budget: an acknowledgement now, the answer through the 客服 API', async () => {
    const api = fakePlatformApi('wechat');
    const r = await channelRig<OfficialAccountChannel>('wechat', knowledge, { llm: slowModel(100), replyBudgetMs: 5, plainMode: true });
    const { query, body } = plainCallback(xml('openid-3', '高企认定对研发费用占比有什么要求'));
    const res = await r.post(PATH, query, body);
    expect(parseXml(res.text).Content).toBe(ACKNOWLEDGEMENT);
    await r.channel.settled();
    expect(api.tokenFetches).toBe(1);
    expect(api.sent.length).toBeGreaterThan(0);
    expect(api.sent[0]).toMatchObject({ touser: 'openid-3' });
    expect(api.sent.map((s) => s.content).join('\n')).toContain('研究开发费用');
    await r.close();
  });

  it('a long answer: the first part passively, the rest through the 客服 API, each under 2048 bytes', async () => {
    const api = fakePlatformApi('wechat');
    const r = await channelRig<OfficialAccountChannel>('wechat', knowledge, { plainMode: true });
    const steps = ['想评估一下我们能不能申报高企', '2026年6月1日'];
    let last = '';
    for (const text of steps) {
      const { query, body } = plainCallback(xml('openid-4', text));
      last = parseXml((await r.post(PATH, query, body)).text).Content!;
      await r.channel.settled();
    }
    expect(api.sent.length).toBeGreaterThan(0);
    for (const t of [last, ...api.sent.map((s) => s.content)]) expect(Buffer.byteLength(t)).toBeLessThanOrEqual(2048);
    expect([last, ...api.sent.map((s) => s.content)].join('\n')).toContain('差距：注册满一年：2027-06-01 起');
    // packed: the 客服 API allows only a few messages per user message
    expect(api.sent.length).toBeLessThanOrEqual(4);
    await r.close();
  });

  it('a retried message is answered once; a bad signature is 401 and a message for another account 403', async () => {
    const api = fakePlatformApi('wechat');
    const r = await channelRig<OfficialAccountChannel>('wechat', knowledge, { plainMode: true });
    const safe = await channelRig<OfficialAccountChannel>('wechat', knowledge, { dataDir: r.dataDir });
    const message = xml('openid-5', '/start', '99');
    const first = plainCallback(message);
    expect(parseXml((await r.post(PATH, first.query, first.body)).text).Content).toContain('通策');
    const retry = plainCallback(message);
    expect(await r.post(PATH, retry.query, retry.body)).toEqual({ status: 200, text: 'success' });
    expect((await r.post(PATH, plainCallback(xml('openid-6', '/start'), 'wrong').query, first.body)).status).toBe(401);
    const other = encryptedCallback(xml('openid-6', '/start'), { receiveId: 'wx-another-account', safeMode: true });
    expect((await safe.post(PATH, other.query, other.body)).status).toBe(403);
    await r.channel.settled();
    expect(api.sent).toEqual([]);
    expect(r.conversations.store.transcript(r.conversations.store.forUser('wechat', 'openid-6').id)).toEqual([]);
    await safe.close();
    await r.close();
  });

  it('delivers a staff reply to the 公众号 user through the 客服 API', async () => {
    const api = fakePlatformApi('wechat');
    const r = await channelRig<OfficialAccountChannel>('wechat', knowledge, { plainMode: true });
    const { query, body } = plainCallback(xml('openid-7', '转人工'));
    await r.post(PATH, query, body);
    const ticket = r.conversations.tickets.list()[0]!;
    r.conversations.tickets.reply(ticket.ref, '已转园区办处理。');
    expect(await r.channel.deliverStaffReplies()).toBe(1);
    expect(api.sent).toEqual([{ touser: 'openid-7', content: `工作人员回复（工单 ${ticket.ref}）：\n已转园区办处理。` }]);
    await r.close();
  });

  it('answers a follow with the welcome and a picture with a hint, and ignores other events', async () => {
    fakePlatformApi('wechat');
    const r = await channelRig<OfficialAccountChannel>('wechat', knowledge, { plainMode: true });
    const event = (fields: string) => plainCallback(`<xml><ToUserName>${ACCOUNT}</ToUserName><FromUserName>openid-8</FromUserName><CreateTime>1700000001</CreateTime>${fields}</xml>`);
    const follow = event('<MsgType>event</MsgType><Event>subscribe</Event>');
    expect(parseXml((await r.post(PATH, follow.query, follow.body)).text).Content).toContain('您好，我是通策');
    const picture = event('<MsgType>image</MsgType><PicUrl>http://x</PicUrl><MsgId>5</MsgId>');
    expect(parseXml((await r.post(PATH, picture.query, picture.body)).text).Content).toContain('文字');
    const view = event('<MsgType>event</MsgType><Event>VIEW</Event>');
    expect((await r.post(PATH, view.query, view.body)).text).toBe('success');
    await r.close();
  });

  it('safe mode refuses a plain POST: its `signature` does not cover the body, and any callback URL gives it away', async () => {
    const api = fakePlatformApi('wechat');
    const r = await channelRig<OfficialAccountChannel>('wechat', knowledge);
    const forged = plainCallback(xml('victim', '/start'));
    const res = await r.post(PATH, forged.query, forged.body);
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('通策');
    await r.channel.settled();
    expect(api.sent).toEqual([]);
    expect(r.conversations.store.transcript(r.conversations.store.forUser('wechat', 'victim').id)).toEqual([]);
    await r.close();
  });

  it('refuses a stale timestamp (more than 5 minutes from its clock) with 401, GET and POST, plain and safe', async () => {
    fakePlatformApi('wechat');
    const clock = Date.now();
    const plain = await channelRig<OfficialAccountChannel>('wechat', knowledge, { plainMode: true, now: () => clock });
    const safe = await channelRig<OfficialAccountChannel>('wechat', knowledge, { now: () => clock });
    for (const [skew, status] of [[-6 * 60_000, 401], [6 * 60_000, 401], [-4 * 60_000, 200]] as const) {
      const p = plainCallback(xml('openid-t', '/start'), TOKEN, clock + skew);
      expect((await plain.post(PATH, p.query, p.body)).status).toBe(status);
      const e = encryptedCallback(xml('openid-t', '/start'), { receiveId: APP_ID, safeMode: true, at: clock + skew });
      expect((await safe.post(PATH, e.query, e.body)).status).toBe(status);
      const ts = timestampAt(clock + skew);
      const verify = new URLSearchParams({ signature: getSignature(TOKEN, ts, 'n', ''), timestamp: ts, nonce: 'n', echostr: 'e1' });
      expect((await fetch(`${plain.url(PATH)}?${verify}`)).status).toBe(status);
    }
    await plain.close();
    await safe.close();
  });

  it('a POST without its signature parameters is 401, another method 405, an oversized body 413 (declared or chunked)', async () => {
    fakePlatformApi('wechat');
    const r = await channelRig<OfficialAccountChannel>('wechat', knowledge, { plainMode: true });
    const { query, body } = plainCallback(xml('openid-p', '/start'));
    for (const name of ['signature', 'timestamp', 'nonce']) {
      const q = new URLSearchParams(query);
      q.delete(name);
      expect((await r.post(PATH, q.toString(), body)).status).toBe(401);
    }
    expect((await fetch(`${r.url(PATH)}?${query}`, { method: 'PUT', body })).status).toBe(405);
    const big = `<xml><Content>${'x'.repeat(70_000)}</Content></xml>`;
    expect((await r.post(PATH, query, big)).status).toBe(413);
    const chunked = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(big)), c.close()) });
    const res = await fetch(`${r.url(PATH)}?${query}`, { method: 'POST', body: chunked, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    await r.close();
  });

  it('a bad signature gets 401 before the body is looked at: garbage or oversized, plain or safe mode', async () => {
    fakePlatformApi('wechat');
    const plain = await channelRig<OfficialAccountChannel>('wechat', knowledge, { plainMode: true });
    const safe = await channelRig<OfficialAccountChannel>('wechat', knowledge);
    const badPlain = plainCallback('', 'guessed-token').query;
    const badSafe = encryptedCallback(xml('x', '/start'), { receiveId: APP_ID, safeMode: true, token: 'guessed-token' }).query;
    for (const [r, query] of [[plain, badPlain], [safe, badSafe]] as const) {
      for (const body of ['not xml at all', `<xml><Content>${'x'.repeat(70_000)}</Content></xml>`]) expect((await r.post(PATH, query, body)).status).toBe(401);
    }
    await plain.close();
    await safe.close();
  });

  it('a sealed reply repeats the timestamp exactly as received, so its MsgSignature verifies', async () => {
    fakePlatformApi('wechat');
    const r = await channelRig<OfficialAccountChannel>('wechat', knowledge);
    const ts = `0${timestampAt()}`;
    const encrypted = encrypt(AES_KEY, xml('openid-z', '/start'), APP_ID);
    const q = new URLSearchParams({ signature: getSignature(TOKEN, ts, 'n0', ''), msg_signature: getSignature(TOKEN, ts, 'n0', encrypted), timestamp: ts, nonce: 'n0', encrypt_type: 'aes' });
    const envelope = parseXml((await r.post(PATH, q.toString(), buildXml({ ToUserName: APP_ID, Encrypt: encrypted }))).text);
    expect(envelope.TimeStamp).toBe(ts);
    expect(envelope.MsgSignature).toBe(getSignature(TOKEN, ts, envelope.Nonce!, envelope.Encrypt!));
    await r.close();
  });

  it('a passive reply the platform no longer waited for: its text goes through the 客服 API with the rest', async () => {
    const api = fakePlatformApi('wechat');
    let release!: () => void;
    let started!: () => void;
    const turnStarted = new Promise<void>((r) => (started = r));
    const gate = new Promise<void>((r) => (release = r));
    const gated: TurnPreparer = { prepareTurn: async () => (started(), await gate, {}) };
    const r = await channelRig<OfficialAccountChannel>('wechat', knowledge, { plainMode: true, llm: gated, replyBudgetMs: 4_000 });
    const connectionClosed = new Promise<void>((resolve) => r.server.once('connection', (socket) => socket.once('close', () => resolve())));
    const { query, body } = plainCallback(xml('openid-w', '高企认定对研发费用占比有什么要求'));
    // the platform's side: sends the message, then hangs up before the answer is ready
    const req = request(`${r.url(PATH)}?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' } });
    req.on('error', () => {});
    req.end(body);
    await turnStarted;
    req.destroy();
    await connectionClosed;
    release();
    await r.channel.settled();
    const sent = api.sent.map((s) => s.content).join('\n');
    expect(sent).toContain('研究开发费用');
    expect(r.channel.conversation.inbox.pending()).toEqual([]);
    await r.close();
  });

  it('answers a picture sent again by the platform (same MsgId) with the hint once', async () => {
    fakePlatformApi('wechat');
    const r = await channelRig<OfficialAccountChannel>('wechat', knowledge, { plainMode: true });
    const picture = `<xml><ToUserName>${ACCOUNT}</ToUserName><FromUserName>openid-9</FromUserName><CreateTime>1700000001</CreateTime><MsgType>image</MsgType><PicUrl>http://x</PicUrl><MsgId>6</MsgId></xml>`;
    const first = plainCallback(picture);
    expect(parseXml((await r.post(PATH, first.query, first.body)).text).Content).toContain('文字');
    const retry = plainCallback(picture);
    expect((await r.post(PATH, retry.query, retry.body)).text).toBe('success');
    await r.close();
  });

  it('does not hold the user’s queue on 45009 (the daily quota): the answer waits in the inbox for a later sweep', async () => {
    fakePlatformApi('wechat', [45009]);
    const waits: number[] = [];
    const r = await channelRig<OfficialAccountChannel>('wechat', knowledge, { plainMode: true, llm: slowModel(50), replyBudgetMs: 0, sleep: async (ms) => void waits.push(ms) });
    const { query, body } = plainCallback(xml('openid-q', '高企认定对研发费用占比有什么要求'));
    expect(parseXml((await r.post(PATH, query, body)).text).Content).toBe(ACKNOWLEDGEMENT);
    await r.channel.settled();
    expect(waits).toEqual([]);
    expect(r.channel.conversation.inbox.pending()).toHaveLength(1);
    await r.close();
  });

  it('a staff reply the platform refuses for good (45015: the 48 h window closed) is not retried, and its ticket reopens for staff', async () => {
    const api = fakePlatformApi('wechat', [45015]);
    const problems: string[] = [];
    const r = await channelRig<OfficialAccountChannel>('wechat', knowledge, { plainMode: true, log: (l) => problems.push(l) });
    const { query, body } = plainCallback(xml('openid-g', '转人工'));
    await r.post(PATH, query, body);
    await r.channel.settled();
    const { ref } = r.conversations.tickets.list()[0]!;
    r.conversations.tickets.reply(ref, '您好，已联系园区办。');
    const sends = api.sent.length;
    expect(await r.channel.deliverStaffReplies()).toBe(0);
    const ticket = r.conversations.tickets.get(ref)!;
    expect(ticket.status).toBe('open');
    expect(ticket.replies[0]).toMatchObject({ deliveredAt: null, undeliverable: expect.stringContaining('45015') });
    expect(await r.channel.deliverStaffReplies()).toBe(0);
    expect(api.sent.length).toBe(sends);
    expect(problems.filter((l) => l.includes(ref))).toHaveLength(1);
    await r.close();
  });
});

describe('公众号 configuration', () => {
  it('caps the passive reply budget safely below the platform’s 5 s', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tongce-wechat-env-'));
    const conversations = new Conversations({ dataDir, knowledge, today: () => '2026-11-22' });
    const env = { WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: 's', WECHAT_TOKEN: TOKEN, WECHAT_AES_KEY: AES_KEY, WECHAT_API_ROOT: WECHAT_API };
    expect(() => weChatChannelsFromEnv({ ...env, WECHAT_REPLY_BUDGET_MS: '4500' }, { conversations, dataDir })).toThrow(/WECHAT_REPLY_BUDGET_MS: expected 0–4000 ms/u);
    expect(weChatChannelsFromEnv({ ...env, WECHAT_REPLY_BUDGET_MS: '4000' }, { conversations, dataDir })).toHaveLength(1);
  });

  it('is off without WECHAT_* variables; the AES key is optional (plain mode)', () => {
    expect(weChatConfigFromEnv({})).toBeNull();
    expect(weChatConfigFromEnv({ WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: 's', WECHAT_TOKEN: TOKEN })).toMatchObject({ appId: APP_ID, apiRoot: 'https://api.weixin.qq.com' });
    expect(() => weChatConfigFromEnv({ WECHAT_APP_ID: APP_ID })).toThrow(/WECHAT_APP_SECRET: not set.*WECHAT_TOKEN: not set/su);
  });
});
