import type { CitationResolver } from '../knowledge/citation.js';
import type { IsoDate } from '../rules/logic/dates.js';
import { programmeBasis } from './basis.js';
import { planColumns, recognisedColumns, type ColumnPlan } from './columns/header.js';
import { openSheet, type SheetInput } from './input/open.js';
import { isBlank, type Sheet, SheetError, type SheetRow } from './input/sheet.js';
import { MARGIN_TEXT } from './near/margins.js';
import { type PoolOptions, screenRows } from './pool/pool.js';
import type { ScreenedRow, ScreeningHead, Summary } from './result.js';
import { SummaryBuilder } from './summary.js';

/** Rows above the header that may hold a sheet title or notes before the column names. */
const HEADER_SEARCH = 10;

export interface ScreeningOptions extends PoolOptions {
  asOf: IsoDate;
  resolve: CitationResolver;
  /** the file name as the report shows it */
  sourceName: string;
}

/** A screening under way: the head is known once the header row is read; rows stream; the summary comes last. */
export interface Screening {
  head: ScreeningHead;
  /** every non-blank row after the header, screened, in file order */
  rows: AsyncIterable<ScreenedRow>;
  /** complete once `rows` has been read to the end */
  summary(): Summary;
  progress(): { bytesRead: number; totalBytes: number | null; rows: number };
}

function isBlankRow(row: SheetRow): boolean {
  return row.cells.every(isBlank);
}

async function findHeader(rows: AsyncIterator<SheetRow>): Promise<{ header: SheetRow; skipped: SheetRow[] }> {
  const skipped: SheetRow[] = [];
  for (let seen = 0; seen < HEADER_SEARCH; ) {
    const next = await rows.next();
    if (next.done) break;
    if (isBlankRow(next.value)) continue;
    seen++;
    if (recognisedColumns(next.value) >= 2) return { header: next.value, skipped };
    skipped.push(next.value);
  }
  throw new SheetError(
    skipped.length === 0
      ? '文件中没有数据 / the file holds no rows'
      : `前 ${HEADER_SEARCH} 行中找不到表头（至少两个模板列名，如“企业名称”“职工总数”，见 screen/TEMPLATE.md） / no header row naming at least two template columns`,
  );
}

const columnLetter = (index: number): string =>
  (index >= 26 ? columnLetter(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

/**
 * Opens a spreadsheet for screening: finds the header row (a title row above it is allowed), maps the columns,
 * and sets up the rows to stream through the rules. Throws SheetError when the file cannot be screened at all.
 */
export async function openScreening(input: SheetInput, options: ScreeningOptions): Promise<Screening> {
  const sheet: Sheet = await openSheet(input);
  const iterator = sheet.rows[Symbol.asyncIterator]();
  let header: SheetRow;
  let skipped: SheetRow[];
  let plan: ColumnPlan;
  try {
    ({ header, skipped } = await findHeader(iterator));
    plan = planColumns(header);
  } catch (e) {
    await iterator.return?.();
    throw e;
  }
  const basis = programmeBasis(options.asOf, options.resolve, options.programmes);
  const summary = new SummaryBuilder(basis);
  const head: ScreeningHead = {
    asOf: options.asOf,
    headerRow: plan.headerRow,
    columns: plan.columns.map((c) => ({ header: c.header, fact: c.path, moneyScale: c.moneyScale })),
    ignoredColumns: plan.ignored,
    notes: [...skipped.map((r) => `第 ${r.number} 行在表头之前，未作为企业读取 / row ${r.number} is above the header row and was not read`), ...plan.notes],
    margins: [...MARGIN_TEXT],
    programmes: basis,
  };
  const headed = new Set(header.cells.flatMap((c, i) => (isBlank(c) ? [] : [i])));
  const unnamed = new Set<number>();
  let rowsRead = 0;

  async function* dataRows(): AsyncGenerator<SheetRow> {
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const row = next.value;
        rowsRead++;
        if (isBlankRow(row)) {
          summary.blank();
          continue;
        }
        row.cells.forEach((cell, i) => {
          if (!headed.has(i) && !isBlank(cell) && !unnamed.has(i)) {
            unnamed.add(i);
            summary.notes.push(`第 ${columnLetter(i)} 列没有列名，其中的数据未读取（首见于第 ${row.number} 行） / column ${columnLetter(i)} has data but no header`);
          }
        });
        yield row;
      }
    } finally {
      await iterator.return?.();
    }
  }

  async function* screened(): AsyncGenerator<ScreenedRow> {
    for await (const row of screenRows(dataRows(), { columns: plan.columns, asOf: options.asOf }, options)) {
      summary.add(row);
      yield row;
    }
  }

  return {
    head,
    rows: screened(),
    summary: () => summary.build({ name: options.sourceName, format: sheet.format, encoding: sheet.encoding }),
    progress: () => ({ ...sheet.progress(), rows: rowsRead }),
  };
}
