import { describe, expect, it } from 'vitest';
import { isExpected, readTriageGold, TRIAGE_FRESH, type TriageGold } from '../../bench/lib/triage-gold.js';
import { DepartmentDirectory } from '../../knowledge/triage/directory.js';
import { triage } from '../../knowledge/triage/triage.js';
import { testKnowledge } from '../helpers/knowledge.js';

const knowledge = testKnowledge();
const directory = DepartmentDirectory.of(knowledge.store);

function measure(gold: TriageGold[]) {
  const outcomes = gold.map((g) => {
    const r = triage(knowledge, g.q, { jurisdiction: g.jurisdiction });
    const hits = r.departments.map((d) => isExpected(directory, g, d));
    return { outOfScope: 'outOfScope' in g, handoff: r.handoff, top1: hits[0] === true, top3: hits.some(Boolean) };
  });
  const inScope = outcomes.filter((o) => !o.outOfScope);
  const outOfScope = outcomes.filter((o) => o.outOfScope);
  return {
    top1: inScope.filter((o) => o.top1).length / inScope.length,
    top3: inScope.filter((o) => o.top3).length / inScope.length,
    handoffOutOfScope: outOfScope.filter((o) => o.handoff).length / outOfScope.length,
    confidentWrong: outcomes.filter((o) => !o.handoff && !o.top3).length / outcomes.length,
  };
}

// Floors a little under the measured numbers (bench/triage.ts), so a regression fails.
describe('triage gold sets', () => {
  it('bench/gold/triage.jsonl: at least 60 in-scope and 15 out-of-scope questions', () => {
    const gold = readTriageGold();
    expect(gold.filter((g) => !('outOfScope' in g)).length).toBeGreaterThanOrEqual(60);
    expect(gold.filter((g) => 'outOfScope' in g).length).toBeGreaterThanOrEqual(15);
    for (const j of ['海门区', '启东市', '通州区', '南通市']) {
      expect(gold.some((g) => g.jurisdiction === j || g.q.includes(j.slice(0, 2)))).toBe(true);
    }
  });

  it('routes the gold set', () => {
    const m = measure(readTriageGold());
    expect(m.top3).toBeGreaterThanOrEqual(0.95);
    expect(m.top1).toBeGreaterThanOrEqual(0.93);
    expect(m.handoffOutOfScope).toBeGreaterThanOrEqual(0.95);
    expect(m.confidentWrong).toBeLessThanOrEqual(0.02);
  });

  it('routes the fresh set it was never tuned on', () => {
    const m = measure(readTriageGold(TRIAGE_FRESH));
    expect(m.top3).toBeGreaterThanOrEqual(0.94);
    expect(m.top1).toBeGreaterThanOrEqual(0.9);
    expect(m.handoffOutOfScope).toBeGreaterThanOrEqual(0.93);
    expect(m.confidentWrong).toBeLessThanOrEqual(0.04);
  });
});
