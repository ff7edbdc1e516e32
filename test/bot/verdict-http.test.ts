import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/http.js';
import { testKnowledge } from '../helpers/knowledge.js';

type Messages = { text: string; evaluation?: { programmes: { id: string }[] }; verdict?: { programmes: string[]; cards: { id: string; headline: string; nextStep: string | null }[] } }[];

describe('verdict cards and the report over HTTP', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer(testKnowledge());
  }, 60_000);
  afterAll(() => server?.close());

  it('a verdict message carries cards for the programmes asked about; the evaluation keeps them all', async () => {
    const sessionId = 'verdict-http-0001';
    await server.post({ sessionId, text: '我们只想评估高企，2026年6月1日注册成立' });
    const { body } = await server.post({ sessionId, text: '对' });
    const verdict = (body.messages as Messages).find((m) => m.evaluation)!;
    expect(verdict.evaluation!.programmes).toHaveLength(3);
    expect(verdict.verdict!.programmes).toEqual(['hnte']);
    expect(verdict.verdict!.cards[0]).toMatchObject({ id: 'hnte', outcome: 'ineligible' });
    expect(verdict.verdict!.cards[0]!.headline).toMatch(/^不满足（一）注册成立一年以上/);
    expect((body.messages as Messages).filter((m) => !m.evaluation).every((m) => m.verdict === undefined)).toBe(true);
  });

  it('GET /api/report downloads the session’s report; a bad or unknown session is a 4xx', async () => {
    const sessionId = 'verdict-http-0002';
    await server.post({ sessionId, text: '员工80人，想评估高企' });
    await server.post({ sessionId, text: '对' });
    const res = await fetch(`${server.url()}/api/report?sessionId=${sessionId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tongce-report-2026-11-22.html"');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<th>职工总数</th><td>80 人</td>');
    expect((await fetch(`${server.url()}/api/report?sessionId=x`)).status).toBe(400);
    expect((await fetch(`${server.url()}/api/report?sessionId=no-such-session-9`)).status).toBe(404);
    expect((await fetch(`${server.url()}/api/report?sessionId=${sessionId}`, { method: 'POST' })).status).toBe(405);
  });
});
