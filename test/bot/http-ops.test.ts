import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import nock from 'nock';
import { afterAll, describe, expect, it } from 'vitest';
import { toolCallReply } from '../../bench/llm-replies.js';
import { createChatServer } from '../../bot/channels/http/server.js';
import { TrustedProxies } from '../../bot/channels/http/trusted-proxies.js';
import { LlmAssistant } from '../../bot/llm/assistant.js';
import { checkEndpoint, describeCheck } from '../../bot/llm/endpoint-check.js';
import { ModelFailure } from '../../bot/llm/resilient-call.js';
import { healthReport, type HealthSources } from '../../bot/ops/health.js';
import { createLogger } from '../../bot/ops/logger.js';
import { ServiceMetrics } from '../../bot/ops/metrics.js';
import { modelEventSink } from '../../bot/ops/model-events.js';
import { ModelStatus } from '../../bot/ops/model-status.js';
import { ObservedConversations } from '../../bot/ops/observed-conversations.js';
import { testKnowledge } from '../helpers/knowledge.js';
import { runCli } from '../helpers/cli.js';
import { BASE_URL, chat, FAST_RETRY, testConfig } from '../llm/support/model.js';

const knowledge = testKnowledge();
const COVERED = '高企认定对研发费用有什么要求';
const QUOTE = '企业在中国境内发生的研究开发费用总额占全部研究开发费用总额的比例不低于60%';
const HONEST = { answer: `要求之一：${QUOTE}。`, citations: [{ clauseId: 'hnte-measures-2016-32#ch3.a11.p5.para1', quote: QUOTE }] };

/** The log as parsed JSON lines. */
function memoryLog() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({ write: (chunk: Buffer, _enc, done) => { for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>); done(); } });
  return { lines, logger: createLogger({ level: 'debug', destination: { write: (s: string) => void stream.write(s) } }) };
}

/** The service as `tongce serve` wires it, with a scripted model, on a free port. */
async function startService(options: { ratePerSecond?: number; trustProxy?: TrustedProxies; telegram?: HealthSources['telegram'] } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongce-ops-'));
  const { lines, logger } = memoryLog();
  const metrics = new ServiceMetrics((): number => conversations.tickets.list('open').length);
  const models = new ModelStatus('scripted-chat', null);
  const llm = new LlmAssistant(testConfig(), { knowledge, dataDir, onEvent: modelEventSink(logger, metrics, models), retry: FAST_RETRY });
  const conversations: ObservedConversations = new ObservedConversations({ dataDir, knowledge, today: () => '2026-03-01', llm }, { log: logger, metrics });
  const server: Server = createChatServer({
    conversations,
    ratePerSecond: options.ratePerSecond ?? 1000,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    metrics,
    health: () => healthReport({ conversations, knowledge, models, endpoint: BASE_URL, telegram: options.telegram ?? { configured: false, webhookSecret: false } }),
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, requestId: res.headers.get('x-request-id'), body: (await res.json()) as { sessionId: string; messages: Array<{ text: string; source?: string }> } };
  };
  return { url, post, lines, conversations, models, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** One sample of the Prometheus text: `name{labels} value`. */
function sample(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('what an operator sees', () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('scrapes /metrics: turns, turn latency, lookups covered and declined by source, model calls by outcome and reason, tickets open', async () => {
    const s = await startService();
    chat().reply(200, toolCallReply('grounded_answer', HONEST));
    const worded = await s.post({ text: COVERED });
    expect(worded.body.messages[0]!.source).toBe('model');
    chat().times(3).reply(503, { error: { message: 'busy' } });
    const fallen = await s.post({ text: COVERED });
    expect(fallen.body.messages[0]!.source).toBe('extractive');
    const declined = await s.post({ text: '海门2026年高企要达到多少家' });
    expect(declined.body.messages[0]!.source).toBe('extractive');
    await s.post({ action: 'human' });

    const res = await fetch(`${s.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/u);
    const text = await res.text();
    expect(sample(text, 'tongce_turns_total', 'channel="web"')).toBe(4);
    expect(sample(text, 'tongce_turn_duration_seconds_count', 'channel="web"')).toBe(4);
    expect(text).toContain('# TYPE tongce_turn_duration_seconds histogram');
    expect(sample(text, 'tongce_lookups_total', 'outcome="covered",source="model"')).toBe(1);
    expect(sample(text, 'tongce_lookups_total', 'outcome="covered",source="extractive"')).toBe(1);
    expect(sample(text, 'tongce_lookups_total', 'outcome="declined",source="extractive"')).toBe(1);
    expect(sample(text, 'tongce_model_calls_total', 'task="answer",outcome="used",reason=""')).toBe(1);
    expect(sample(text, 'tongce_model_calls_total', 'task="answer",outcome="fallback",reason="server-error"')).toBe(1);
    expect(sample(text, 'tongce_tickets_open')).toBe(1);
    await s.close();
  });

  it('logs one JSON line per turn with its request id, which every line written during the turn repeats', async () => {
    const s = await startService();
    chat().times(3).reply(500, { error: { message: 'boom' } });
    const r = await s.post({ text: COVERED }, { 'x-request-id': 'nginx-abc123' });
    expect(r.requestId).toBe('nginx-abc123');
    const own = s.lines.filter((l) => l.requestId === 'nginx-abc123');
    expect(own.map((l) => l.msg)).toEqual(['model answer fell back to the deterministic answer (server-error)', 'turn']);
    expect(own[1]).toMatchObject({ level: 30, service: 'tongce', channel: 'web', sessionId: r.body.sessionId, sources: ['extractive'] });
    expect(JSON.stringify(s.lines)).not.toContain(COVERED);
    const other = await s.post({ action: 'help' });
    expect(other.requestId).toMatch(/^[0-9a-f-]{36}$/u);
    await s.close();
  });

  it('logs a failure that repeats (a refused key) once, then at debug level until the model works again', async () => {
    const s = await startService();
    chat().times(3).reply(401, { error: { message: 'invalid api key' } });
    for (let i = 0; i < 3; i++) await s.post({ text: COVERED });
    chat().reply(200, toolCallReply('grounded_answer', HONEST));
    await s.post({ text: COVERED });
    const model = s.lines.filter((l) => l.task === 'answer');
    expect(model.map((l) => [l.level, l.msg])).toEqual([
      [40, 'model answer fell back to the deterministic answer (rejected-request)'],
      [20, 'model answer fell back to the deterministic answer (rejected-request)'],
      [20, 'model answer fell back to the deterministic answer (rejected-request)'],
      [30, 'model answer works again'],
    ]);
    await s.close();
  });

  it('logs nothing more per turn for a key the startup check already found refused', async () => {
    const s = await startService();
    s.models.recordCheck({ reachable: false, failure: new ModelFailure('rejected-request', '401 Incorrect API key provided') });
    chat().times(2).reply(401, { error: { message: 'invalid api key' } });
    await s.post({ text: COVERED });
    await s.post({ text: COVERED });
    expect(s.lines.filter((l) => l.task === 'answer' && (l.level as number) >= 40)).toEqual([]);
    await s.close();
  });

  it('/healthz reports each component, keeps {"ok": true}, and says what the model last did', async () => {
    const s = await startService();
    chat().times(3).reply(401, { error: { message: 'invalid api key' } });
    await s.post({ text: COVERED });
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; components: Record<string, Record<string, unknown>> };
    expect(body.ok).toBe(true);
    expect(Object.keys(body.components)).toEqual(['database', 'knowledge', 'model', 'embeddings', 'telegram']);
    expect(body.components.database).toMatchObject({ ok: true, required: true, openTickets: 0 });
    expect(body.components.knowledge).toMatchObject({ ok: true, required: true, version: expect.stringMatching(/^[0-9a-f]{8,}$/u), clauses: knowledge.store.clauseCount });
    expect(body.components.model).toMatchObject({ ok: false, required: false, configured: true, model: 'scripted-chat', endpoint: BASE_URL, reachable: false, lastError: { reason: 'rejected-request' } });
    expect(body.components.embeddings).toMatchObject({ ok: true, configured: false });
    await s.close();
  });

  it('/healthz is 503 when a required component is down: the database, or Telegram unable to take its webhook', async () => {
    const broken = await startService();
    (broken.conversations.tickets as unknown as { db: { close(): void } }).db.close();
    const res = await fetch(`${broken.url}/healthz`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { ok: boolean; components: Record<string, { ok: boolean; error?: string }> };
    expect(body.ok).toBe(false);
    expect(body.components.database!.ok).toBe(false);
    expect(body.components.database!.error).toMatch(/database/iu);
    await broken.close();

    const telegram = await startService({ telegram: { configured: true, webhookSecret: false } });
    const t = await fetch(`${telegram.url}/healthz`);
    expect(t.status).toBe(503);
    expect(((await t.json()) as { components: Record<string, { error?: string }> }).components.telegram!.error).toMatch(/TELEGRAM_WEBHOOK_SECRET/u);
    await telegram.close();
  });
});

describe('behind a reverse proxy', () => {
  it('trusts X-Forwarded-For only from the configured proxies, reading it from the right', () => {
    const proxies = TrustedProxies.parse('10.0.0.5, 172.16.0.0/12, loopback');
    expect(proxies.clientOf('10.0.0.5', '203.0.113.7')).toBe('203.0.113.7');
    expect(proxies.clientOf('::ffff:10.0.0.5', '203.0.113.7')).toBe('203.0.113.7');
    // a client's own forged entry is left of the one the proxy appended
    expect(proxies.clientOf('10.0.0.5', '1.2.3.4, 203.0.113.7')).toBe('203.0.113.7');
    expect(proxies.clientOf('127.0.0.1', '203.0.113.7, 172.16.4.4')).toBe('203.0.113.7');
    expect(proxies.clientOf('198.51.100.1', '203.0.113.7')).toBe('198.51.100.1');
    expect(TrustedProxies.parse(undefined).clientOf('127.0.0.1', '203.0.113.7')).toBe('127.0.0.1');
    expect(() => TrustedProxies.parse('10.0.0.0/33')).toThrow(/TONGCE_TRUST_PROXY/u);
    expect(() => TrustedProxies.parse('nginx')).toThrow(/TONGCE_TRUST_PROXY: “nginx”/u);
  });

  it('limits each client behind a trusted proxy separately, and ignores the header from anyone else', async () => {
    const behind = await startService({ ratePerSecond: 1, trustProxy: TrustedProxies.parse('127.0.0.1') });
    const from = (ip: string) => behind.post({ action: 'help' }, { 'x-forwarded-for': ip });
    expect([(await from('203.0.113.1')).status, (await from('203.0.113.1')).status, (await from('203.0.113.1')).status]).toEqual([200, 200, 429]);
    expect((await from('203.0.113.2')).status).toBe(200);
    await behind.close();

    const direct = await startService({ ratePerSecond: 1 });
    const spoofed = async (ip: string) => (await direct.post({ action: 'help' }, { 'x-forwarded-for': ip })).status;
    expect([await spoofed('1.1.1.1'), await spoofed('2.2.2.2'), await spoofed('3.3.3.3')]).toEqual([200, 200, 429]);
    await direct.close();
  });
});

describe('startup check of the model endpoint', () => {
  const config = testConfig({ embeddingsModel: 'scripted-embed' });

  it('names the endpoint and model and says it is reachable', async () => {
    nock(BASE_URL).get('/models').reply(200, { data: [{ id: 'scripted-chat' }, { id: 'scripted-embed' }] });
    const check = await checkEndpoint(config);
    expect(describeCheck(config, check)).toEqual({ level: 'info', message: `model scripted-chat and embeddings scripted-embed at ${BASE_URL}: reachable (${check.ms} ms)` });
  });

  it('gives a bad key one clear line naming the variable, without the key', async () => {
    const scope = nock(BASE_URL, { reqheaders: { authorization: 'Bearer test-key' } }).get('/models').reply(401, { error: { message: 'Incorrect API key provided' } });
    const line = describeCheck(config, await checkEndpoint(config));
    expect(scope.isDone()).toBe(true);
    expect(line.level).toBe('error');
    expect(line.message).toMatch(/refused the key \(401 .*\); check TONGCE_LLM_API_KEY/u);
    expect(line.message).not.toContain('test-key');
  });

  it('says which setting to check for an unreachable endpoint or a model it does not offer', async () => {
    nock(BASE_URL).get('/models').replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(describeCheck(config, await checkEndpoint(config)).message).toMatch(/unreachable \(connection: ECONNREFUSED.*check TONGCE_LLM_BASE_URL/u);
    nock(BASE_URL).get('/models').reply(200, { data: [{ id: 'other-model' }] });
    expect(describeCheck(config, await checkEndpoint(config))).toMatchObject({ level: 'warn', message: expect.stringMatching(/does not list scripted-chat or scripted-embed/u) });
    nock(BASE_URL).get('/models').reply(404, 'not found');
    expect(describeCheck(config, await checkEndpoint(config)).level).toBe('info');
  });
});

describe('bad settings', () => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ TONGCE_RATE_LIMIT: 'fast' }, /^tongce serve: TONGCE_RATE_LIMIT must be a number/u],
    [{ TONGCE_RATE_LIMIT: '0' }, /^tongce serve: TONGCE_RATE_LIMIT must be more than 0/u],
    [{ TONGCE_SESSION_IDLE_DAYS: '-1' }, /^tongce serve: TONGCE_SESSION_IDLE_DAYS must be more than 0/u],
    [{ PORT: '99999' }, /^tongce serve: PORT must be a port number/u],
    [{ TONGCE_LOG_LEVEL: 'loud' }, /^tongce serve: TONGCE_LOG_LEVEL must be one of/u],
    [{ TONGCE_TRUST_PROXY: '10.0.0.1, nginx' }, /^tongce serve: TONGCE_TRUST_PROXY: “nginx”/u],
    [{ TONGCE_LLM_BASE_URL: 'api.deepseek.com', TONGCE_LLM_MODEL: 'deepseek-chat' }, /^tongce serve: TONGCE_LLM_BASE_URL must be an http\(s\) URL/u],
    [{ TONGCE_LLM_BASE_URL: 'http://localhost:11434/v1', TONGCE_LLM_MODEL: 'qwen', TONGCE_LLM_TIMEOUT_MS: 'soon' }, /^tongce serve: TONGCE_LLM_TIMEOUT_MS must be a number/u],
  ];
  for (const [env, message] of cases) {
    it(`exits 2 with one line naming the variable: ${Object.keys(env).at(-1)}=${Object.values(env).at(-1)}`, async () => {
      const { code, out, err } = await runCli(['serve', '--port', '0'], '', env);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(message);
      expect(err.trim().split('\n')).toHaveLength(1);
    });
  }

  it('exits 2 for a bad model setting in the other commands that use the model', async () => {
    const { code, err } = await runCli(['ask', '高企认定条件'], '', { TONGCE_LLM_MODEL: 'deepseek-chat' });
    expect(code).toBe(2);
    expect(err).toBe('tongce ask: TONGCE_LLM_BASE_URL is required when TONGCE_LLM_MODEL is set\n');
  });
});
