import type { CliIO } from './io.js';

/**
 * The --jsonl batch protocol of contracts.md: one item per input line, one JSON document per output line, in
 * order; a bad line yields {"error": "…", "line": n} and the rest go on. Blank lines are skipped.
 */
export async function runJsonl(io: CliIO, handle: (item: unknown) => Promise<unknown> | unknown): Promise<number> {
  let n = 0;
  for await (const raw of io.stdinLines()) {
    n++;
    if (raw.trim() === '') continue;
    let item: unknown;
    try {
      item = JSON.parse(raw);
    } catch {
      io.out(JSON.stringify({ error: 'invalid JSON', line: n }) + '\n');
      continue;
    }
    try {
      io.out(JSON.stringify(await handle(item)) + '\n');
    } catch (e) {
      io.out(JSON.stringify({ error: e instanceof Error ? e.message : String(e), line: n }) + '\n');
    }
  }
  return 0;
}
