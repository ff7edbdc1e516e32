import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { embeddingsReply, toolCallReply } from '../../bench/llm-replies.js';
import { FUSION, LlmAssistant } from '../../bot/llm/assistant.js';
import { contentHash, EmbeddingCache } from '../../bot/llm/embeddings/cache.js';
import { clauseEmbeddingText } from '../../bot/llm/embeddings/dense-index.js';
import { DenseRetrieval } from '../../bot/llm/embeddings/dense-retrieval.js';
import { fuseDense } from '../../bot/llm/embeddings/fusion.js';
import { HashedNgramEmbeddings } from '../../bot/llm/embeddings/stand-in.js';
import { testKnowledge } from '../helpers/knowledge.js';
import { chat, embeddings, FAST_RETRY, offline, recorder, shownText, testConfig } from './support/model.js';

offline();
const knowledge = testKnowledge();
const standIn = new HashedNgramEmbeddings();
const TODAY = '2026-03-01';
const QUESTION = '高企认定对研发费用有什么要求';
const CLAUSE = 'hnte-measures-2016-32#ch3.a11.p5.para1';
const QUOTE = '企业在中国境内发生的研究开发费用总额占全部研究开发费用总额的比例不低于60%';
/** Clauses with the same words share one vector: this many texts are embedded. */
const distinctTexts = new Set([...knowledge.store.clauses.values()].map((c) => contentHash(clauseEmbeddingText(c)))).size;
const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

/** An embeddings endpoint that answers with the stand-in's vectors, counting the texts it was sent. */
function standInEndpoint() {
  const sent = { requests: 0, texts: 0 };
  embeddings()
    .times(100)
    .reply(200, (_uri, body) => {
      const input = (body as { input: string | string[] }).input;
      const texts = Array.isArray(input) ? input : [input];
      sent.requests++;
      sent.texts += texts.length;
      return embeddingsReply(texts.map((t) => standIn.vector(t)));
    });
  return sent;
}

function assistant(dataDir: string) {
  const log = recorder();
  const a = new LlmAssistant(testConfig({ embeddingsModel: 'scripted-embeddings' }), { knowledge, dataDir, onEvent: log.sink, retry: FAST_RETRY });
  return { a, events: log.events };
}

describe('the deterministic stand-in embedding', () => {
  it('gives the same unit vector for the same text, and a related text a nearer one', async () => {
    const a = await standIn.embedQuery('研究开发费用占比');
    expect(await standIn.embedQuery('研究开发费用占比')).toEqual(a);
    expect(cosine(a, a)).toBeCloseTo(1, 6);
    expect(cosine(a, standIn.vector('研究开发费用总额占销售收入的比例'))).toBeGreaterThan(cosine(a, standIn.vector('特色园区的主攻方向')));
  });
});

describe('dense retrieval through the embeddings endpoint', () => {
  it('embeds every clause once: a restart reads them from embeddings.db and sends nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tongce-emb-'));
    const sent = standInEndpoint();
    const first = assistant(dataDir);
    expect(await first.a.warmUp()).toBe(true);
    expect(sent.texts).toBe(distinctTexts);
    expect(sent.requests).toBe(Math.ceil(distinctTexts / 64));
    first.a.close();
    const cache = EmbeddingCache.open(join(dataDir, 'embeddings.db'));
    expect(cache.count('scripted-embeddings')).toBe(distinctTexts);
    cache.close();

    const before = { ...sent };
    const second = assistant(dataDir);
    expect(await second.a.warmUp()).toBe(true);
    expect(sent).toEqual(before);
    expect(second.events).toEqual([expect.objectContaining({ task: 'embeddings', outcome: 'used', detail: `0 embedded, ${distinctTexts} cached` })]);
    second.a.close();
  });

  it('drafts the grounded answer from the fused retrieval once the index is built', async () => {
    const sent = standInEndpoint();
    const { a } = assistant(mkdtempSync(join(tmpdir(), 'tongce-emb-')));
    await a.warmUp();
    const indexRequests = sent.requests;
    let body: unknown;
    chat().reply(200, (_u, b) => {
      body = b;
      return toolCallReply('grounded_answer', { answer: `要求之一：${QUOTE}。`, citations: [{ clauseId: CLAUSE, quote: QUOTE }] });
    });
    const r = await a.ask(QUESTION, {}, TODAY);
    expect(sent.requests).toBe(indexRequests + 1);
    expect(r.citations.map((c) => c.clauseId)).toEqual([CLAUSE]);
    // the same fusion, computed here with the stand-in the endpoint answered with
    const expected = new DenseRetrieval({
      knowledge, embeddings: standIn, model: 'stand-in', cache: EmbeddingCache.open(join(mkdtempSync(join(tmpdir(), 'tongce-emb-')), 'e.db')),
      timeoutMs: 1000, fusion: FUSION, onEvent: () => {},
    });
    await expected.warm();
    const fused = (await expected.retrieve(QUESTION, { k: 5 }, AbortSignal.timeout(1000)))!;
    expect(fused.hits.some((h) => h.via.includes('dense'))).toBe(true);
    for (const h of fused.hits) expect(shownText(body)).toContain(`【${h.clause.id}】`);
    a.close();
  });

  it('answers from the lexical retrieval when the embeddings endpoint is down', async () => {
    embeddings().times(3).reply(500, { error: { message: 'down' } });
    chat().reply(200, toolCallReply('grounded_answer', { answer: `要求之一：${QUOTE}。`, citations: [{ clauseId: CLAUSE, quote: QUOTE }] }));
    const { a, events } = assistant(mkdtempSync(join(tmpdir(), 'tongce-emb-')));
    expect(await a.warmUp()).toBe(false);
    const r = await a.ask(QUESTION, {}, TODAY);
    expect(r.citations.map((c) => c.clauseId)).toEqual([CLAUSE]);
    expect(events[0]).toMatchObject({ task: 'embeddings', outcome: 'fallback', reason: 'server-error' });
    expect(events.at(-1)).toMatchObject({ task: 'answer', outcome: 'used' });
    a.close();
  });

  it('gives the query embedding only part of the time limit, so a slow endpoint leaves the chat call its time', async () => {
    standInEndpoint();
    const { a, events } = assistant(mkdtempSync(join(tmpdir(), 'tongce-emb-')));
    await a.warmUp();
    nock.cleanAll();
    embeddings().delay(5000).reply(200, embeddingsReply([standIn.vector(QUESTION)]));
    chat().reply(200, toolCallReply('grounded_answer', { answer: `要求之一：${QUOTE}。`, citations: [{ clauseId: CLAUSE, quote: QUOTE }] }));
    const r = await a.ask(QUESTION, {}, TODAY);
    expect(r.citations.map((c) => c.clauseId)).toEqual([CLAUSE]);
    expect(events.map((e) => [e.task, e.outcome, e.reason])).toEqual([
      ['embeddings', 'used', undefined],
      ['embeddings', 'fallback', 'timeout'],
      ['answer', 'used', undefined],
    ]);
    a.close();
  });
});

describe('fusing a dense ranking with the lexical retrieval', () => {
  it('adds dense candidates and keeps the lexical judgement of coverage', () => {
    const lexical = knowledge.retrieve(QUESTION, { k: 20 });
    const outsider = [...knowledge.store.clauses.values()].find((c) => !lexical.hits.some((h) => h.clause.id === c.id))!;
    const fused = fuseDense(knowledge.store, lexical, [outsider.id, lexical.hits[0]!.clause.id], { k: 30, rrfK: 2, denseWeight: 0.25 });
    expect(fused.covered).toBe(lexical.covered);
    expect(fused.hits[0]!.clause.id).toBe(lexical.hits[0]!.clause.id);
    expect(fused.hits[0]!.via).toContain('dense');
    expect(fused.hits.find((h) => h.clause.id === outsider.id)?.via).toEqual(['dense']);
  });
});
