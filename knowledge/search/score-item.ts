/**
 * Score tables: "高企评分里知识产权最多给几分", "科技人员占28%，科小这项能拿几分". Every line of a scoring scheme shares
 * the question's words (知识产权 is in five rows of one table, a percentage band in three lists), so the words alone
 * cannot tell the row asked about. Two things can: the item the line scores is the one the question names (知识产权
 * ≤30, not 知识产权数量 ≤8), and a value the question gives falls in the line's band (28% in 25%(含)-30%).
 */
import type { KnowledgeStore, StoredClause } from '../store/store.js';
import { nfkc } from '../text/normalize.js';
import { tokenize, wholeWords } from './segment.js';
import { synonymsOf, synonymTermsIn } from './synonyms.js';
import { STOPWORDS } from './terms.js';

/** 几分, 多少分, 满分, 得分, 打分, 这项分, 数量分能拿多少: the question asks for points, not money or a count */
const ASKS_POINTS = /几分|多少分|满分|分值|得分|打分|计分|评分|[项块]分|分(?:能|可以)?(?:拿|得|给)/u;

/** (8分), (满分20分), (≤6分), (≤20), (16分), (7-8分): the points a line gives */
const POINTS = /[（(]\s*(?:(?:满分)?\s*\d+(?:\s*[-~～]\s*\d+)?\s*分|≤\s*\d+\s*分?)\s*[)）]/u;
const POINTS_ALL = new RegExp(POINTS.source, 'gu');
/** a row's cell of points: ≤30, 8分, 5-6分 (not ≤0, a growth rate's tier) */
const POINTS_CELL = /^(?:≤\s*[1-9]\d*|\d+(?:\s*[-~～]\s*\d+)?\s*分)$/u;
/** A. / B． at the start of a band: a line of a scheme's tiers */
const BAND_LINE = /^\s*[A-F][.．:：]/u;
/** an enumerator before an item's name: (3), 1., 十、, C. */
const ENUMERATOR = /^\s*(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9一二三四五六七八九十]+\s*[.．、]|[A-Z]\s*[.．])\s*/u;
/** where an item's name ends: its points, a full stop, a colon, an English gloss */
const NAME_END = /[（(]\s*(?:满分|≤|\d)|[。:：;；,，]|\s[—-]/u;

/**
 * What a line of a scoring scheme scores: the names it goes by (the item's; a band line's own words too, as in
 * "1项及以上Ⅰ类知识产权"), each as its words, and for a band line the values its tiers cover.
 */
export interface ScoreLine {
  names: ItemWords[];
  /** the tiers a band line states */
  bands: Band[];
  /** every tier of the item a band line sits under, its own and its siblings' */
  scheme: Band[];
}

/** An item's name as words: the longest ones, and every shorter word segmentation finds inside them. */
export interface ItemWords {
  words: string[];
  parts: string[];
}

/** words any item's name may end with (科技成果指标, 知识产权相关评价指标): they say it is scored, not what */
const ITEM_FRAMES = new Set(['指标', '评价', '分值', '相关']);

function wordsOf(name: string): ItemWords {
  const parts = [...new Set(tokenize(name))].filter((t) => [...t].length > 1 && !STOPWORDS.has(t) && !ITEM_FRAMES.has(t) && !/\d/u.test(t));
  return { words: wholeWords(parts), parts };
}

/** Ⅰ类 or Ⅱ类 intellectual property, as the 指引 sorts it (发明专利 Ⅰ, 实用新型 Ⅱ). */
type IpClass = 'i类' | 'ii类';

/**
 * A tier's range of values: [min, max], each end inclusive or not, in percent or in 项 (a count), and the class
 * of intellectual property it counts when it names one.
 */
export interface Band {
  unit: '%' | '项';
  ipClass?: IpClass;
  min: number;
  max: number;
  minIncluded: boolean;
  maxIncluded: boolean;
}

function nameOf(text: string): string {
  const rest = nfkc(text).replace(ENUMERATOR, '');
  const end = rest.search(NAME_END);
  return (end >= 0 ? rest.slice(0, end) : rest).trim();
}

const N = '(\\d+(?:\\.\\d+)?)';
/** the tiers a band line states, each a pattern and how it reads into a range */
const TIERS: Array<[RegExp, (m: RegExpExecArray) => Band]> = [
  // 25%(含)-30%
  [new RegExp(`${N}%\\(含\\)\\s*[-~]\\s*${N}%`, 'gu'), (m) => ({ unit: '%', min: +m[1]!, max: +m[2]!, minIncluded: true, maxIncluded: false })],
  // 30%(含)以上, ≥35%
  [new RegExp(`${N}%\\(含\\)以上|≥\\s*${N}%`, 'gu'), (m) => ({ unit: '%', min: +(m[1] ?? m[2])!, max: Infinity, minIncluded: true, maxIncluded: false })],
  // 10%以下
  [new RegExp(`${N}%以下`, 'gu'), (m) => ({ unit: '%', min: 0, max: +m[1]!, minIncluded: true, maxIncluded: false })],
  // 3~4项, 1-2项
  [new RegExp(`${N}\\s*[~～-]\\s*${N}\\s*项`, 'gu'), (m) => ({ unit: '项', min: +m[1]!, max: +m[2]!, minIncluded: true, maxIncluded: true })],
  // 5项及以上, ≥4项
  [new RegExp(`${N}\\s*项及以上|≥\\s*${N}\\s*项`, 'gu'), (m) => ({ unit: '项', min: +(m[1] ?? m[2])!, max: Infinity, minIncluded: true, maxIncluded: false })],
  // 3项Ⅱ类, 0项 (not the end of a range or an open tier, which the patterns above read)
  [new RegExp(`(?<![\\d.~～-])${N}\\s*项(?!及以上)`, 'gu'), (m) => ({ unit: '项', min: +m[1]!, max: +m[1]!, minIncluded: true, maxIncluded: true })],
];

/** The class a text names: Ⅰ类 (read as I类 after NFKC), 一类, or a word the 指引 puts in one (实用新型 → Ⅱ类). */
function ipClassIn(text: string): IpClass | undefined {
  const t = nfkc(text).toLowerCase();
  const named = [t, ...synonymTermsIn(t).flatMap((w) => synonymsOf(w))].join(' ');
  return /ii类|二类/u.test(named) ? 'ii类' : /i类|一类/u.test(named) ? 'i类' : undefined;
}

/** The tiers of a band line; a line may hold two (A. 1项及以上 (Ⅰ类)(7-8分) B. 5项及以上 (Ⅱ类)(5-6分)). */
function bandsOf(text: string): Band[] {
  const out: Band[] = [];
  for (const tier of nfkc(text).replace(/\s+/gu, ' ').split(/(?=\b[A-F][.．])/u)) {
    const ipClass = ipClassIn(tier);
    let rest = tier;
    for (const [pattern, read] of TIERS) {
      rest = rest.replace(pattern, (...args) => {
        out.push({ ...read(args.slice(0, -2) as unknown as RegExpExecArray), ...(ipClass ? { ipClass } : {}) });
        return ' ';
      });
    }
  }
  return out;
}

const lines = new WeakMap<StoredClause, ScoreLine | null>();

/**
 * The item a clause scores, when it is a line of a scoring scheme: a row with a cell of points (知识产权 | ≤30), an
 * item stating its points ((3)知识产权数量(8分)), or a band line (B. 25%(含)-30%(16分)), whose item is the line it
 * sits under. A heading only names a part of the scheme; its lines answer.
 */
export function scoreLineOf(store: KnowledgeStore, c: StoredClause): ScoreLine | null {
  let line = lines.get(c);
  if (line === undefined) {
    line = readScoreLine(store, c);
    lines.set(c, line);
  }
  return line;
}

function readScoreLine(store: KnowledgeStore, c: StoredClause): ScoreLine | null {
  if (c.kind === 'row') {
    const cells = c.text.split('\t').map((x) => nfkc(x).trim());
    if (!cells.some((x) => POINTS_CELL.test(x))) return null;
    const named = cells.filter((x) => /\p{Script=Han}/u.test(x));
    return named.length > 0 ? { names: [wordsOf(named.map(nameOf).join(' '))], bands: [], scheme: [] } : null;
  }
  if (c.kind !== 'item' && c.kind !== 'paragraph' && c.kind !== 'article') return null;
  if (!POINTS.test(nfkc(c.text))) return null;
  const parent = c.parentId ? store.clause(c.parentId) : undefined;
  const tiersUnder = (id: string) => store.children(id).filter((k) => BAND_LINE.test(k.text)).flatMap((k) => bandsOf(k.text));
  if (BAND_LINE.test(c.text) && parent) {
    return { names: [wordsOf(nameOf(parent.text)), wordsOf(c.text.replace(POINTS_ALL, ' '))], bands: bandsOf(c.text), scheme: tiersUnder(parent.id) };
  }
  const item = nameOf(c.text);
  return item ? { names: [wordsOf(item)], bands: [], scheme: [] } : null;
}

/** 最高档, 最高一档, 拿满分: the question asks what the top tier of a scored item takes. */
const ASKS_TOP_TIER = /最高(?:一)?[档级等]|最高分|拿满分|得满分/u;

/** Whether a question asks what the top tier of a scored item takes. */
export function asksTopTier(question: string): boolean {
  return ASKS_TOP_TIER.test(question);
}

/** Whether a band line holds its scheme's top tier (A. 转化能力强, ≥5项 (25-30分) of the ≥5 … 0项 tiers). */
export function holdsTopTier(line: ScoreLine): boolean {
  return line.bands.some((b) => !line.scheme.some((o) => o.unit === b.unit && o.min > b.min));
}

/** Whether a question asks how many points something scores. */
export function asksPoints(question: string): boolean {
  return ASKS_POINTS.test(question);
}

/**
 * The share of a line's name the question names (0–1): each word counts when the question
 * has it or another name of it, and a long word in part when the question has some of the shorter words inside it
 * (研发 and 组织 for 研究开发 and 组织管理水平, via the question's expansions).
 */
export function namedShare(line: ScoreLine, question: string, expansions: readonly string[]): number {
  const hay = `${nfkc(question).toLowerCase()} ${expansions.join(' ')}`;
  const held = (t: string): boolean => hay.includes(t) || synonymsOf(t).some((s) => hay.includes(s.toLowerCase()));
  const share = ({ words, parts }: ItemWords): number => {
    const credit = (t: string): number => {
      if (held(t)) return 1;
      const inside = parts.filter((o) => o !== t && t.includes(o));
      return inside.length > 0 ? inside.filter(held).length / inside.length : 0;
    };
    return words.length > 0 ? words.reduce((n, t) => n + credit(t), 0) / words.length : 0;
  };
  const [item, own] = line.names.map(share) as [number, number | undefined];
  // a band is named by its item; its own words (1项及以上Ⅰ类知识产权) only make up half of what the item's lack
  return own === undefined ? item : Math.max(item, (item + own) / 2);
}

/** A value a question gives: 占28% → 28 %; 5个实用新型 → 5 项 of Ⅱ类. */
export interface GivenValue {
  unit: Band['unit'];
  value: number;
  ipClass?: IpClass;
}

/** The values a question gives in a band's units, a count with the class of what it counts (the words after it). */
export function valuesOf(question: string): GivenValue[] {
  const out: GivenValue[] = [];
  // 80个员工, 14个人 count people, not the 项 of a tier
  for (const m of nfkc(question).matchAll(/(\d+(?:\.\d+)?)\s*(%|个(?![人员职])|项|件)([^，。,；;？?！!\d]{0,8})/gu)) {
    const ipClass = m[2] === '%' ? undefined : ipClassIn(m[3]!);
    out.push({ unit: m[2] === '%' ? '%' : '项', value: +m[1]!, ...(ipClass ? { ipClass } : {}) });
  }
  return out;
}

/**
 * Whether a band line holds the tier a value falls in. Open tiers overlap (≥5项, ≥4项, ≥3项 all hold 5): the value
 * is in the highest of its scheme's tiers that holds it.
 */
export function lineHolds(line: ScoreLine, value: GivenValue): boolean {
  const top = Math.max(-Infinity, ...line.scheme.filter((b) => bandHolds(b, value)).map((b) => b.min));
  return line.bands.some((b) => b.min === top && bandHolds(b, value));
}

/** Whether a value falls in a tier: the same unit, within its ends, and of its class when both name one. */
export function bandHolds(band: Band, value: GivenValue): boolean {
  if (band.unit !== value.unit) return false;
  if (band.ipClass && value.ipClass && band.ipClass !== value.ipClass) return false;
  const above = band.minIncluded ? value.value >= band.min : value.value > band.min;
  const below = band.maxIncluded ? value.value <= band.max : value.value < band.max;
  return above && below;
}
