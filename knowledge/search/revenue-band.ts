/**
 * Revenue bands: "营收1.5个亿 研发占比要多少", "年营收三千万左右的小厂". A rule graded by the firm's sales (研发费用
 * 比例: under 5,000万元 5%, to 2亿元 4%, above 3%) states each grade in a line of its own, all sharing the question's
 * words; the asker's revenue says which line answers, as a value given says which band of a score table does
 * (score-item.ts).
 */
import type { KnowledgeStore, StoredClause } from '../store/store.js';
import { chineseNumeral, nfkc } from '../text/normalize.js';

/** A range of revenue in 万元, each end inclusive or not. */
export interface RevenueBand {
  min: number;
  max: number;
  minIncluded: boolean;
  maxIncluded: boolean;
}

/** what a firm's revenue goes by in a question: 营收, 销售额, 年销售, 开票, 收入 */
const REVENUE_WORD = /营收|营业(?:收入|额)|销售(?:收入|额)?|开票|产值|收入/u;
const NUMERAL = '(\\d+(?:\\.\\d+)?|[零一二两三四五六七八九十百千]+)';
/** 1.5个亿, 5个多亿, 三千万, 两亿以上, 5000万, 3000w (w, the owners' shorthand for 万): a sum, its unit, and whether it is more than said */
const AMOUNT_ASKED = new RegExp(`${NUMERAL}\\s*(?:个)?\\s*(多)?\\s*(亿|千万|百万|万|w(?![a-z]))(?:元|块)?\\s*(多|以上|出头)?`, 'giu');
const UNIT_IN_WAN: Record<string, number> = { 亿: 10000, 千万: 1000, 百万: 100, 万: 1, w: 1 };
/** 5,000万元 → 5000万元: sums as questions and texts alike can be read. */
const withoutThousands = (text: string): string => nfkc(text).replace(/(?<=\d),(?=\d{3})/gu, '');

/** Less than any band's step: 5个多亿 and 超过2亿 are above 2亿, not at it. */
const MORE_THAN = 0.01;

/** The revenue a question gives, in 万元, when a sum follows a word for it (营收 … 1.5个亿); undefined when none. */
export function revenueOf(question: string): number | undefined {
  const text = withoutThousands(question);
  for (const m of text.matchAll(AMOUNT_ASKED)) {
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    if (!REVENUE_WORD.test(before)) continue;
    const value = chineseNumeral(m[1]!) * UNIT_IN_WAN[m[3]!.toLowerCase()]!;
    if (!Number.isFinite(value)) continue;
    return m[2] || m[4] || /超过|超|大于$/u.test(before) ? value + MORE_THAN : value;
  }
  return undefined;
}

const SUM = '(\\d+(?:\\.\\d+)?)\\s*(亿|万)元?';
/** 在5,000万元至2亿元(含) */
const BETWEEN = new RegExp(`${SUM}\\s*[至到~-]\\s*${SUM}\\s*(\\(含\\))?`, 'u');
/** 小于5,000万元(含), 不超过2亿元 */
const BELOW = new RegExp(`(?:小于|低于|不超过|不足|不到)\\s*${SUM}\\s*(\\(含\\))?`, 'u');
/** 2亿元以上, 5000万元(含)以上 */
const ABOVE = new RegExp(`${SUM}\\s*(\\(含\\))?\\s*以上`, 'u');

const wan = (n: string, unit: string): number => Number(n) * UNIT_IN_WAN[unit]!;

/** The band of sales a line states (最近一年销售收入在5,000万元至2亿元(含)的企业), if it states one. */
export function revenueBandOf(text: string): RevenueBand | undefined {
  const t = withoutThousands(text);
  const at = t.search(/销售收入|营业收入|销售额/u);
  if (at < 0) return undefined;
  const rest = t.slice(at);
  const between = BETWEEN.exec(rest);
  if (between) return { min: wan(between[1]!, between[2]!), max: wan(between[3]!, between[4]!), minIncluded: false, maxIncluded: true };
  const below = BELOW.exec(rest);
  if (below) return { min: 0, max: wan(below[1]!, below[2]!), minIncluded: true, maxIncluded: Boolean(below[3]) || !/小于|低于|不足|不到/u.test(below[0]) };
  const above = ABOVE.exec(rest);
  if (above) return { min: wan(above[1]!, above[2]!), max: Infinity, minIncluded: Boolean(above[3]), maxIncluded: false };
  return undefined;
}

/** Whether a revenue (万元) falls in a band. */
export function revenueInBand(band: RevenueBand, value: number): boolean {
  const above = band.minIncluded ? value >= band.min : value > band.min;
  const below = band.maxIncluded ? value <= band.max : value < band.max;
  return above && below;
}

const graded = new WeakMap<StoredClause, RevenueBand | null>();

/**
 * The band a line states when it is one grade of a rule graded by sales (a sibling states another): a single
 * ceiling (年销售收入不超过2亿元) bounds who may apply, whatever the asker's revenue, and is no grade of it.
 */
export function gradeOf(store: KnowledgeStore, c: StoredClause): RevenueBand | undefined {
  let band = graded.get(c);
  if (band === undefined) {
    const own = revenueBandOf(c.text);
    const siblings = own && c.parentId ? store.children(c.parentId).filter((s) => s.id !== c.id && revenueBandOf(s.text)) : [];
    band = own && siblings.length > 0 ? own : null;
    graded.set(c, band);
  }
  return band ?? undefined;
}
