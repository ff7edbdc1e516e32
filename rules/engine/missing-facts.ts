import type { FactPath } from '../facts/catalog.js';
import { FACT_KEYS } from '../facts/schema.js';
import type { JudgedProgramme } from './programme.js';

const KEY_ORDER = new Map<string, number>(FACT_KEYS.map((k, i) => [k, i]));

/** Ties are broken in the order a conversation would ask: the vocabulary's order, the latest year first. */
function askOrder(path: FactPath): number {
  const dot = path.indexOf('.');
  if (dot < 0) return KEY_ORDER.get(path)! * 10_000;
  return KEY_ORDER.get(path.slice(0, dot))! * 10_000 + 9_999 - Number(path.slice(dot + 1));
}

/**
 * The facts that could still change some programme's outcome, most useful first: by how many open conditions
 * each bears on across all programmes at once, so that one question serves several programmes.
 */
export function rankMissingFacts(programmes: readonly JudgedProgramme[]): FactPath[] {
  const weight = new Map<FactPath, number>();
  for (const p of programmes) p.openFacts.forEach((n, fact) => weight.set(fact, (weight.get(fact) ?? 0) + n));
  const ranked: { fact: FactPath; n: number; order: number }[] = [];
  weight.forEach((n, fact) => ranked.push({ fact, n, order: askOrder(fact) }));
  ranked.sort((a, b) => b.n - a.n || a.order - b.order);
  // pushed, not map()ped: see addPointsOf (logic/interval.ts)
  const facts: FactPath[] = [];
  for (const e of ranked) facts.push(e.fact);
  return facts;
}

/** One programme's open facts, in the overall order. */
export function missingFactsOf(programme: JudgedProgramme, ranking: readonly FactPath[]): FactPath[] {
  return ranking.filter((f) => programme.openFacts.has(f));
}
