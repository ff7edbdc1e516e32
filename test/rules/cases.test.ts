import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.js';
import { parseProfile } from '../../rules/facts/validate.js';
import { loadCaseFiles, profileOf } from './support/cases.js';

const files = loadCaseFiles();

describe.each(files)('$file', ({ cases: file }) => {
  it('has at least 25 cases', () => expect(file.cases.length).toBeGreaterThanOrEqual(25));

  it.each(file.cases)('$name', (c) => {
    const asOf = c.asOf ?? file.asOf;
    const profile = parseProfile(profileOf(file, c), { asOf, today: asOf });
    const programme = evaluate(profile.facts, profile.asOf).programmes.find((p) => p.id === file.programme)!;
    const { outcome, conditions, score, missingFacts, gap } = c.expect;
    const status = (id: string) => {
      const found = programme.conditions.find((x) => x.id === id);
      if (!found) throw new Error(`no condition ${id} in ${file.programme}`);
      return found;
    };
    if (outcome) expect(programme.outcome, 'outcome').toBe(outcome);
    for (const [id, want] of Object.entries(conditions ?? {})) expect(status(id).status, `${id}: ${status(id).detail}`).toBe(want);
    if (score) expect([programme.score?.points.min, programme.score?.points.max], 'score').toEqual(score);
    if (missingFacts) {
      if (missingFacts.length === 0) expect(programme.missingFacts, 'missingFacts').toEqual([]);
      else expect(programme.missingFacts.slice(0, missingFacts.length), 'missingFacts head').toEqual(missingFacts);
    }
    for (const [id, text] of Object.entries(gap ?? {})) expect(status(id).gap ?? '', `${id} gap`).toContain(text);
  });
});
