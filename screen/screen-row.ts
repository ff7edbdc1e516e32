import { evaluate } from '../rules/evaluate.js';
import { FactsError, parseProfile } from '../rules/facts/validate.js';
import type { IsoDate } from '../rules/logic/dates.js';
import { REGISTRY, type ProgrammeRegistry } from '../rules/programmes/index.js';
import type { FactColumn } from './columns/header.js';
import { type CellReader, readerFor } from './columns/values.js';
import type { Cell, SheetRow } from './input/sheet.js';
import { candidateOf } from './near/candidate.js';
import { programmeGaps } from './near/gaps.js';
import { indicatorsOf } from './near/indicators.js';
import { treeOf } from './near/tree.js';
import type { CellProblem, ScreenedRow } from './result.js';

/** What screening one row needs besides the row: plain data, so worker threads can be given it. */
export interface RowPlan {
  columns: FactColumn[];
  asOf: IsoDate;
}

/** An undetermined programme's facts still needed, shown per row (the full list is the dialog's business). */
const MISSING_SHOWN = 5;
const VALUE_SHOWN = 100;

function shown(cell: Cell): string | null {
  if (cell === null) return null;
  const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  return text.length > VALUE_SHOWN ? `${text.slice(0, VALUE_SHOWN)}…` : text;
}

interface ColumnReader {
  column: FactColumn;
  read: CellReader;
}

/** Reads a row's cells into a facts profile; every cell that cannot be read is a problem, never a guess. */
function factsOf(row: SheetRow, readers: readonly ColumnReader[]): { facts: Record<string, unknown>; problems: CellProblem[] } {
  const facts: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  for (const { column, read } of readers) {
    const cell = row.cells[column.index] ?? null;
    const reading = read(cell);
    if (reading.kind === 'unknown') continue;
    if (reading.kind === 'problem') {
      problems.push({ column: column.header, fact: column.path, value: shown(cell), message: reading.problem });
      continue;
    }
    if (column.year === null) facts[column.key] = reading.value;
    else ((facts[column.key] ??= {}) as Record<string, unknown>)[column.year] = reading.value;
  }
  return { facts, problems };
}

/** A validation issue names fact keys ("scienceStaff, employees"); the report names the columns they came from. */
function issueProblems(error: FactsError, row: SheetRow, columns: readonly FactColumn[]): CellProblem[] {
  return error.issues.map((issue) => {
    const keys = issue.key.split(', ');
    const from = columns.filter((c) => keys.some((k) => c.path === k || c.key === k));
    const single = from.length === 1 ? from[0]! : null;
    return {
      column: from.length ? from.map((c) => c.header).join('、') : null,
      fact: issue.key,
      value: single ? shown(row.cells[single.index] ?? null) : null,
      message: issue.message,
    };
  });
}

/**
 * A screener for the rows of one file: reads an enterprise's cells, validates them as a facts profile and judges
 * every programme. A row that cannot be read or validated comes back with every problem found, not judged.
 */
export function rowScreener(plan: RowPlan, programmes: ProgrammeRegistry = REGISTRY): (row: SheetRow) => ScreenedRow {
  const readers = plan.columns.map((column) => ({ column, read: readerFor(column) }));
  const nameColumn = plan.columns.find((c) => c.key === 'name');
  return (row) => {
    const nameCell = nameColumn ? row.cells[nameColumn.index] : null;
    const name = nameCell === null || nameCell === undefined || String(nameCell).trim() === '' ? null : shown(nameCell)!.trim();
    const { facts, problems } = factsOf(row, readers);
    if (problems.length) return { row: row.number, name, status: 'invalid', problems };
    let profile;
    try {
      profile = parseProfile(facts, { asOf: plan.asOf, today: plan.asOf });
    } catch (e) {
      if (e instanceof FactsError) return { row: row.number, name, status: 'invalid', problems: issueProblems(e, row, plan.columns) };
      throw e;
    }
    const ctx = { facts: profile.facts, asOf: profile.asOf };
    const evaluation = evaluate(profile.facts, profile.asOf, programmes);
    return {
      row: row.number,
      name,
      status: 'screened',
      programmes: evaluation.programmes.map((p) => {
        const tree = p.outcome === 'eligible' ? null : treeOf(p);
        const gaps = tree ? programmeGaps(p, tree) : [];
        return {
          id: p.id,
          outcome: p.outcome,
          score: p.score && { min: p.score.points.min, max: p.score.points.max, pass: p.score.pass },
          gaps,
          missingFacts: p.outcome === 'undetermined' ? p.missingFacts.slice(0, MISSING_SHOWN) : [],
          candidate: tree ? candidateOf(p, tree, ctx, gaps) : null,
          assessment: p.assessment && { estimate: p.assessment.estimate, basis: p.assessment.basis },
          expertDecides: p.expertDecides.map((x) => x.label),
        };
      }),
      indicators: indicatorsOf(profile.facts, profile.asOf),
      warnings: evaluation.warnings.map((w) => ({ column: plan.columns.find((c) => c.key === w.fact)?.header ?? null, fact: w.fact, message: w.message })),
    };
  };
}
