import { encrypt, getSignature } from '@wecom/crypto';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WeComChannel } from '../../bot/channels/wecom/channel.js';
import { weComConfigFromEnv } from '../../bot/channels/wecom/config.js';
import type { Message } from '../../bot/dialog/message.js';
import type { TurnPreparer } from '../../bot/llm/turn-aids.js';
import { RETRY_BACKOFF_MS } from '../../bot/channels/wechat/protocol/callback-channel.js';
import { buildXml } from '../../bot/channels/wechat/protocol/xml.js';
import { testKnowledge } from '../helpers/knowledge.js';
import { AES_KEY, AGENT_ID, blockRealNetwork, channelRig, CORP_ID, encryptedCallback, fakePlatformApi, textMessageXml, timestampAt, TOKEN, WECOM_API } from '../helpers/wechat.js';

const knowledge = testKnowledge();
const PATH = '/wecom/callback';

beforeAll(blockRealNetwork);
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

let msgId = 7_000_000_000_000_000_000n;
const say = (user: string, text: string, id = String(++msgId), at?: number) =>
  encryptedCallback(textMessageXml(CORP_ID, user, text, id), { receiveId: CORP_ID, ...(at !== undefined ? { at } : {}) });

async function rig(options: Parameters<typeof channelRig>[2] = {}) {
  const r = await channelRig<WeComChannel>('wecom', knowledge, options);
  const send = async (user: string, text: string, id?: string) => {
    // signed on the rig's clock, as 企业微信 would sign it at that moment
    const { query, body } = say(user, text, id, options.now?.());
    const res = await r.post(PATH, query, body);
    await r.channel.settled();
    return res;
  };
  const transcript = (user: string) => r.conversations.store.transcript(r.conversations.store.forUser('wecom', user).id);
  return { ...r, send, transcript };
}

describe('企业微信 callback', () => {
  it('is not throttled by the per-address limit that the web API has: every user’s callback comes from 企业微信’s few addresses', async () => {
    fakePlatformApi('wecom');
    const r = await rig({ ratePerSecond: 1 });
    for (let i = 0; i < 6; i++) expect((await r.send(`user${i}`, '/start')).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(r.url('/api/chat'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"你好"}' })).status);
    expect(statuses).toContain(429);
    await r.close();
  });

  it('verifies the URL: decrypts echostr and returns it; a wrong signature gets 401', async () => {
    const r = await rig();
    const echo = encrypt(AES_KEY, 'echo-1234567890', CORP_ID);
    const ts = timestampAt();
    const q = new URLSearchParams({ msg_signature: getSignature(TOKEN, ts, 'n1', echo), timestamp: ts, nonce: 'n1', echostr: echo });
    const ok = await fetch(`${r.url(PATH)}?${q}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('echo-1234567890');
    // echostr sent without URL-encoding: its '+' arrives as a space
    let plus = '';
    while (!plus.includes('+')) plus = encrypt(AES_KEY, 'echo-plus', CORP_ID);
    const raw = `msg_signature=${getSignature(TOKEN, ts, 'n1', plus)}&timestamp=${ts}&nonce=n1&echostr=${plus}`;
    expect(await (await fetch(`${r.url(PATH)}?${raw}`)).text()).toBe('echo-plus');
    q.set('msg_signature', getSignature('another-token', ts, 'n1', echo));
    expect((await fetch(`${r.url(PATH)}?${q}`)).status).toBe(401);
    // unsigned (a parameter missing) is refused like a bad signature
    q.delete('echostr');
    expect((await fetch(`${r.url(PATH)}?${q}`)).status).toBe(401);
    await r.close();
  });

  it('answers the callback at once and replies through gettoken + message/send, with numbered choices', async () => {
    const api = fakePlatformApi('wecom');
    const r = await rig();
    const res = await r.send('zhangsan', '/start');
    expect(res).toEqual({ status: 200, text: '' });
    expect(api.tokenFetches).toBe(1);
    expect(api.sent.length).toBeGreaterThan(0);
    expect(api.sent.every((s) => s.touser === 'zhangsan')).toBe(true);
    const welcome = (r.transcript('zhangsan').at(-1)!.payload as Message[])[0]!;
    expect(api.sent[0]!.content).toContain(welcome.text);
    expect(api.sent.at(-1)!.content).toContain('回复 1 评估我能认定什么\n回复 2 查政策条款\n回复 3 转人工');
    await r.close();
  });

  it('a number reply presses the button it names; a number out of range is text', async () => {
    fakePlatformApi('wecom');
    const r = await rig();
    await r.send('lisi', '/start');
    await r.send('lisi', '１');
    expect(r.transcript('lisi').at(-2)!.payload).toEqual({ action: 'check' });
    await r.send('lisi', '9');
    expect(r.transcript('lisi').at(-2)!.payload).toEqual({ text: '9' });
    await r.close();
  });

  it('while a number is asked, a number is the answer and the buttons are offered by label', async () => {
    const api = fakePlatformApi('wecom');
    const r = await rig();
    await r.send('wangwu', '想评估一下我们能不能申报高企');
    await r.send('wangwu', '2020年5月1日');
    expect(api.sent.at(-1)!.content).toContain('回复“不知道”');
    const asked = (r.transcript('wangwu').at(-1)!.payload as Message[]).findLast((m) => m.ask)!.ask!;
    expect(asked.kind).toBe('number');
    await r.send('wangwu', '1');
    expect(r.transcript('wangwu').at(-2)!.payload).toEqual({ text: '1' });
    const facts = r.conversations.store.forUser('wecom', 'wangwu').facts;
    expect(asked.fact.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], facts)).toBe(1);
    await r.close();
  });

  it('applies a retried message (same MsgId) once, also after a restart', async () => {
    const api = fakePlatformApi('wecom');
    const r = await rig();
    await r.send('zhaoliu', '想评估一下我们能不能申报高企', '42');
    const count = api.sent.length;
    const turns = r.transcript('zhaoliu').length;
    await r.send('zhaoliu', '想评估一下我们能不能申报高企', '42');
    expect(api.sent.length).toBe(count);
    expect(r.transcript('zhaoliu').length).toBe(turns);
    await r.close();
    const again = await rig({ dataDir: r.dataDir });
    await again.send('zhaoliu', '想评估一下我们能不能申报高企', '42');
    expect(api.sent.length).toBe(count);
    await again.close();
  });

  it('answers on the next start what was acknowledged but never sent (the send failed, then a restart), applying it once', async () => {
    const failing = fakePlatformApi('wecom', [60020, 60020]);
    const r = await rig();
    await r.send('u9', '/start');
    await r.send('u9', '1');
    expect(failing.sent).toEqual([]);
    expect(r.channel.conversation.inbox.pending().map((m) => m.text)).toEqual(['/start', '1']);
    const entries = r.transcript('u9').length;
    await r.close();
    nock.cleanAll();
    const api = fakePlatformApi('wecom');
    const again = await rig({ dataDir: r.dataDir });
    expect(again.channel.resume()).toBe(2);
    await again.channel.settled();
    expect(api.sent[0]!.content).toContain('您好，我是通策');
    expect(api.sent.map((s) => s.content).join('\n')).toContain('我会一次问一个问题');
    expect(again.transcript('u9').length).toBe(entries);
    expect(again.channel.conversation.inbox.pending()).toEqual([]);
    await again.close();
  });

  it('applies on the next start a message acknowledged just before a crash; a retry of it meanwhile is not queued twice', async () => {
    const api = fakePlatformApi('wecom');
    const r = await rig();
    const message = { kind: 'text', user: 'u10', text: '/start', key: '77' } as const;
    expect(r.channel.conversation.receive(message)).not.toBeNull();
    expect(r.channel.conversation.receive(message)).toBeNull();
    await r.close();
    const again = await rig({ dataDir: r.dataDir });
    expect(again.channel.resume()).toBe(1);
    await again.channel.settled();
    expect(again.transcript('u10').map((e) => e.role)).toEqual(['user', 'bot']);
    expect(api.sent.at(-1)!.content).toContain('回复 1 评估我能认定什么');
    await again.close();
  });

  it('refuses a bad signature (401) and a message for another corp (403), applying nothing', async () => {
    const api = fakePlatformApi('wecom');
    const r = await rig();
    const xml = textMessageXml(CORP_ID, 'intruder', '/start', '1');
    const forged = encryptedCallback(xml, { receiveId: CORP_ID, token: 'guessed-token' });
    expect((await r.post(PATH, forged.query, forged.body)).status).toBe(401);
    const otherCorp = encryptedCallback(xml, { receiveId: 'ww-another-corp' });
    expect((await r.post(PATH, otherCorp.query, otherCorp.body)).status).toBe(403);
    const tampered = say('intruder', '/start');
    expect((await r.post(PATH, tampered.query, tampered.body.replace(/Encrypt><!\[CDATA\[./u, 'Encrypt><![CDATA[A'))).status).toBe(401);
    for (const body of ['not xml', '', '<xml>text</xml>', '<xml><Encrypt><a>1</a></Encrypt></xml>', '<!DOCTYPE x [<!ENTITY a "b">]><xml><Encrypt>&a;</Encrypt></xml>']) {
      expect((await r.post(PATH, tampered.query, body)).status).toBe(400);
    }
    // signed correctly, but not a message: garbage that does not decrypt, or decrypts to something that is not XML
    const ts = timestampAt();
    for (const encrypted of ['bm90IGVuY3J5cHRlZA==', encrypt(AES_KEY, 'plain words', CORP_ID)]) {
      const q = new URLSearchParams({ msg_signature: getSignature(TOKEN, ts, 'n', encrypted), timestamp: ts, nonce: 'n' });
      expect((await r.post(PATH, q.toString(), `<xml><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`)).status).toBe(400);
    }
    expect((await fetch(`${r.url(PATH)}?${tampered.query}`, { method: 'PUT', body: tampered.body })).status).toBe(405);
    await r.channel.settled();
    expect(api.sent).toEqual([]);
    expect(r.transcript('intruder')).toEqual([]);
    await r.close();
  });

  it('renews the access token before it expires, and once more when the API says it expired (42001)', async () => {
    let clock = Date.now();
    const api = fakePlatformApi('wecom');
    const r = await rig({ now: () => clock });
    await r.send('u1', '/start');
    await r.send('u1', '帮助');
    expect(api.tokenFetches).toBe(1);
    clock += 7_200_000 - 60_000;
    await r.send('u1', '帮助');
    expect(api.tokenFetches).toBe(2);
    await r.close();
    nock.cleanAll();
    const expired = fakePlatformApi('wecom', [42001]);
    const again = await rig({ dataDir: r.dataDir, now: () => clock });
    await again.send('u2', '/start');
    expect(expired.tokenFetches).toBe(2);
    expect(expired.sent.length).toBeGreaterThan(0);
    await again.close();
  });

  it('keeps a reply 企业微信 accepted for a user outside the visible range, and drops it once too old to help', async () => {
    let clock = Date.now();
    const problems: string[] = [];
    const r = await rig({ now: () => clock, log: (l) => problems.push(l) });
    nock(WECOM_API).get('/cgi-bin/gettoken').query(true).reply(200, { errcode: 0, access_token: 't', expires_in: 7200 });
    nock(WECOM_API).persist().post('/cgi-bin/message/send').query(true).reply(200, { errcode: 0, errmsg: 'ok', invaliduser: 'outsider' });
    await r.send('outsider', '/start');
    expect(problems.join('\n')).toContain('not in the application');
    expect(r.channel.conversation.inbox.pending()).toHaveLength(1);
    clock += 49 * 3_600_000;
    expect(r.channel.conversation.inbox.pending()).toEqual([]);
    expect(problems.join('\n')).toContain('1 message(s) older than 48 h dropped unanswered');
    await r.close();
  });

  it('backs off when rate limited (45009) and then sends', async () => {
    const api = fakePlatformApi('wecom', [45009, 45009]);
    const waits: number[] = [];
    const r = await rig({ sleep: async (ms) => void waits.push(ms) });
    await r.send('u3', '/start');
    expect(waits).toEqual([1_000, 4_000]);
    expect(api.sent[0]!.content).toContain('通策');
    await r.close();
  });

  it('gives up after the last back-off instead of retrying for ever', async () => {
    const api = fakePlatformApi('wecom', [45009, 45009, 45009, 45009]);
    const waits: number[] = [];
    const problems: string[] = [];
    const r = await channelRig<WeComChannel>('wecom', knowledge, { sleep: async (ms) => void waits.push(ms), log: (l) => problems.push(l) });
    const { query, body } = say('u4', '/start');
    await r.post(PATH, query, body);
    await r.channel.settled();
    expect(waits).toEqual([1_000, 4_000, 16_000]);
    expect(api.sent).toEqual([]);
    expect(problems.join('\n')).toMatch(/reply to u4 failed: \/cgi-bin\/message\/send: errcode 45009/u);
    await r.close();
  });

  it('refuses a message for another application of the corp (AgentID) with 403', async () => {
    const api = fakePlatformApi('wecom');
    const r = await rig();
    const xml = buildXml({ ToUserName: CORP_ID, FromUserName: 'u20', CreateTime: 1, MsgType: 'text', Content: '/start', MsgId: '20', AgentID: 1000003 });
    const { query, body } = encryptedCallback(xml, { receiveId: CORP_ID });
    expect((await r.post(PATH, query, body)).status).toBe(403);
    await r.channel.settled();
    expect(api.sent).toEqual([]);
    expect(r.transcript('u20')).toEqual([]);
    await r.close();
  });

  it('refuses a stale timestamp with 401, also in the URL check', async () => {
    fakePlatformApi('wecom');
    const clock = Date.now();
    const r = await rig({ now: () => clock });
    const stale = say('u21', '/start', undefined, clock - 6 * 60_000);
    expect((await r.post(PATH, stale.query, stale.body)).status).toBe(401);
    const echo = encrypt(AES_KEY, 'echo', CORP_ID);
    const ts = timestampAt(clock + 6 * 60_000);
    const q = new URLSearchParams({ msg_signature: getSignature(TOKEN, ts, 'n', echo), timestamp: ts, nonce: 'n', echostr: echo });
    expect((await fetch(`${r.url(PATH)}?${q}`)).status).toBe(401);
    expect(r.transcript('u21')).toEqual([]);
    await r.close();
  });

  it('renews the token once on 40001, and shares one token fetch between concurrent sends', async () => {
    const api = fakePlatformApi('wecom', [40001]);
    const r = await rig();
    await Promise.all([r.channel.api.post('/cgi-bin/message/send', { touser: 'a', text: { content: '1' } }), r.channel.api.post('/cgi-bin/message/send', { touser: 'b', text: { content: '2' } })]);
    // one fetch shared by both, one more after 40001
    expect(api.tokenFetches).toBe(2);
    expect(api.sent.map((s) => s.touser).sort()).toEqual(['a', 'b']);
    await r.close();
  });

  it('a gettoken error fails the send without naming the secret; the message stays in the inbox', async () => {
    nock(WECOM_API).persist().get('/cgi-bin/gettoken').query(true).reply(200, { errcode: 40091, errmsg: 'secret is invalid' });
    const problems: string[] = [];
    const r = await rig({ log: (l) => problems.push(l) });
    await r.send('u22', '/start');
    expect(problems.join('\n')).toMatch(/reply to u22 failed: \/cgi-bin\/gettoken: errcode 40091/u);
    expect(problems.join('\n')).not.toContain('app-secret');
    expect(r.channel.conversation.inbox.pending()).toHaveLength(1);
    await r.close();
  });

  it('gives up a call the platform does not answer in time (the user’s queue moves on)', async () => {
    nock(WECOM_API).persist().get('/cgi-bin/gettoken').query(true).reply(200, { errcode: 0, access_token: 't', expires_in: 7200 });
    nock(WECOM_API).post('/cgi-bin/message/send').query(true).delay(2_000).reply(200, { errcode: 0 });
    const problems: string[] = [];
    const r = await rig({ apiTimeoutMs: 50, log: (l) => problems.push(l) });
    await r.send('u23', '/start');
    expect(problems.join('\n')).toMatch(/reply to u23 failed: \/cgi-bin\/message\/send: no answer within 50 ms/u);
    expect(r.channel.conversation.inbox.pending()).toHaveLength(1);
    await r.close();
  });

  it('tries -1 (system busy) again after a wait', async () => {
    const api = fakePlatformApi('wecom', [-1]);
    const waits: number[] = [];
    const r = await rig({ sleep: async (ms) => void waits.push(ms) });
    await r.send('u24', '/start');
    expect(waits).toEqual([1_000]);
    expect(api.sent[0]!.content).toContain('通策');
    await r.close();
  });

  it('tries a failed answer again on a later sweep, after its back-off, never two at once', async () => {
    let clock = Date.now();
    const api = fakePlatformApi('wecom', [60020]);
    const r = await rig({ now: () => clock });
    await r.send('u25', '/start');
    expect(api.sent).toEqual([]);
    expect(r.channel.resume()).toBe(0);
    clock += RETRY_BACKOFF_MS[0]!;
    await r.channel.sweep();
    expect(r.channel.resume()).toBe(0);
    await r.channel.settled();
    expect(api.sent.filter((s) => s.content.includes('您好，我是通策'))).toHaveLength(1);
    expect(r.channel.conversation.inbox.pending()).toEqual([]);
    expect(r.channel.resume()).toBe(0);
    await r.close();
  });

  it('waits with a staff reply until the answer being sent to that user is out', async () => {
    const api = fakePlatformApi('wecom');
    let release!: () => void;
    let started!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const turnStarted = new Promise<void>((r) => (started = r));
    let gating = false;
    const model: TurnPreparer = { prepareTurn: async () => (gating ? (started(), await gate) : undefined, {}) };
    const r = await rig({ llm: model });
    await r.send('u26', '转人工');
    const { ref } = r.conversations.tickets.list()[0]!;
    r.conversations.tickets.reply(ref, '您好，园区办已受理。');
    gating = true;
    const { query, body } = say('u26', '高企认定对研发费用占比有什么要求');
    await r.post(PATH, query, body);
    await turnStarted;
    const delivering = r.channel.deliverStaffReplies();
    release();
    expect(await delivering).toBe(1);
    await r.channel.settled();
    expect(api.sent.at(-1)!.content).toContain('园区办已受理');
    expect(api.sent.slice(0, -1).map((s) => s.content).join('\n')).toContain('研究开发费用');
    await r.close();
  });

  it('splits a long verdict into messages under 2048 bytes, the reason first', async () => {
    const api = fakePlatformApi('wecom');
    const r = await rig();
    await r.send('u5', '想评估一下我们能不能申报高企');
    await r.send('u5', '2026年6月1日');
    const verdict = api.sent.slice(-4).map((s) => s.content);
    for (const s of api.sent) expect(Buffer.byteLength(s.content)).toBeLessThanOrEqual(2048);
    const hnte = verdict.find((t) => t.includes('高新技术企业认定'))!;
    expect(hnte.split('\n').slice(0, 3).join('\n')).toMatch(/^❌ 不符合｜高新技术企业认定\n原因：.*注册成立一年以上/u);
    expect(hnte).toContain('差距：注册满一年：2027-06-01 起');
    expect(hnte).toMatch(/依据：【国科发火〔2016〕32号 第十一条（一）】/u);
    await r.close();
  });

  it('quotes the clauses behind the references on “依据”', async () => {
    const api = fakePlatformApi('wecom');
    const r = await rig();
    await r.send('u6', '高企认定对研发费用占比有什么要求');
    expect(api.sent.at(-1)!.content).toContain('回复“依据”查看条款原文');
    const cited = (r.transcript('u6').at(-1)!.payload as Message[]).flatMap((m) => m.citations ?? []);
    await r.send('u6', '依据');
    const quotes = api.sent.at(-1)!.content;
    expect(quotes).toContain(cited[0]!.quote.slice(0, 40));
    await r.close();
  });

  it('delivers a staff reply from the desk to the 企业微信 user', async () => {
    const api = fakePlatformApi('wecom');
    const r = await rig();
    await r.send('u7', '转人工');
    const ticket = r.conversations.tickets.list()[0]!;
    expect(ticket.channel).toBe('wecom');
    r.conversations.tickets.reply(ticket.ref, '您好，请把营业执照发给园区办。');
    expect(await r.channel.deliverStaffReplies()).toBe(1);
    expect(api.sent.at(-1)).toEqual({ touser: 'u7', content: `工作人员回复（工单 ${ticket.ref}）：\n您好，请把营业执照发给园区办。` });
    expect(await r.channel.deliverStaffReplies()).toBe(0);
    await r.close();
  });

  it('“忘记我” deletes the session, its facts and the channel’s menu of choices', async () => {
    fakePlatformApi('wecom');
    const r = await rig();
    await r.send('u8', '/check 科小');
    await r.send('u8', '忘记我');
    await r.send('u8', '1');
    const db = (r.conversations.store as unknown as { db: import('better-sqlite3').Database }).db;
    expect(db.prepare("SELECT COUNT(*) AS n FROM sessions WHERE channel = 'wecom' AND user_key = 'u8'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM plain_text_menus').get()).toEqual({ n: 0 });
    await r.close();
  });
});

describe('企业微信 configuration', () => {
  it('is off when no variable is set, complete when all are, and names what is missing otherwise', () => {
    expect(weComConfigFromEnv({})).toBeNull();
    expect(weComConfigFromEnv({ WECOM_API_ROOT: 'http://localhost:1' })).toBeNull();
    const full = { WECOM_CORP_ID: CORP_ID, WECOM_AGENT_ID: AGENT_ID, WECOM_SECRET: 's', WECOM_TOKEN: TOKEN, WECOM_AES_KEY: AES_KEY };
    expect(weComConfigFromEnv(full)).toMatchObject({ corpId: CORP_ID, apiRoot: 'https://qyapi.weixin.qq.com' });
    expect(() => weComConfigFromEnv({ ...full, WECOM_SECRET: '', WECOM_AES_KEY: 'short' })).toThrow(/WECOM_SECRET: not set.*WECOM_AES_KEY: EncodingAESKey/su);
  });
});
