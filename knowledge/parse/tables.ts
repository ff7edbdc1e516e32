import { markerOf } from './lines.js';

/** A table as the web copies lay it out, turned back into rows of cells. */
export interface RawTable {
  header: string[];
  /** each row's own cells, aligned to the header; '' where the copy left a cell empty */
  rows: Array<{ cells: string[]; inherited: boolean[]; group: string | null; line?: string }>;
  /** index of the first line after the table */
  end: number;
}

const isBlank = (l: string) => l.trim() === '';
// a row separator is an empty line; a line holding only a tab is an empty cell
const isSeparator = (l: string) => isBlank(l) && !l.startsWith('\t');

/**
 * "Cell per line" tables: each cell is a line starting with a tab, rows are separated by blank lines, a line
 * without the leading tab continues the cell above (a wrapped cell), a one-cell row is a group label
 * (一季度), and a header repeated after a page break is dropped.
 */
export function readCellPerLineTable(lines: string[], start: number): RawTable {
  const blocks: string[][] = [];
  let i = start;
  let current: string[] | null = null;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (isSeparator(line)) {
      current = null;
      // a blank line ends the table unless the next non-blank line is another tab-led cell
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j]!)) j++;
      if (j >= lines.length || !lines[j]!.startsWith('\t')) { i = j; break; }
      continue;
    }
    if (line.startsWith('\t')) {
      if (current === null) { current = []; blocks.push(current); }
      current.push(line.slice(1).trim());
    } else if (current && current.length > 0 && !markerOf(line.trim(), false)) {
      current[current.length - 1] += '\n' + line.trim();
    } else break;
  }
  const [header = [], ...body] = blocks;
  const headerKey = header.join('|');
  const rows: RawTable['rows'] = [];
  let group: string | null = null;
  for (const cells of body) {
    if (cells.join('|') === headerKey) continue;
    if (cells.length === 1) { group = cells[0]!; continue; }
    // a sub-header under the header (empty leading cells, then column sub-titles): fold into header names
    if (rows.length === 0 && cells[0] === '') {
      cells.forEach((c, k) => { if (c && k < header.length) header[k] = `${header[k]} ${c}`; });
      continue;
    }
    rows.push({ cells, inherited: cells.map(() => false), group });
  }
  return { header, rows, end: i };
}

/**
 * "Row per line" tables: cells separated by tabs, empty leading cells standing for merged cells of the row
 * above, separator lines of dashes, and rows that carry a stray extra empty cell from the export.
 */
export function readTabRowTable(lines: string[], start: number): RawTable {
  const header = lines[start]!.split('\t').map((c) => c.trim());
  const width = header.length;
  const rows: RawTable['rows'] = [];
  let previous: string[] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    if (!line.includes('\t')) break;
    if (/^[\s\-–—\t]+$/u.test(line)) continue;
    let cells = line.split('\t').map((c) => c.trim());
    while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
    // a stray empty cell after the merged-cell columns pushes the rest right: drop it
    for (let k = 2; cells.length > width && k < cells.length; ) {
      if (cells[k] === '') cells.splice(k, 1);
      else k++;
    }
    while (cells.length < width) cells.push('');
    const inherited = cells.map(() => false);
    // leading empty cells are merged cells: they carry the value of the row above
    for (let k = 0; k < cells.length && cells[k] === '' && k < width - 1; k++) {
      if (previous[k]) { cells[k] = previous[k]!; inherited[k] = true; }
    }
    rows.push({ cells, inherited, group: null });
    previous = cells;
  }
  return { header, rows, end: i };
}

/**
 * Markdown pipe rows ("知识产权 | ≤30 |"); the line before the block titles it. Each row keeps its line as written,
 * which is what a citation of it quotes: the cells joined by tabs are not the source's words.
 */
export function readPipeTable(lines: string[], start: number): RawTable {
  const rows: RawTable['rows'] = [];
  let i = start;
  for (; i < lines.length && lines[i]!.includes('|'); i++) {
    const t = lines[i]!.trim();
    if (/^\|?[\s\-:|]+\|?$/u.test(t)) continue;
    const cells = t.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
    rows.push({ cells, inherited: cells.map(() => false), group: null, line: t });
  }
  return { header: [], rows, end: i };
}
