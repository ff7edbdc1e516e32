import { mkdtempSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { createChatServer } from '../../bot/channels/http/server.js';
import { staffRoutes } from '../../bot/channels/staff/routes.js';
import { Conversations } from '../../bot/conversation.js';
import { screeningRoutes } from '../../screen/http.js';
import { ScreeningJson } from '../../screen/result.js';
import { testKnowledge } from '../helpers/knowledge.js';

const TOKEN = 'screen-secret-42';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const knowledge = testKnowledge();
const servers: Server[] = [];

/** `tongce serve` as the lead mounts it: the screening route before the staff desk's catch-all /staff routes. */
async function serve(staffToken: string | undefined) {
  const conversations = new Conversations({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-screen-http-')), knowledge, today: () => '2026-11-22' });
  const routes = [
    screeningRoutes({ staffToken, resolve: knowledge.resolve, maxBytes: 64 * 1024, today: () => '2026-11-22', threads: 0 }),
    staffRoutes({ conversations, token: staffToken }),
  ];
  const server = createChatServer({ conversations, ratePerSecond: 1000, routes });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (body: string | Buffer | null, { type = 'text/csv', token = TOKEN as string | null, query = '', method = 'POST' } = {}) => {
    const headers: Record<string, string> = { 'content-type': type };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${base}/staff/screen${query}`, { method, headers, ...(body === null ? {} : { body }) });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  return { base, post };
}

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
});

const CSV = readFileSync('screen/samples/enterprises.csv');

describe('POST /staff/screen', () => {
  it('returns the HTML report of an uploaded CSV, under a policy that runs no script', async () => {
    const { post } = await serve(TOKEN);
    const res = await post(CSV, { query: '?name=' + encodeURIComponent('海门<区>名单.csv') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text).toContain('企业批量预诊断报告');
    expect(res.text).toContain('海门&lt;区&gt;名单.csv');
    expect(res.text).not.toContain('<script');
    expect((res.text.match(/<svg/g) ?? []).length).toBe(3);
  });

  it('returns the JSON export with ?format=json, for CSV in GBK and for .xlsx', async () => {
    const { post } = await serve(TOKEN);
    const gbk = await post(iconv.encode(CSV.toString('utf8').replace(/^\ufeff/, ''), 'gbk'), { query: '?format=json&as-of=2026-11-22' });
    expect(gbk.status).toBe(200);
    const fromCsv = ScreeningJson.parse(JSON.parse(gbk.text));
    expect(fromCsv.summary.source.encoding).toBe('gb18030');
    const xlsx = await post(readFileSync('screen/samples/enterprises.xlsx'), { type: XLSX, query: '?format=json&as-of=2026-11-22' });
    expect(xlsx.status).toBe(200);
    const fromXlsx = ScreeningJson.parse(JSON.parse(xlsx.text));
    expect(fromXlsx.enterprises).toEqual(fromCsv.enterprises);
  });

  it('wants the staff token: 401 without it or with a wrong one; 404 when staff features are off', async () => {
    const { post } = await serve(TOKEN);
    expect((await post(CSV, { token: null })).status).toBe(401);
    expect((await post(CSV, { token: 'screen-secret-43' })).status).toBe(401);
    expect((await post(CSV, { token: TOKEN + 'x' })).status).toBe(401);
    const { post: off } = await serve(undefined);
    expect((await off(CSV)).status).toBe(404);
    expect((await off(CSV, { token: null })).status).toBe(404);
  });

  it('answers every bad upload with a 4xx and a reason, never a 5xx', async () => {
    const { post } = await serve(TOKEN);
    const cases: [string, Awaited<ReturnType<typeof post>>, number][] = [
      ['GET', await post(null, { method: 'GET' }), 405],
      ['wrong type', await post('{}', { type: 'application/json' }), 415],
      ['empty', await post(''), 400],
      ['too large', await post(Buffer.alloc(70 * 1024, 0x41)), 413],
      ['bad format', await post(CSV, { query: '?format=pdf' }), 400],
      ['bad date', await post(CSV, { query: '?as-of=2026-02-30' }), 400],
      ['no header', await post('联系人,电话\n张三,123\n'), 422],
      ['legacy xls', await post(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), { type: XLSX }), 422],
      ['damaged xlsx', await post(readFileSync('screen/samples/enterprises.xlsx').subarray(0, 4000), { type: XLSX }), 422],
      ['binary junk', await post(Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)), { type: XLSX }), 422],
    ];
    for (const [what, res, status] of cases) {
      expect(res.status, what).toBe(status);
      expect(JSON.parse(res.text).error, what).toEqual(expect.any(String));
    }
  });

  it('reports bad rows in a 200, not as a failed request', async () => {
    const { post } = await serve(TOKEN);
    const res = await post('企业名称,职工总数\n甲,120\n乙,很多\n', { query: '?format=json' });
    expect(res.status).toBe(200);
    const doc = ScreeningJson.parse(JSON.parse(res.text));
    expect(doc.summary.rows).toMatchObject({ screened: 1, invalid: 1 });
  });

  it('leaves the rest of /staff to the staff desk', async () => {
    const { base } = await serve(TOKEN);
    const res = await fetch(`${base}/staff/api/tickets`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
  });
});
