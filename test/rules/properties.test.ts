import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gapList } from '../../rules/engine/complete-gaps.js';
import { evaluate } from '../../rules/evaluate.js';
import { AS_OF, nestedProfiles, profiles } from './support/profiles.js';

const sparseProfiles = nestedProfiles.map((p) => p.fewer);
import { canMatter } from './support/witness.js';

describe('three-valued judging', () => {
  it('a decided outcome, a decided condition and a score interval only hold or narrow as facts are added', () => {
    fc.assert(
      fc.property(nestedProfiles, ({ fewer, more }) => {
        const before = evaluate(fewer, AS_OF);
        const after = evaluate(more, AS_OF);
        before.programmes.forEach((p, i) => {
          const q = after.programmes[i]!;
          if (p.outcome !== 'undetermined') expect(q.outcome, p.id).toBe(p.outcome);
          p.conditions.forEach((c, j) => {
            if (c.status !== 'unknown') expect(q.conditions[j]!.status, c.id).toBe(c.status);
          });
          if (p.score && q.score) {
            expect(q.score.points.min).toBeGreaterThanOrEqual(p.score.points.min);
            expect(q.score.points.max).toBeLessThanOrEqual(p.score.points.max);
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it('undetermined always comes with facts to ask, unless only the expert’s scoring within bands is left', () => {
    fc.assert(
      fc.property(profiles, (facts) => {
        for (const p of evaluate(facts, AS_OF).programmes) {
          if (p.outcome !== 'undetermined') {
            expect(p.missingFacts, p.id).toEqual([]);
            continue;
          }
          if (p.missingFacts.length > 0) continue;
          const open = p.conditions.filter((c) => c.relevant);
          expect(open.map((c) => c.id)).toEqual(['hnte-7-innovation-score']);
          expect(open[0]!.detail).toContain('评审专家');
        }
      }),
      { numRuns: 400 },
    );
  });

  // Sparse profiles leave most programmes open, so most facts are listed. The witness is found by a bounded
  // search over probe values, so this property runs on a fixed seed: a miss must be reproducible to be judged.
  it('every missing fact listed can change an outcome or narrow a score', () => {
    fc.assert(
      fc.property(sparseProfiles, (facts) => {
        for (const p of evaluate(facts, AS_OF).programmes) {
          for (const fact of p.missingFacts) expect(canMatter(facts, p.id, fact), `${p.id}: ${fact}`).toBe(true);
        }
      }),
      { numRuns: 80, seed: 23 },
    );
  });

  it('the overall list ranks the facts that settle the most open conditions first', () => {
    fc.assert(
      fc.property(profiles, (facts) => {
        const e = evaluate(facts, AS_OF);
        const weight = (f: string) => e.programmes.reduce((n, p) => n + (p.openFacts.get(f as never) ?? 0), 0);
        const weights = e.missingFacts.map(weight);
        expect(weights).toEqual([...weights].sort((a, b) => b - a));
        expect(new Set(e.missingFacts)).toEqual(new Set(e.programmes.flatMap((p) => p.missingFacts)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('complete gaps of a ruled-out programme', () => {
  it('lists every unmet condition the text requires outright, and asks only what its open conditions lack', () => {
    fc.assert(
      fc.property(profiles, (facts) => {
        for (const p of evaluate(facts, AS_OF).programmes) {
          if (p.outcome !== 'ineligible') {
            expect(p.uncheckedFacts, p.id).toEqual([]);
            continue;
          }
          const listed = new Set(gapList(p).map((c) => c.id));
          expect(listed.size, p.id).toBeGreaterThan(0);
          const required = typeof p.shape === 'object' && 'all' in p.shape ? p.shape.all.filter((s) => typeof s === 'string') : [];
          for (const id of required) if (p.conditions[p.positions.get(id)!]!.status === 'unmet') expect(listed.has(id), `${p.id}: ${id}`).toBe(true);
          const lacking = new Set(p.conditions.flatMap((c) => (c.status === 'unknown' ? c.open : [])));
          for (const f of p.uncheckedFacts) expect(lacking.has(f), `${p.id}: ${f}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
