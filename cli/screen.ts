import { basename, extname, resolve as resolvePath } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { CitationResolver } from '../knowledge/citation.js';
import { openKnowledge } from '../knowledge/index.js';
import { dataDir } from '../knowledge/paths.js';
import { isIsoDate, today, type IsoDate } from '../rules/logic/dates.js';
import { SheetError } from '../screen/input/sheet.js';
import { progressLine } from '../screen/progress.js';
import { textSummary } from '../screen/report/text.js';
import { REPORT_WRITERS, ReportFileError, type ReportFormat, writeReportFile } from '../screen/report/write.js';
import { openScreening, type Screening } from '../screen/screening.js';
import { type CliIO, type Command, UsageError } from './io.js';

/** What the command takes from outside: citations, the date, and whether standard error is a terminal. */
export interface ScreenDependencies {
  resolver(io: CliIO): CitationResolver;
  today(): IsoDate;
  /** a progress bar is drawn only for a person watching */
  showProgress(): boolean;
}

const defaults: ScreenDependencies = {
  resolver: (io) => openKnowledge({ dataDir: dataDir(io.env, io.cwd) }).resolve,
  today: () => today(),
  showProgress: () => process.stderr.isTTY === true,
};

/** Standard output as a stream, for --json / --csv without --out. */
function stdoutStream(io: CliIO): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      io.out(chunk);
      done();
    },
  });
}

function withProgress<T>(io: CliIO, screening: Screening, on: boolean, work: Promise<T>): Promise<T> {
  if (!on) return work;
  const started = Date.now();
  const draw = () => io.err(`\r${progressLine(screening.progress(), Date.now() - started)}`);
  const timer = setInterval(draw, 200);
  return work.finally(() => {
    clearInterval(timer);
    draw();
    io.err('\n');
  });
}

/**
 * `tongce screen <file.csv | file.xlsx> [--out report.html] [--json | --csv] [--as-of YYYY-MM-DD]`: batch
 * pre-diagnosis of a spreadsheet of enterprises (screen/TEMPLATE.md). Without --json / --csv it writes the HTML
 * report (to --out, or <file>.report.html) and prints a summary; --json / --csv print the export on standard
 * output unless --out is given. Rows with problems are reported and do not stop the rest; only a file that cannot
 * be screened at all exits non-zero.
 */
export function createScreenCommand(deps: Partial<ScreenDependencies> = {}): Command {
  const { resolver, today: todayOf, showProgress } = { ...defaults, ...deps };
  return async (argv, io) => {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { out: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, 'as-of': { type: 'string' } },
      allowPositionals: true,
    });
    const asOf = values['as-of'] ?? todayOf();
    if (!isIsoDate(asOf)) throw new UsageError(`--as-of: expected a date as YYYY-MM-DD, got “${asOf}”`);
    if (values.json && values.csv) throw new UsageError('--json and --csv: choose one');
    const [file, ...extra] = positionals;
    if (file === undefined) throw new UsageError('screen: give a .csv or .xlsx file of enterprises (see screen/TEMPLATE.md)');
    if (extra.length) throw new UsageError(`screen: one file at a time (got ${positionals.length})`);
    const format: ReportFormat = values.json ? 'json' : values.csv ? 'csv' : 'html';
    const path = resolvePath(io.cwd, file);
    const out = values.out !== undefined ? resolvePath(io.cwd, values.out) : format === 'html' ? resolvePath(io.cwd, `${basename(file, extname(file))}.report.html`) : null;

    try {
      const screening = await openScreening({ path }, { asOf, resolve: resolver(io), sourceName: basename(file) });
      const work = out ? writeReportFile(screening, format, out) : REPORT_WRITERS[format](screening, stdoutStream(io));
      const summary = await withProgress(io, screening, showProgress(), work);
      // with the export on standard output, the summary goes to standard error
      const say = out ? io.out : io.err;
      say(textSummary(summary, asOf));
      if (out) say(`报告：${out}\n`);
      return 0;
    } catch (e) {
      if (e instanceof SheetError) throw new UsageError(`${file}: ${e.message}`);
      if (e instanceof ReportFileError) throw new UsageError(e.message);
      throw e;
    }
  };
}

export const screenCommand: Command = createScreenCommand();
