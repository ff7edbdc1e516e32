import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Summary } from '../result.js';
import type { Screening } from '../screening.js';
import { writeCsvReport } from './csv.js';
import { writeHtmlReport } from './html.js';
import { writeJsonReport } from './json.js';

export type ReportFormat = 'html' | 'json' | 'csv';

export const REPORT_WRITERS: Record<ReportFormat, (screening: Screening, out: Writable) => Promise<Summary>> = {
  html: writeHtmlReport,
  json: writeJsonReport,
  csv: writeCsvReport,
};

/** The report cannot be written where it was asked for (no such folder, no permission). */
export class ReportFileError extends Error {
  override name = 'ReportFileError';
}

/**
 * Writes a report to a file that appears only once complete: a screening stopped half-way by a broken row
 * source leaves no half-written report behind (and no earlier report overwritten by one).
 */
export async function writeReportFile(screening: Screening, format: ReportFormat, path: string): Promise<Summary> {
  const partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  let file;
  try {
    file = await open(partial, 'w');
  } catch (e) {
    throw new ReportFileError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const stream = file.createWriteStream();
  // listening from the start: an error while the report is written (a full disk) must not go unheard
  const written = finished(stream);
  written.catch(() => {});
  try {
    const summary = await REPORT_WRITERS[format](screening, stream);
    stream.end();
    await written;
    await rename(partial, path);
    return summary;
  } catch (e) {
    stream.destroy();
    await rm(partial, { force: true });
    throw e;
  }
}
