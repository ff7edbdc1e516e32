import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Conversations } from '../bot/conversation.js';
import { FUSION, LlmAssistant } from '../bot/llm/assistant.js';
import type { LlmConfig } from '../bot/llm/config.js';
import { EmbeddingCache } from '../bot/llm/embeddings/cache.js';
import { DenseIndex } from '../bot/llm/embeddings/dense-index.js';
import { DenseRetrieval } from '../bot/llm/embeddings/dense-retrieval.js';
import { HashedNgramEmbeddings } from '../bot/llm/embeddings/stand-in.js';
import type { LlmEvent } from '../bot/llm/events.js';
import { openKnowledge, type Knowledge } from '../knowledge/index.js';
import { fabricationCases, honestQuote, type FabricationCase } from './llm-fabrications.js';
import { HONEST_PHRASINGS, HONEST_PHRASINGS_DEV2, HONEST_PHRASINGS_DEV3, HONEST_PHRASINGS_HELD_OUT, ISSUE_PHRASINGS, NEW_PHRASINGS, type PhrasedDraft } from './llm-phrasings.js';
import { startScriptedEndpoint, toolCallReply, type ScriptedReply } from './llm-replies.js';
import { GoldQuestion, readJsonl } from './lib/gold.js';
import { percentile, round } from './lib/metrics.js';
import { GOLD_QUESTIONS } from './retrieval.js';
import { measure, tongceRanker, type QualityReport, type Ranker } from './retrieval-quality.js';

const TODAY = '2026-03-01';
const STAND_IN = 'stand-in:hashed-char-ngrams-512';
/** The time limit the fallback benchmark runs under: the default 8 s would only make the run slow. */
const BENCH_TIMEOUT_MS = 1000;

function config(url: string, timeoutMs = BENCH_TIMEOUT_MS): LlmConfig {
  return { baseURL: url, apiKey: null, chatModel: 'scripted', embeddingsModel: null, timeoutMs };
}

function summary(r: QualityReport) {
  const { misses: _misses, ...rest } = r;
  return rest;
}

/** Every fabrication sent by a scripted model over real HTTP; how many the checks caught, and by which check. */
export async function fabrications(knowledge: Knowledge, gold: GoldQuestion[]) {
  const cases = fabricationCases(knowledge, gold, 90);
  let next: unknown = null;
  const endpoint = await startScriptedEndpoint(() => ({ body: toolCallReply('grounded_answer', next) }));
  const events: LlmEvent[] = [];
  const assistant = new LlmAssistant(config(endpoint.url, 5000), { knowledge, dataDir: mkdtempSync(join(tmpdir(), 'tongce-llm-bench-')), onEvent: (e) => events.push(e) });
  const run = async (c: FabricationCase, draft: unknown) => {
    next = draft;
    events.length = 0;
    const r = await assistant.groundedAnswer(c.question, { jurisdiction: c.jurisdiction }, TODAY, AbortSignal.timeout(5000));
    return { used: r !== null, detail: events[0]?.detail ?? '' };
  };
  const byKind: Record<string, { fabricated: number; caught: number }> = {};
  const byCheck: Record<string, number> = {};
  const byHow: Record<string, number> = {};
  let caught = 0;
  let honestUsed = 0;
  for (const c of cases) {
    const f = await run(c, c.fabricated);
    const k = (byKind[c.kind] ??= { fabricated: 0, caught: 0 });
    k.fabricated++;
    byHow[c.how] = (byHow[c.how] ?? 0) + 1;
    if (!f.used) {
      caught++;
      k.caught++;
      const check = /not among|not shown/u.test(f.detail) ? 'clause not shown' : /unknown clause/u.test(f.detail) ? 'unknown clause' : /quote not in clause/u.test(f.detail) ? 'quote not verbatim' : /figure/u.test(f.detail) ? 'figure not in a cited clause' : f.detail;
      byCheck[check] = (byCheck[check] ?? 0) + 1;
    }
    if ((await run(c, c.honest)).used) honestUsed++;
  }
  assistant.close();
  await endpoint.close();
  return { fabricated: cases.length, caught, caughtShare: round(caught / cases.length), byKind, byCheck, byHow, honestDrafts: cases.length, honestUsed };
}

/**
 * Drafts worded as a model words them, sent over real HTTP: the ones that speak for the rules (issue 16's and
 * ours) should all fall back, the honest restatements should all be used — measured on the restatements the check
 * was tuned on and, apart, on held-out ones it never was.
 */
export async function phrasings(knowledge: Knowledge) {
  let next: unknown = null;
  const endpoint = await startScriptedEndpoint(() => ({ body: toolCallReply('grounded_answer', next) }));
  const events: LlmEvent[] = [];
  const assistant = new LlmAssistant(config(endpoint.url, 5000), { knowledge, dataDir: mkdtempSync(join(tmpdir(), 'tongce-llm-bench-')), onEvent: (e) => events.push(e) });
  const used = async (p: PhrasedDraft) => {
    next = p.draft;
    events.length = 0;
    await assistant.groundedAnswer(p.question, { jurisdiction: p.jurisdiction }, TODAY, AbortSignal.timeout(5000));
    return events[0]?.outcome === 'used';
  };
  const count = async (cases: PhrasedDraft[]) => {
    let n = 0;
    for (const p of cases) if (await used(p)) n++;
    return n;
  };
  const issue = await count(ISSUE_PHRASINGS);
  const ours = await count(NEW_PHRASINGS);
  const tuned = [...HONEST_PHRASINGS, ...HONEST_PHRASINGS_DEV2, ...HONEST_PHRASINGS_DEV3];
  const honest = await count(tuned);
  const heldOut = await count(HONEST_PHRASINGS_HELD_OUT);
  assistant.close();
  await endpoint.close();
  const unsafe = ISSUE_PHRASINGS.length + NEW_PHRASINGS.length;
  return {
    speakingForTheRules: { drafts: unsafe, caught: unsafe - issue - ours, issue16: { drafts: ISSUE_PHRASINGS.length, shown: issue }, new: { drafts: NEW_PHRASINGS.length, shown: ours } },
    honestRestatements: { drafts: tuned.length, kept: honest, keptShare: round(honest / tuned.length) },
    honestRestatementsHeldOut: { drafts: HONEST_PHRASINGS_HELD_OUT.length, kept: heldOut, keptShare: round(heldOut / HONEST_PHRASINGS_HELD_OUT.length) },
  };
}

/** Gold-set retrieval, lexical only against the stand-in embedding fused in (and alone), overall and by half. */
async function retrievalWithEmbeddings(knowledge: Knowledge, gold: GoldQuestion[]) {
  const cache = EmbeddingCache.open(join(mkdtempSync(join(tmpdir(), 'tongce-emb-bench-')), 'embeddings.db'));
  const embeddings = new HashedNgramEmbeddings();
  const embed = (texts: string[]) => embeddings.embedDocuments(texts);
  let t = performance.now();
  const first = await DenseIndex.build(knowledge.store, STAND_IN, cache, embed);
  const buildMs = performance.now() - t;
  t = performance.now();
  const again = await DenseIndex.build(knowledge.store, STAND_IN, cache, embed);
  const cachedBuildMs = performance.now() - t;

  const vectors = new Map<string, number[]>();
  for (const g of gold) vectors.set(g.q, await embeddings.embedQuery(g.q));
  const denseOnly: Ranker = (g) => {
    const lexical = knowledge.retrieve(g.q, { k: 1, jurisdiction: g.jurisdiction ?? null });
    const texts = first.index.nearest(vectors.get(g.q)!, 10).map((id) => knowledge.store.clause(id)!.fullText);
    return { texts: lexical.covered ? texts : [], covered: lexical.covered };
  };

  /** The product's fusion path (DenseRetrieval) with given settings, precomputed because retrieval there is async. */
  const fused = async (fusion: typeof FUSION): Promise<Ranker> => {
    const dense = new DenseRetrieval({ knowledge, embeddings, model: STAND_IN, cache, timeoutMs: 5000, fusion, onEvent: () => {} });
    await dense.warm();
    const results = new Map<string, { texts: string[]; covered: boolean }>();
    for (const g of gold) {
      const r = (await dense.retrieve(g.q, { k: 10, jurisdiction: g.jurisdiction ?? null }, AbortSignal.timeout(5000)))!;
      results.set(`${g.jurisdiction ?? ''}\u0000${g.q}`, { texts: r.covered ? r.hits.map((h) => h.clause.fullText) : [], covered: r.covered });
    }
    return (g) => results.get(`${g.jurisdiction ?? ''}\u0000${g.q}`)!;
  };

  // the settings are chosen on the odd lines (dev), as the lexical threshold was; the even lines are held out
  const dev = gold.filter((_, i) => i % 2 === 0);
  const heldOut = gold.filter((_, i) => i % 2 === 1);
  const brief = (r: QualityReport) => ({ recallAt1: r.recallAt1, recallAt3: r.recallAt3, mrr: r.mrr });
  const halves = (rank: Ranker) => ({ all: summary(measure(gold, rank)), dev: brief(measure(dev, rank)), heldOut: brief(measure(heldOut, rank)) });
  const settings: Record<string, { dev: ReturnType<typeof brief>; heldOut: ReturnType<typeof brief> }> = {};
  for (const rrfK of [2, 60]) {
    for (const denseWeight of [0.25, 0.5, 1]) {
      const rank = await fused({ rrfK, denseWeight });
      settings[`rrfK=${rrfK} denseWeight=${denseWeight}`] = { dev: brief(measure(dev, rank)), heldOut: brief(measure(heldOut, rank)) };
    }
  }
  const chosen = halves(await fused(FUSION));
  cache.close();
  return {
    embedding: `${STAND_IN} (deterministic, no weights)`,
    lexicalOnly: halves(tongceRanker(knowledge)),
    fusedWithStandIn: { ...FUSION, ...chosen },
    denseOnlyStandIn: halves(denseOnly),
    fusionSettings: settings,
    clauseIndex: { clauses: knowledge.store.clauseCount, distinctTexts: first.embedded + first.cached, buildMs: Math.round(buildMs), embeddedOnRebuild: again.embedded, cachedBuildMs: Math.round(cachedBuildMs) },
  };
}

/** How long a user waits when the model does not answer at all, and what a model that answers adds. */
async function fallbackLatency(knowledge: Knowledge) {
  const questions = ['高企认定对研发费用有什么要求', '科技型中小企业评价的条件有哪些', '海门区高企培育的目标是多少', '科创项目认定标准对注册时间有什么要求', '研发费用加计扣除比例是多少'];
  let mode: 'hang' | 'answer' | 'rate-limit-then-answer' = 'hang';
  let calls = 0;
  /** An honest model: it quotes the first clause it was shown. */
  const honestReply = (body: unknown): ScriptedReply => {
    const shown = JSON.stringify(body);
    const id = /【([^】]+)】/u.exec(shown)?.[1];
    const clause = id ? knowledge.store.clause(id) : undefined;
    const quote = clause ? honestQuote(clause) : null;
    return { body: toolCallReply('grounded_answer', quote ? { answer: `相关条款规定：${quote}。`, citations: [{ clauseId: id, quote }] } : { answer: '', citations: [] }) };
  };
  const endpoint = await startScriptedEndpoint((_path, body): ScriptedReply => {
    calls++;
    if (mode === 'hang') return { body: null, hang: true };
    if (mode === 'rate-limit-then-answer' && calls % 2 === 1) return { status: 429, body: { error: { message: 'rate limited' } } };
    return honestReply(body);
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'tongce-llm-latency-'));
  const events: LlmEvent[] = [];
  const assistant = new LlmAssistant(config(endpoint.url), { knowledge, dataDir, onEvent: (e) => events.push(e) });
  const conversations = new Conversations({ dataDir, knowledge, today: () => TODAY, llm: assistant });
  const time = async (runs: number, f: (i: number) => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await f(i);
      ms.push(performance.now() - t);
    }
    return { p50: Math.round(percentile(ms, 50)), max: Math.round(Math.max(...ms)) };
  };
  const hangingAsk = await time(10, (i) => assistant.ask(questions[i % questions.length]!, {}, TODAY));
  const hangingTurn = await time(10, (i) => conversations.handleAsync('web', `hang-${i}`, { text: questions[i % questions.length]! }));
  mode = 'answer';
  const answeringAsk = await time(10, (i) => assistant.ask(questions[i % questions.length]!, {}, TODAY));
  mode = 'rate-limit-then-answer';
  calls = 0;
  const retriedAsk = await time(10, (i) => assistant.ask(questions[i % questions.length]!, {}, TODAY));
  const extractive = await time(50, (i) => Promise.resolve(knowledge.ask(questions[i % questions.length]!)));
  assistant.close();
  await endpoint.close();
  return {
    timeoutMs: BENCH_TIMEOUT_MS,
    modelNeverAnswersMs: { ask: hangingAsk, dialogTurn: hangingTurn },
    modelAnswersInstantlyMs: answeringAsk,
    rateLimitedOnceThenAnswersMs: retriedAsk,
    extractiveOnlyMs: extractive,
    groundedAnswersUsed: events.filter((e) => e.task === 'answer' && e.outcome === 'used').length,
    fallbacks: events.filter((e) => e.outcome === 'fallback').reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.reason ?? '']: (acc[e.reason ?? ''] ?? 0) + 1 }), {}),
  };
}

/**
 * The optional model, measured with scripted endpoints only (no real model, no network): fabrications the
 * grounding checks catch, gold-set retrieval with the deterministic stand-in embedding fused in, and how long
 * a user waits when the model fails.
 */
export async function runLlmBench(): Promise<Record<string, unknown>> {
  const gold = readJsonl(GOLD_QUESTIONS, GoldQuestion);
  const knowledge = openKnowledge({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-llm-bench-kb-')) });
  return {
    fabrications: await fabrications(knowledge, gold),
    phrasings: await phrasings(knowledge),
    retrieval: await retrievalWithEmbeddings(knowledge, gold),
    latency: await fallbackLatency(knowledge),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runLlmBench(), null, 2));
}
