import type { Writable } from 'node:stream';
import type { Summary } from '../result.js';
import type { Screening } from '../screening.js';
import { TextSink } from './sink.js';

/**
 * Writes `tongce screen --json`: one JSON document (ScreeningJson), streamed — the head, then every enterprise as
 * it is screened, then the summary — so its size is bounded by nothing but the disk.
 */
export async function writeJsonReport(screening: Screening, out: Writable): Promise<Summary> {
  const sink = new TextSink(out);
  const head = JSON.stringify(screening.head);
  await sink.write(`${head.slice(0, -1)},"enterprises":[`);
  let first = true;
  for await (const row of screening.rows) {
    await sink.write((first ? '\n' : ',\n') + JSON.stringify(row));
    first = false;
  }
  const summary = screening.summary();
  await sink.write(`\n],"summary":${JSON.stringify(summary)}}\n`);
  await sink.flush();
  return summary;
}
