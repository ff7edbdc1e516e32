import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../knowledge/catalog.js';
import { sourcesDir } from '../../knowledge/paths.js';
import { comparable } from '../../knowledge/text/normalize.js';
import { evaluate } from '../../rules/evaluate.js';
import { EvaluationJson } from '../../rules/present/evaluation-json.js';
import { toJson } from '../../rules/present/to-json.js';
import { testKnowledge } from '../helpers/knowledge.js';
import { ALL_REFS } from './support/citation-refs.js';
import { AS_OF, profiles } from './support/profiles.js';

const knowledge = testKnowledge();
const catalog = new Map(loadCatalog().map((d) => [d.id, d]));

/** The lines of a document's source file, in the comparable form (NFKC, no white space). */
function sourceLines(doc: string): string[] {
  const meta = catalog.get(doc);
  if (!meta) throw new Error(`no catalog entry ${doc}`);
  return readFileSync(join(sourcesDir(), meta.file), 'utf8').split('\n').map(comparable);
}

describe('the clauses the rules cite', () => {
  it('are many, and each is named once', () => {
    expect(ALL_REFS.length).toBeGreaterThan(100);
    expect(new Set(ALL_REFS.map((r) => `${r.doc} ${r.quote}`)).size).toBe(ALL_REFS.length);
  });

  it.each(ALL_REFS.map((r) => [r.doc, r.quote] as const))('%s “%s” is verbatim within one line of its source', (doc, quote) => {
    expect(quote).not.toMatch(/\*\*|\[bookmark/);
    expect(sourceLines(doc).some((line) => line.includes(comparable(quote)))).toBe(true);
  });

  it('every citation resolves to a stored clause', () => {
    for (const ref of ALL_REFS) expect(() => knowledge.resolve(ref), `${ref.doc}: ${ref.quote}`).not.toThrow();
  });

  it('news-report figures come from the report, labelled as such', () => {
    const reported = ALL_REFS.filter((r) => r.doc === 'nantong-kejiju-report');
    expect(reported.length).toBeGreaterThan(0);
    for (const r of reported) expect(knowledge.resolve(r).sourceKind).toBe('report');
  });
});

describe('a presented evaluation', () => {
  it('fits the contract shape and every citation in it resolves (random profiles)', () => {
    fc.assert(
      fc.property(profiles, (facts) => {
        const json = toJson(evaluate(facts, AS_OF), knowledge.resolve);
        EvaluationJson.parse(json);
        for (const b of json.benefits) {
          for (const c of b.citations) {
            expect(c.sourceKind).toBe(b.sourceKind);
            expect(b.jurisdiction.startsWith(c.jurisdiction)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
