import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type Cell, SheetError, type SheetRow } from './sheet.js';

function isPercentFormat(numFmt: string | undefined): boolean {
  return !!numFmt && numFmt.replace(/"[^"]*"/g, '').includes('%');
}

/** A number a person sees as a percentage (0.125 shown as 12.5%) keeps that reading: "12.5%". */
function asShown(value: number, numFmt: string | undefined): Cell {
  return isPercentFormat(numFmt) ? `${Number((value * 100).toPrecision(12))}%` : value;
}

/** What a cell holds, as a person reading the sheet would take it: formulas by their result, rich text as text. */
function cellOf(cell: ExcelJS.Cell): Cell {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return asShown(v, cell.numFmt);
  if (typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return String(v.error);
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'number') return asShown(result, cell.numFmt);
    if (typeof result === 'object' && !(result instanceof Date)) return String(result.error);
    return result;
  }
  if ('text' in v) return typeof v.text === 'string' ? v.text : null;
  return null;
}

/**
 * Watches the unzip stream exceljs pipes `input` into. exceljs reports an unzip error (a damaged deflate block,
 * say) only once it is done with the current zip entry — which, the entry being broken, never comes: the read
 * would hang. `guard` makes a wait on exceljs fail as soon as such an error is raised. (Racing every wait against
 * one long-lived promise instead would leave a reaction, and the row it resolved with, on that promise per row.)
 */
class UnzipWatch {
  private failure: Error | null = null;
  private wake: ((e: Error) => void) | null = null;

  constructor(input: Readable) {
    const pipe = input.pipe.bind(input);
    input.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
      (destination as unknown as Readable).once('error', (e: Error) => {
        this.failure ??= e;
        this.wake?.(e);
      });
      return pipe(destination, options);
    };
  }

  guard<T>(waiting: Promise<T>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.wake = reject;
      waiting.then(
        (value) => ((this.wake = null), resolve(value)),
        (e: unknown) => ((this.wake = null), reject(e)),
      );
    });
  }
}

/**
 * The rows of the workbook's first worksheet, read as a stream (exceljs' WorkbookReader): a large workbook is
 * never held in memory. Styles are read so that dates and percentages keep the meaning their format gives them.
 */
export async function* xlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  const watch = new UnzipWatch(input);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  const first = await watch.guard(sheets.next());
  if (first.done) throw new SheetError('工作簿中没有工作表 / the workbook has no worksheet');
  const rows = first.value[Symbol.asyncIterator]();
  for (let next = await watch.guard(rows.next()); !next.done; next = await watch.guard(rows.next())) {
    const cells: Cell[] = [];
    next.value.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellOf(cell);
    });
    // eachCell leaves holes for empty cells
    yield { number: next.value.number, cells: Array.from(cells, (c) => c ?? null) };
  }
}
