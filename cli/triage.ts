import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openKnowledge } from '../knowledge/index.js';
import { dataDir } from '../knowledge/paths.js';
import { KNOWN_JURISDICTIONS, normaliseJurisdiction } from '../knowledge/triage/jurisdictions.js';
import { renderTriage } from '../knowledge/triage/render.js';
import { triage } from '../knowledge/triage/triage.js';
import { type Command, UsageError } from './io.js';
import { runJsonl } from './jsonl.js';

const Jurisdiction = z
  .string()
  .trim()
  .refine((j) => normaliseJurisdiction(j) !== null, { message: `must be one of ${KNOWN_JURISDICTIONS.join('、')}` });

const Question = z.string().trim().min(1, 'empty question');
/** A --jsonl line: a question, or {"q": "…", "jurisdiction"?: "…"}. */
const BatchObject = z.object({ q: Question, jurisdiction: Jurisdiction.optional() });
const SHAPE = 'expected a question string or {"q": "…", "jurisdiction"?: "…"}';

function batchItem(raw: unknown): { q: string; jurisdiction?: string } {
  if (typeof raw === 'string') {
    const q = Question.safeParse(raw);
    if (!q.success) throw new Error(q.error.issues[0]!.message);
    return { q: q.data };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(SHAPE);
  const item = BatchObject.safeParse(raw);
  if (!item.success) {
    const issue = item.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || 'line'}: ${issue.message}`);
  }
  return item.data;
}

/** `tongce triage "<question>" [--jurisdiction 海门区] [--json]` and `tongce triage --jsonl` (contracts.md). */
export const triageCommand: Command = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, jurisdiction: { type: 'string' } },
    allowPositionals: true,
  });
  let jurisdiction: string | undefined;
  if (values.jurisdiction !== undefined) {
    const parsed = Jurisdiction.safeParse(values.jurisdiction);
    if (!parsed.success) throw new UsageError(`--jurisdiction: ${parsed.error.issues[0]!.message}, got “${values.jurisdiction}”`);
    jurisdiction = parsed.data;
  }
  const knowledge = openKnowledge({ dataDir: dataDir(io.env, io.cwd) });
  const log = (m: string) => io.err(m + '\n');

  if (values.jsonl) {
    if (positionals.length > 0) throw new UsageError('--jsonl reads questions from standard input; give no question argument');
    return runJsonl(io, (raw) => {
      const item = batchItem(raw);
      return triage(knowledge, item.q, { jurisdiction: item.jurisdiction ?? jurisdiction, log });
    });
  }
  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError('triage: give a question, e.g. tongce triage "研发费用辅助账找哪个部门" --jurisdiction 海门区');
  const result = triage(knowledge, question, { jurisdiction, log });
  io.out((values.json ? JSON.stringify(result) : renderTriage(result)) + '\n');
  return 0;
};
