/**
 * A spreadsheet as the screening reads it: rows of cells in file order, whatever the format. Cells keep the type
 * the file gave them (an xlsx date stays a Date, a number stays a number) so each column's parser can read them
 * in its own unit; CSV cells are all text.
 */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** the row number a person sees in the spreadsheet (the header row of a template is row 1) */
  number: number;
  cells: Cell[];
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  /** how CSV text was decoded: utf-8, gb18030 (GBK and its superset) or utf-16 */
  encoding: string | null;
  rows: AsyncIterable<SheetRow>;
  /** how far through the input the reader is, for a progress bar */
  progress(): { bytesRead: number; totalBytes: number | null };
}

/** The file cannot be screened at all (wrong format, no header row, unreadable); rows never cause this. */
export class SheetError extends Error {
  override name = 'SheetError';
}

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}
