import { chineseNumeral } from '../text/normalize.js';

/** What a line opens, for building the clause tree. Lower levels enclose higher ones. */
export interface Marker {
  kind: 'attachment' | 'attachmentList' | 'mdHeading' | 'chapter' | 'section' | 'article' | 'group' | 'parenCn' | 'num' | 'parenNum' | 'letter' | 'listItem';
  level: number;
  /** the number the marker carries (附件2 → 2, 第十一条 → 11, （三） → 3), 0 where none */
  n: number;
  /** the marker as written, for labels: 第十一条, （三）, 1. */
  marker: string;
  /** the text after the marker (the item's own words) */
  rest: string;
}

const CN = '[一二三四五六七八九十百零〇]+';
const PATTERNS: Array<[RegExp, Marker['kind'], number]> = [
  [/^附件\s*(\d*)$/u, 'attachment', 0],
  [/^附件[：:](.*)$/u, 'attachmentList', 2],
  [new RegExp(`^第(${CN})章\\s*(.*)$`, 'u'), 'chapter', 1.5],
  [new RegExp(`^(${CN})、\\s*(.*)$`, 'u'), 'section', 2],
  [new RegExp(`^第(${CN})条\\s*(.*)$`, 'u'), 'article', 3],
  [/^([^\s，。；：:、]{2,8})[：:]$/u, 'group', 3.5],
  [new RegExp(`^[（(](${CN})[）)]\\s*(.*)$`, 'u'), 'parenCn', 4],
  [/^(\d{1,2})\s*[.．、](?!\d)\s*(.*)$/u, 'num', 5],
  [/^[（(](\d{1,2})[）)]\s*(.*)$/u, 'parenNum', 6],
];
const MD_PATTERNS: Array<[RegExp, Marker['kind'], number]> = [
  [/^([A-F])[.．、]\s*(.*)$/u, 'letter', 7],
];

/** Classifies a trimmed line; `markdown` enables the forms only the reference texts use. */
export function markerOf(line: string, markdown: boolean): Marker | null {
  if (markdown) {
    const h = /^(#{1,6})\s+(.*)$/u.exec(line);
    if (h) return { kind: 'mdHeading', level: h[1]!.length <= 1 ? 0.5 : 1 + (h[1]!.length - 2) * 0.1, n: 0, marker: '', rest: h[2]!.trim() };
  }
  for (const [re, kind, level] of markdown ? [...PATTERNS, ...MD_PATTERNS] : PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    if (kind === 'attachment') return { kind, level, n: m[1] ? Number(m[1]) : 1, marker: line.replace(/\s+/g, ''), rest: '' };
    if (kind === 'attachmentList') return { kind, level, n: 0, marker: '附件', rest: m[1]!.trim() };
    if (kind === 'group') return { kind, level, n: 0, marker: m[1]!, rest: '' };
    if (kind === 'letter') return { kind, level, n: m[1]!.charCodeAt(0) - 64, marker: `${m[1]}.`, rest: m[2]! };
    const n = chineseNumeral(m[1]!);
    if (Number.isNaN(n)) continue;
    const written = line.slice(0, line.length - m[2]!.length).trim();
    return { kind, level, n, marker: written, rest: m[2]! };
  }
  return null;
}

/** A markdown list entry ("- 101 软件", "    - 10101 基础软件"): nested by indentation. */
export function listItemOf(rawLine: string): Marker | null {
  const m = /^(\s*)[-*]\s+(.*)$/u.exec(rawLine);
  if (!m) return null;
  const depth = Math.floor(m[1]!.replace(/\t/g, '    ').length / 4);
  return { kind: 'listItem', level: 5 + depth * 0.5, n: 0, marker: '', rest: m[2]!.trim() };
}

// A line that ends a sentence or a heading; a line ending otherwise was cut by a page break or a soft wrap.
const TERMINAL = /[。；：！？…）)”’》」』—.!?:;|]$/u;

/**
 * Whether line `a` continues in line `b`: the web copies break paragraphs at page ends ("突" / "破") and wrap
 * long addressee lines. Only long, sentence-like lines are joined, so titles and short headings never are.
 */
export function continuesInto(a: string, b: string): boolean {
  if (TERMINAL.test(a)) return false;
  // a heading line ("（一）强化企业主体地位，壮大科创企业群体") is complete even without a full stop
  const opens = markerOf(a, false);
  if (opens && opens.kind !== 'attachmentList' && !a.includes('。')) return false;
  // runs of spaces mark a laid-out list ("组  长：宋  涯  区委常委…"), not wrapped prose
  if (/\s{2,}/u.test(a) || /^[\p{Script=Han}\s]{1,6}[：:]/u.test(b.trim())) return false;
  if (!(a.length >= 20 && /[，、；,。]/u.test(a)) && !/^附件[：:]/u.test(a)) return false;
  if (b.startsWith('\t') || markerOf(b.trim(), false) || b.includes('\t')) return false;
  return true;
}

/** A short line that titles what follows: a report's section title, a table's title. */
export function isTitleLike(line: string): boolean {
  return line.length <= 22 && !/[。；]/u.test(line) && !/[：:]$/u.test(line);
}
