import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.js';
import { parseProfile } from '../../rules/facts/validate.js';

/** ../shared/eval/public/profiles.jsonl, copied: the public sample the project is held to. */
const samples = readFileSync(new URL('./fixtures/public-profiles.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { name: string; facts: unknown; expect: Record<string, string> });

describe('public evaluation samples', () => {
  it.each(samples)('$name', ({ facts, expect: wanted }) => {
    const profile = parseProfile(facts, { today: '2026-11-22' });
    const evaluation = evaluate(profile.facts, profile.asOf);
    for (const [id, outcome] of Object.entries(wanted)) {
      expect(evaluation.programmes.find((p) => p.id === id)?.outcome, id).toBe(outcome);
    }
  });
});
