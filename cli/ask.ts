import { parseArgs } from 'node:util';
import { llmAssistantFromEnv } from '../bot/llm/assistant.js';
import { dataDir } from '../knowledge/paths.js';
import { openLookupKnowledge } from './lookup-knowledge.js';
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
  const dir = dataDir(io.env, io.cwd);
  const knowledge = openLookupKnowledge({ dataDir: dir });
  const log = (m: string) => io.err(m + '\n');
  // with a model configured, the answer is worded from the clauses and checked; otherwise (or on any failure) extractive
  const llm = llmAssistantFromEnv({ knowledge, dataDir: dir }, io.env);
  const answer = (q: string) => (llm ? llm.ask(q, { k }) : Promise.resolve({ ...knowledge.ask(q, { k, log }), source: 'extractive' as const }));
  if (values.jsonl) {
    return runJsonl(io, (item) => {
      const q = typeof item === 'string' ? item : (item as { q?: unknown } | null)?.q;
      if (typeof q !== 'string') throw new Error('expected a question string or {"q": "…"}');
      return answer(q);
    });
  }
  if (positionals.length === 0) throw new UsageError('ask: give a question, e.g. tongce ask "高企认定对研发费用有什么要求"');
  const result = await answer(positionals.join(' '));
  io.out(values.json ? JSON.stringify(result) + '\n' : result.answer + '\n');
  return 0;
};
