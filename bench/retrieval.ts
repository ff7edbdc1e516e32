import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKnowledge } from '../knowledge/index.js';
import { projectRoot } from '../knowledge/paths.js';
import { KnowledgeStore } from '../knowledge/store/store.js';
import { GoldQuestion, readJsonl } from './lib/gold.js';
import { percentile, round } from './lib/metrics.js';
import { baselineRanker, measure, tongceRanker, type QualityReport } from './retrieval-quality.js';

export const GOLD_QUESTIONS = join(projectRoot(), 'bench', 'gold', 'questions.jsonl');
/** Written blind to the retrieval code, then used to improve it (bench/gold/README.md). */
export const FRESH_QUESTIONS = join(projectRoot(), 'bench', 'gold', 'questions-fresh.jsonl');
/** Written blind after that, and never tuned on: the honest estimate of quality on new questions. */
export const BLIND_QUESTIONS = join(projectRoot(), 'bench', 'gold', 'questions-blind.jsonl');

function setReport(knowledge: ReturnType<typeof openKnowledge>, path: string) {
  const gold = readJsonl(path, GoldQuestion);
  const report = measure(gold, tongceRanker(knowledge));
  return { tongce: qualitySummary(report), baseline: qualitySummary(measure(gold, baselineRanker())), misses: report.misses };
}

function qualitySummary(r: QualityReport) {
  const { misses: _misses, ...rest } = r;
  return rest;
}

/** Retrieval quality against the baseline, lookup latency, index build time and a cold CLI call. */
export async function runRetrievalBench(): Promise<Record<string, unknown>> {
  const gold = readJsonl(GOLD_QUESTIONS, GoldQuestion);

  const buildDir = mkdtempSync(join(tmpdir(), 'tongce-bench-'));
  const t0 = performance.now();
  KnowledgeStore.open({ dataDir: buildDir }).close();
  const indexBuildMs = performance.now() - t0;

  const knowledge = openKnowledge({ dataDir: buildDir });
  const tongce = measure(gold, tongceRanker(knowledge));
  const baseline = measure(gold, baselineRanker());
  // the covered/uncovered threshold was chosen on the odd lines (dev); the even lines are held out
  const dev = gold.filter((_, i) => i % 2 === 0);
  const heldOut = gold.filter((_, i) => i % 2 === 1);
  const split = { dev: qualitySummary(measure(dev, tongceRanker(knowledge))), heldOut: qualitySummary(measure(heldOut, tongceRanker(knowledge))) };
  const fresh = setReport(knowledge, FRESH_QUESTIONS);
  const blind = setReport(knowledge, BLIND_QUESTIONS);

  // latency of an in-process lookup, after one warm-up pass
  for (const g of gold) knowledge.ask(g.q);
  const times: number[] = [];
  for (let round_ = 0; round_ < 5; round_++) {
    for (const g of gold) {
      const t = performance.now();
      knowledge.ask(g.q, { jurisdiction: g.jurisdiction ?? null });
      times.push(performance.now() - t);
    }
  }

  // a cold command: a new process, the index already built
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(projectRoot(), 'bin', 'tongce.js'), 'ask', '--json', '高企认定对研发费用有什么要求'], {
      env: { ...process.env, TONGCE_DATA_DIR: buildDir },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`cold ask failed: ${r.stderr}`);
    cold.push(performance.now() - t);
  }

  return {
    goldQuestions: gold.length,
    tongce: qualitySummary(tongce),
    baseline: qualitySummary(baseline),
    split,
    fresh,
    blind,
    tongceMisses: tongce.misses,
    lookupLatencyMs: { p50: round(percentile(times, 50), 2), p95: round(percentile(times, 95), 2), p99: round(percentile(times, 99), 2) },
    indexBuildMs: Math.round(indexBuildMs),
    coldAskMs: { median: Math.round(percentile(cold, 50)), max: Math.round(Math.max(...cold)) },
    clauses: knowledge.store.clauseCount,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runRetrievalBench(), null, 2));
}
