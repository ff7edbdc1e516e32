import { parseArgs } from 'node:util';
import { openKnowledge } from '../knowledge/index.js';
import { dataDir } from '../knowledge/paths.js';
import { type Command, UsageError } from './io.js';
import { runJsonl } from './jsonl.js';

function parseK(value: string | undefined): number {
  if (value === undefined) return 3;
  const k = Number(value);
  if (!Number.isInteger(k) || k < 1 || k > 20) throw new UsageError(`--k: expected a whole number from 1 to 20, got “${value}”`);
  return k;
}

/** `tongce ask "<question>" [--json] [--k N]` and `tongce ask --jsonl` (contracts.md). */
export const askCommand: Command = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, k: { type: 'string' } },
    allowPositionals: true,
  });
  const k = parseK(values.k);
  const knowledge = openKnowledge({ dataDir: dataDir(io.env, io.cwd) });
  const log = (m: string) => io.err(m + '\n');
  if (values.jsonl) {
    return runJsonl(io, (item) => {
      const q = typeof item === 'string' ? item : (item as { q?: unknown } | null)?.q;
      if (typeof q !== 'string') throw new Error('expected a question string or {"q": "…"}');
      return knowledge.ask(q, { k, log });
    });
  }
  if (positionals.length === 0) throw new UsageError('ask: give a question, e.g. tongce ask "高企认定对研发费用有什么要求"');
  const result = knowledge.ask(positionals.join(' '), { k, log });
  io.out(values.json ? JSON.stringify(result) + '\n' : result.answer + '\n');
  return 0;
};
