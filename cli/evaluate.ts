import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import type { CitationResolver } from '../knowledge/citation.js';
import { openKnowledge } from '../knowledge/index.js';
import { dataDir } from '../knowledge/paths.js';
import { evaluate } from '../rules/evaluate.js';
import { FactsError, parseProfile } from '../rules/facts/validate.js';
import { isIsoDate, today, type IsoDate } from '../rules/logic/dates.js';
import { renderHtmlReport } from '../rules/present/report-html.js';
import { renderReport } from '../rules/present/report.js';
import { toJson } from '../rules/present/to-json.js';
import { type CliIO, type Command, UsageError } from './io.js';
import { runJsonl } from './jsonl.js';

/** What the command takes from outside: where citations are resolved, and what day it is. */
export interface EvaluateDependencies {
  resolver(io: CliIO): CitationResolver;
  today(): IsoDate;
}

const defaults: EvaluateDependencies = {
  resolver: (io) => openKnowledge({ dataDir: dataDir(io.env, io.cwd) }).resolve,
  today: () => today(),
};

async function readProfileText(source: string, io: CliIO): Promise<string> {
  if (source === '-') return io.readStdin();
  try {
    return await readFile(resolvePath(io.cwd, source), 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${source}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${source === '-' ? 'standard input' : source} is not valid JSON`);
  }
}

/**
 * `tongce evaluate <profile.json | -> [--json | --html] [--as-of YYYY-MM-DD]` and `tongce evaluate --jsonl` (contracts.md):
 * judges every programme on a facts profile. Invalid facts are a usage error naming each bad key.
 */
export function createEvaluateCommand(deps: Partial<EvaluateDependencies> = {}): Command {
  const { resolver, today: todayOf } = { ...defaults, ...deps };
  return async (argv, io) => {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, html: { type: 'boolean' }, 'as-of': { type: 'string' } },
      allowPositionals: true,
    });
    const asOf = values['as-of'];
    if (asOf !== undefined && !isIsoDate(asOf)) throw new UsageError(`--as-of: expected a date as YYYY-MM-DD, got “${asOf}”`);
    if (values.html && (values.json || values.jsonl)) throw new UsageError('evaluate: --html prints one report; it does not go with --json or --jsonl');
    const dates = { asOf, today: todayOf() };

    if (values.jsonl) {
      const resolve = resolver(io);
      return runJsonl(io, (item) => {
        const profile = parseProfile(item, dates);
        return toJson(evaluate(profile.facts, profile.asOf), resolve);
      });
    }
    const [source, ...extra] = positionals;
    if (source === undefined) throw new UsageError('evaluate: give a profile file, or - to read it from standard input');
    if (extra.length) throw new UsageError(`evaluate: one profile at a time (got ${positionals.length}); use --jsonl for many`);
    let profile;
    try {
      profile = parseProfile(parseJson(await readProfileText(source, io), source), dates);
    } catch (e) {
      if (e instanceof FactsError) throw new UsageError(`invalid facts: ${e.message}`);
      throw e;
    }
    const result = toJson(evaluate(profile.facts, profile.asOf), resolver(io));
    if (values.html) io.out(renderHtmlReport({ evaluation: result, facts: profile.facts, generatedOn: dates.today }));
    else io.out(values.json ? `${JSON.stringify(result)}\n` : renderReport(result));
    return 0;
  };
}

export const evaluateCommand: Command = createEvaluateCommand();
