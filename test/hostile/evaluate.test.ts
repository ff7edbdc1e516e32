import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateOutcome, judgeCommand } from '../../bench/hostile.js';
import { brokenBody, hostileProfile, hostileText } from '../../bench/lib/hostile-inputs.js';
import { runCli } from '../helpers/cli.js';
import { EvaluateJson, JsonlError } from './contracts.js';

describe('tongce evaluate on hostile profiles', () => {
  it('prints valid evaluate JSON or refuses the profile with a one-line reason', async () => {
    await fc.assert(
      fc.asyncProperty(hostileProfile, async (profile) => {
        expect(await evaluateOutcome(JSON.stringify(profile) ?? '')).toBeNull();
      }),
      // found by this property: a figure for the year 0000 once left no set of assessment years (a crash)
      { numRuns: 200, examples: [[{ rdExpenseByYear: { '0000': 0 } }]] },
    );
  });

  it('refuses standard input that is not JSON, and a hostile --as-of', async () => {
    await fc.assert(
      fc.asyncProperty(brokenBody, hostileText, async (raw, asOf) => {
        expect(await evaluateOutcome(raw.toString())).toBeNull();
        expect(await evaluateOutcome('{"employees": 60}', ['-', '--json', '--as-of', asOf])).toBeNull();
      }),
      { numRuns: 30 },
    );
  });

  it('--jsonl answers every line, a valid document or {error, line}', async () => {
    const profiles = fc.sample(hostileProfile, 60).map((p) => JSON.stringify(p) ?? '');
    const r = await runCli(['evaluate', '--jsonl'], profiles.join('\n'));
    const out = r.out.split('\n').filter(Boolean);
    expect(out).toHaveLength(profiles.filter((l) => l.trim() !== '').length);
    for (const line of out) {
      const doc: unknown = JSON.parse(line);
      expect(EvaluateJson.safeParse(doc).success || JsonlError.safeParse(doc).success, line.slice(0, 200)).toBe(true);
    }
  });

  // without it, a CLI that refused every profile in one line would pass the properties above
  it('evaluates a sound profile', async () => {
    const r = await runCli(['evaluate', '-', '--json'], '{"employees": 60, "scienceStaff": 16}');
    expect(judgeCommand(r, EvaluateJson)).toBeNull();
    expect(r.code).toBe(0);
  });
});
