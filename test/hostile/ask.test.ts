import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeCommand } from '../../bench/hostile.js';
import { hostileText } from '../../bench/lib/hostile-inputs.js';
import { runCli } from '../helpers/cli.js';
import { testKnowledge } from '../helpers/knowledge.js';
import { AskJson, JsonlError, TriageJson } from './contracts.js';

const knowledge = testKnowledge();

describe('hostile questions', () => {
  it('knowledge.ask answers anything in the ask shape, without throwing', () => {
    fc.assert(
      fc.property(hostileText, (q) => {
        const r = AskJson.safeParse(knowledge.ask(q));
        expect(r.success, r.error?.message).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('tongce ask --json and tongce triage --json print one contract document or exit non-zero with a one-line reason', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.boolean(), async (q, asTriage) => {
        const result = asTriage ? await runCli(['triage', '--json', q]) : await runCli(['ask', '--json', q]);
        expect(judgeCommand(result, asTriage ? TriageJson : AskJson)).toBeNull();
      }),
      { numRuns: 80 },
    );
  });

  it('tongce triage refuses a hostile --jurisdiction in one line', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (j) => {
        expect(judgeCommand(await runCli(['triage', '--json', '--jurisdiction', j, '高企认定找哪个部门']), TriageJson)).toBeNull();
      }),
      { numRuns: 30 },
    );
  });

  it('tongce ask --jsonl writes one valid line per input line, whatever the lines hold', async () => {
    const lines = fc.sample(fc.oneof(hostileText.map((q) => JSON.stringify(q)), hostileText.map((q) => JSON.stringify({ q })), hostileText.map((q) => q.replace(/[\r\n\u2028\u2029\u0085]/gu, ' '))), 60);
    const r = await runCli(['ask', '--jsonl'], lines.join('\n'));
    const out = r.out.split('\n').filter(Boolean);
    expect(r.code).toBe(0);
    expect(out).toHaveLength(lines.filter((l) => l.trim() !== '').length);
    for (const line of out) {
      const doc: unknown = JSON.parse(line);
      expect(AskJson.safeParse(doc).success || JsonlError.safeParse(doc).success, line.slice(0, 200)).toBe(true);
    }
  });
});
