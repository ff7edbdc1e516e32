import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKnowledge } from '../knowledge/index.js';
import { RANKING_WEIGHTS, type RankingWeights } from '../knowledge/search/weights.js';
import { GoldQuestion, readJsonl } from './lib/gold.js';
import { measure, type Ranker } from './retrieval-quality.js';
import { DEV2_QUESTIONS, FRESH_QUESTIONS, GOLD_QUESTIONS } from './retrieval.js';

/** Each weight scaled by these factors, one at a time, the others at their tuned values. */
const FACTORS = [0.5, 0.8, 1.25, 2];

type Path = [keyof RankingWeights] | ['lists', keyof RankingWeights['lists']];

function weightPaths(): Path[] {
  return (Object.keys(RANKING_WEIGHTS) as Array<keyof RankingWeights>).flatMap((key): Path[] =>
    key === 'lists' ? (Object.keys(RANKING_WEIGHTS.lists) as Array<keyof RankingWeights['lists']>).map((l): Path => ['lists', l]) : [[key]],
  );
}

function scaled(path: Path, factor: number): RankingWeights {
  const w: RankingWeights = { ...RANKING_WEIGHTS, lists: { ...RANKING_WEIGHTS.lists } };
  if (path[0] === 'lists') w.lists[path[1]!] *= factor;
  // a candidate count is a row count
  else (w[path[0]] as number) = path[0] === 'candidates' ? Math.round(w.candidates * factor) : (w[path[0]] as number) * factor;
  return w;
}

/**
 * The ranking's MRR (every question taken as answerable) under each scaled weight, on the sets retrieval was tuned
 * on only: the blind and held-out sets are never swept, so they stay an honest estimate.
 */
export function sweepRankingWeights(): Record<string, Record<string, number>> {
  const knowledge = openKnowledge({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-sweep-')) });
  const gold = [GOLD_QUESTIONS, FRESH_QUESTIONS, DEV2_QUESTIONS].flatMap((p) => readJsonl(p, GoldQuestion)).filter((g) => 'expect' in g);
  const mrr = (weights: RankingWeights) => {
    const rank: Ranker = (g) => ({
      texts: knowledge.retrieve(g.q, { k: 10, jurisdiction: g.jurisdiction ?? null, weights }).hits.map((h) => h.clause.fullText),
      covered: true,
    });
    return measure(gold, rank).mrr;
  };
  const tuned = mrr(RANKING_WEIGHTS);
  return Object.fromEntries(
    weightPaths().map((path) => [path.join('.'), { tuned, ...Object.fromEntries(FACTORS.map((f) => [`×${f}`, mrr(scaled(path, f))])) }]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(sweepRankingWeights(), null, 2));
}
