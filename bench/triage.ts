import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKnowledge, type Knowledge } from '../knowledge/index.js';
import { DepartmentDirectory } from '../knowledge/triage/directory.js';
import { triage, type TriageResult } from '../knowledge/triage/triage.js';
import { percentile, round } from './lib/metrics.js';
import { isExpected, readTriageGold, TRIAGE_FRESH, type TriageGold } from './lib/triage-gold.js';

interface Outcome {
  gold: TriageGold;
  result: TriageResult;
  top1: boolean;
  top3: boolean;
}

function run(knowledge: Knowledge, gold: TriageGold[]): Outcome[] {
  const directory = DepartmentDirectory.of(knowledge.store);
  return gold.map((g) => {
    const result = triage(knowledge, g.q, { jurisdiction: g.jurisdiction });
    const hits = result.departments.map((d) => isExpected(directory, g, d));
    return { gold: g, result, top1: hits[0] === true, top3: hits.some(Boolean) };
  });
}

const rate = (n: number, of: number) => (of === 0 ? null : round(n / of));

/** Routing quality of a set of outcomes: accuracy in scope, handoff out of scope, confident wrong routes. */
export function triageQuality(outcomes: Outcome[]) {
  const inScope = outcomes.filter((o) => !('outOfScope' in o.gold));
  const outOfScope = outcomes.filter((o) => 'outOfScope' in o.gold);
  const placeDependent = inScope.filter((o) => 'needsJurisdiction' in o.gold && o.gold.needsJurisdiction);
  const confidentWrong = outcomes.filter((o) => !o.result.handoff && !o.top3);
  return {
    inScope: inScope.length,
    top1: rate(inScope.filter((o) => o.top1).length, inScope.length),
    top3: rate(inScope.filter((o) => o.top3).length, inScope.length),
    inScopeHandedOff: rate(inScope.filter((o) => o.result.handoff).length, inScope.length),
    outOfScope: outOfScope.length,
    outOfScopeHandoff: rate(outOfScope.filter((o) => o.result.handoff).length, outOfScope.length),
    confidentWrong: rate(confidentWrong.length, outcomes.length),
    confidentWrongInScope: rate(inScope.filter((o) => !o.result.handoff && !o.top3).length, inScope.length),
    placeDependent: placeDependent.length,
    placeDependentAsked: rate(placeDependent.filter((o) => o.result.needsJurisdiction).length, placeDependent.length),
  };
}

/** Of the top routes given with a confidence in each band, how many were right (out-of-scope routes are wrong). */
function calibration(outcomes: Outcome[]) {
  const bands = [[0, 0.5], [0.5, 0.7], [0.7, 0.85], [0.85, 1.01]] as const;
  return bands.map(([lo, hi]) => {
    const inBand = outcomes.filter((o) => {
      const c = o.result.departments[0]?.confidence;
      return c !== undefined && c >= lo && c < hi;
    });
    return { band: `${lo}–${Math.min(hi, 1)}`, routes: inBand.length, top1Right: rate(inBand.filter((o) => o.top1).length, inBand.length) };
  });
}

function misses(outcomes: Outcome[]) {
  return outcomes
    .filter((o) => ('outOfScope' in o.gold ? !o.result.handoff : !o.top3 || o.result.handoff))
    .map((o) => ({
      q: o.gold.q,
      jurisdiction: o.gold.jurisdiction,
      expect: o.gold.expect,
      got: o.result.departments.map((d) => `${d.jurisdiction}/${d.name} ${d.confidence}`),
      handoff: o.result.handoff,
    }));
}

/**
 * Help-desk routing against bench/gold/triage.jsonl: top-1 / top-3 accuracy in scope, handoff out of scope,
 * confident wrong routes, calibration and latency. Thresholds were set on the dev half (even lines); the
 * held-out half (odd lines) is reported apart, and so is triage-fresh.jsonl, written after tuning.
 */
export async function runTriageBench(): Promise<Record<string, unknown>> {
  const gold = readTriageGold();
  const fresh = readTriageGold(TRIAGE_FRESH);
  const knowledge = openKnowledge({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-triage-bench-')) });
  const outcomes = run(knowledge, gold);
  const freshOutcomes = run(knowledge, fresh);

  const times: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    for (const g of gold) {
      const t = performance.now();
      triage(knowledge, g.q, { jurisdiction: g.jurisdiction });
      times.push(performance.now() - t);
    }
  }
  return {
    goldQuestions: gold.length,
    all: triageQuality(outcomes),
    split: {
      dev: triageQuality(outcomes.filter((_, i) => i % 2 === 0)),
      heldOut: triageQuality(outcomes.filter((_, i) => i % 2 === 1)),
    },
    fresh: triageQuality(freshOutcomes),
    calibration: calibration([...outcomes, ...freshOutcomes]),
    latencyMs: { p50: round(percentile(times, 50), 2), p95: round(percentile(times, 95), 2) },
    misses: misses(outcomes),
    freshMisses: misses(freshOutcomes),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runTriageBench(), null, 2));
}
