import { nfkc } from '../text/normalize.js';
import { longestSharedRun } from '../text/shared-run.js';
import { sectorName, sectorsIn, withBroader } from './sectors.js';

/** One row of the 空间布局 table: a park and its 主攻方向, with the cell text as the source writes it. */
export interface ParkRow {
  region: string;
  park: string;
  directions: string;
  /** the row's text the citation quotes from: "南通高新区：第三代半导体、新型储能、人工智能", or "南通创新区\t集成电路（…）…" */
  cell: string;
}

/** A 主攻方向 as the table lists it: the words before the bracket, and the narrower terms inside it. */
export interface Direction {
  /** verbatim: 生物医药（新型大分子抗体药物、…、介入式器械等） */
  text: string;
  head: string;
  terms: string[];
}

export interface ParkFit<R extends ParkRow = ParkRow> {
  row: R;
  /** the directions that fit, as the table writes them */
  matched: Direction[];
  /** the sectors they share, by name */
  sectors: string[];
  /**
   * How exactly the row names what was asked: 3 a sector the question names, 2 a broader one it belongs to (an MCU
   * designer in 集成电路), 1 a narrower one (a question about 半导体 meeting 第三代半导体); half a point more when the
   * row names it in a direction's own words rather than in brackets.
   */
  specificity: number;
  /** the part of the row's cell that matched, verbatim: what a citation quotes */
  quote: string;
}

const OPEN = '（(';
const CLOSE = '）)';

/** The directions of a 主攻方向 cell: split on 、 outside brackets; inside, on 、，, and a trailing 等 dropped. */
export function directionsOf(directions: string): Direction[] {
  const out: Direction[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const text = directions.slice(start, end).trim();
    if (!text) return;
    const at = [...OPEN].map((o) => text.indexOf(o)).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? -1;
    const head = at >= 0 ? text.slice(0, at) : text;
    const inner = at >= 0 ? text.slice(at + 1).replace(/[）)]$/u, '') : '';
    const terms = inner.split(/[、，,]/u).map((t) => t.trim().replace(/等$/u, '')).filter(Boolean);
    out.push({ text, head, terms });
  };
  for (let i = 0; i < directions.length; i++) {
    const ch = directions[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (ch === '、' && depth === 0) { push(i); start = i + 1; }
  }
  push(directions.length);
  return out;
}

// The tables are fixed and every match reads every row: each cell is split once.
const splitCells = new Map<string, readonly Direction[]>();

function directionsOfCell(directions: string): readonly Direction[] {
  let found = splitCells.get(directions);
  if (!found) splitCells.set(directions, (found = directionsOf(directions)));
  return found;
}

function fit(asked: { direct: Set<string>; up: Set<string> }, text: string): { score: number; sectors: string[] } {
  let score = 0;
  const sectors: string[] = [];
  for (const { sector } of sectorsIn(text)) {
    const s = asked.direct.has(sector) ? 3 : asked.up.has(sector) ? 2 : withBroader(sector).some((b) => asked.direct.has(b)) ? 1 : 0;
    if (s > 0) sectors.push(sector);
    score = Math.max(score, s);
  }
  return { score, sectors };
}

/**
 * The rows whose 主攻方向 fit the sectors asked about, most specific first, then the asker's own region, then
 * the more directions shared, then table order. Matching is by whole words (sectors.ts), never by substring.
 * Given the asker's own words, among rows that fit at the same level the row writing the longest run of them as
 * they are comes first: 深远海装备 is 苏锡通's bracketed term, though 洋口港's
 * 海工装备 names the sector in its own words; 细胞和基因 is 启东's, not 南通创新区's 细胞与基因治疗.
 */
export function matchParks<R extends ParkRow>(rows: readonly R[], sectors: readonly string[], region?: string, question = ''): ParkFit<R>[] {
  const direct = new Set(sectors);
  const asked = { direct, up: new Set(sectors.flatMap(withBroader)) };
  if (direct.size === 0) return [];
  const fits: Array<ParkFit<R> & { order: number; verbatim: number }> = [];
  rows.forEach((row, order) => {
    let specificity = 0;
    const matched: Direction[] = [];
    const shared = new Set<string>();
    for (const d of directionsOfCell(row.directions)) {
      const own = fit(asked, d.head);
      const inner = d.terms.map((t) => fit(asked, t)).reduce((a, b) => (b.score > a.score ? b : a), { score: 0, sectors: [] as string[] });
      const score = Math.max(own.score > 0 ? own.score + 0.5 : 0, inner.score);
      if (score === 0) continue;
      matched.push(d);
      [...own.sectors, ...inner.sectors].forEach((s) => shared.add(s));
      specificity = Math.max(specificity, score);
    }
    if (matched.length > 0) fits.push({ row, matched, sectors: [...shared].map(sectorName), specificity, quote: quoteOf(row, matched), order, verbatim: longestRunIn(row.directions, question) });
  });
  return fits
    .sort((a, b) => Math.floor(b.specificity) - Math.floor(a.specificity) || b.verbatim - a.verbatim || b.specificity - a.specificity || Number(b.row.region === region) - Number(a.row.region === region) || b.matched.length - a.matched.length || a.order - b.order)
    .map(({ order: _order, verbatim: _verbatim, ...f }) => f);
}

/** The longest run of the question, two characters or more, that a 主攻方向 cell writes as it is (0 when none). */
function longestRunIn(directions: string, asked: string): number {
  const run = longestSharedRun(nfkc(asked).toLowerCase(), nfkc(directions).toLowerCase());
  return run >= 2 ? run : 0;
}

/** Shorter than this, a direction's words recur elsewhere in the text (新型储能), and alone would cite another clause. */
const DISTINCTIVE = 12;

/**
 * What of the row to quote: from the park's name through the last direction that matched
 * ("南通高新区：第三代半导体、新型储能"), or the matched directions alone where they are long enough to be found in
 * this row only (南通创新区's 生物医药（…）).
 */
function quoteOf(row: ParkRow, matched: Direction[]): string {
  const cell = nfkc(row.cell);
  const at = (d: Direction) => cell.indexOf(nfkc(d.text));
  const first = Math.min(...matched.map(at));
  const last = Math.max(...matched.map((d) => at(d) + nfkc(d.text).length));
  return row.cell.slice(last - first < DISTINCTIVE ? 0 : first, last);
}
