import { nfkc } from '../../knowledge/text/normalize.js';
import { chineseNumber } from '../understand/numerals.js';

const ARABIC = /\d+(?:,\d{3})*(?:\.\d+)?(?:[十百千](?![万亿]?[零〇一二两三四五六七八九]))?/gu;
const CHINESE = /[零〇一二两三四五六七八九十百千万亿]+/gu;
/** What may follow a Chinese numeral that counts or measures something (三年, 五家, 百分之六十 is handled apart). */
const COUNTER = /^[个项家年月日天周人名位次倍分元万亿%条款章节批期届份所种类级档件台套座笔户]/u;
const MULTIPLIER: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/**
 * The unit written after a figure, longest first. Spellings of one unit read alike (万元 and 万, ％ and %, 年度 and
 * 年), and nothing converts between units: 60% and 60万元 are different figures.
 */
const UNIT = /^\s*(个百分点|百分点|平方米|个亿|万元|亿元|千元|个月|年度|小时|元|万|亿|%|‰|倍|年|月|日|号|天|周|个|项|家|人|名|位|次|条|款|章|节|分|批|期|届|份|所|种|类|级|档|件|台|套|座|笔|户|亩)/u;
const SAME_UNIT: Record<string, string> = { 万元: '万', 亿元: '亿', 个亿: '亿', 年度: '年', 号: '日', 百分点: '个百分点' };

/**
 * Which side of a figure a text puts its subject: 'at-least' (不低于60%, 5家以上, 超过), 'at-most' (不超过,
 * 以下, 低于, 不足) or null when it states the figure bare. Strictness (不低于 vs 高于) is not told apart; the
 * direction is what turns a condition into its opposite.
 */
export type Bound = 'at-least' | 'at-most';

/** A figure as a text states it: its value, the unit written with it ('' when none is), and its bound. */
export interface Figure {
  value: number;
  unit: string;
  bound: Bound | null;
}

/** Leftmost match wins, so 不超过 is read whole rather than as 超过. */
const BOUND_BEFORE = /(不低于|不少于|不小于|不超过|不高于|不多于|不大于|不足|未满|不满|至少|最低|最多|最高|高于|超过|多于|大于|低于|少于|小于)\s*第?$/u;
const AT_LEAST = new Set(['不低于', '不少于', '不小于', '至少', '最低', '高于', '超过', '多于', '大于']);
const BOUND_AFTER = /^\s*(?:及|或)?(以上|以下|以内)/u;

function boundAround(before: string, after: string): Bound | null {
  const word = BOUND_BEFORE.exec(before)?.[1] ?? BOUND_AFTER.exec(after)?.[1];
  if (!word) return null;
  return AT_LEAST.has(word) || word === '以上' ? 'at-least' : 'at-most';
}

/**
 * 万 and 亿 stay units rather than multipliers, so "5000万元", "五千万元" and "5千万" all read 5000 万, as the
 * documents write amounts; converting units is exactly what an answer must not do silently.
 */
function arabicValue(token: string): number {
  const last = token.at(-1)!;
  const factor = MULTIPLIER[last];
  const digits = token.replace(/,/gu, '');
  return factor ? Number(digits.slice(0, -1)) * factor : Number(digits);
}

function chineseValue(run: string): number | null {
  return chineseNumber(run.replace(/[万亿]+$/u, ''));
}

function unitAfter(text: string): string {
  const unit = UNIT.exec(text)?.[1] ?? '';
  return SAME_UNIT[unit] ?? unit;
}

/**
 * Every figure a text states, with its unit: Arabic numbers (1,200 / 3.5 / 5% / 2023年) and Chinese numerals
 * that count or measure (三年, 五千万元, 百分之六十, 第十二条). A lone 一 is left out: in running Chinese it is
 * nearly always an article (一家企业, 进一步), and reading it as the figure 1 would reject sound answers for nothing.
 */
export function figuresIn(text: string): Figure[] {
  const t = nfkc(text);
  const out: Figure[] = [];
  // the bound is written before the figure, or after it and its unit
  const around = (start: number, end: number) => boundAround(t.slice(Math.max(0, start - 6), start), t.slice(end).replace(UNIT, ''));
  for (const m of t.matchAll(ARABIC)) {
    const end = m.index + m[0].length;
    const unit = unitAfter(t.slice(end));
    out.push({ value: arabicValue(m[0]), unit, bound: around(m.index, end) });
  }
  for (const m of t.matchAll(CHINESE)) {
    const run = m[0];
    const start = m.index;
    const before = t.slice(Math.max(0, start - 3), start);
    const after = t.slice(start + run.length);
    if (/^[万亿]+$/u.test(run)) continue;
    // 百分之 / 千分之 introduce a numeral, and 十分 is the adverb "very" (scores are written 10分)
    if (/^分之/u.test(after) || (run === '十' && after.startsWith('分'))) continue;
    // a run glued to Arabic digits is their multiplier or unit (5千万), already read above
    if (/\d$/u.test(before)) continue;
    const counted = COUNTER.test(after) || /[万亿]$/u.test(run) || /百分之$|千分之$|第$/u.test(before);
    if (!counted || run === '一') continue;
    const value = chineseValue(run);
    if (value === null) continue;
    const trailing = /[万亿]+$/u.exec(run)?.[0];
    const unit = /百分之$/u.test(before) ? '%' : /千分之$/u.test(before) ? '‰' : trailing ? unitAfter(trailing + after) : unitAfter(after);
    const numeralStart = /百分之$|千分之$/u.test(before) ? start - 3 : start;
    out.push({ value, unit, bound: around(numeralStart, start + run.length) });
  }
  return out;
}

/** Every figure a text states, as values only. */
export function numbersIn(text: string): number[] {
  return figuresIn(text).map((f) => f.value);
}

const BOUND_WORDS: Record<Bound, string> = { 'at-least': '≥', 'at-most': '≤' };
const show = (f: Figure) => `${f.bound ? BOUND_WORDS[f.bound] : ''}${f.value}${f.unit}`;

/**
 * The figures of `answer` that none of `sources` states with the same unit and bound. A figure the answer writes
 * without a unit needs only its value stated; a source figure without one (a table cell under a header that names
 * the unit) supports a figure whose unit the sources write somewhere. A bound the answer puts on a figure (不低于,
 * 以下) must be the one a source puts on it: 低于60% is not the clause's 不低于60%.
 */
export function unsupportedFigures(answer: string, sources: string[]): string[] {
  const known = sources.flatMap(figuresIn);
  const written = nfkc(sources.join('\n'));
  const supported = (f: Figure) =>
    known.some(
      (k) =>
        k.value === f.value &&
        (k.unit === f.unit || f.unit === '' || (k.unit === '' && written.includes(f.unit))) &&
        (f.bound === null || k.bound === f.bound),
    );
  return [...new Set(figuresIn(answer).filter((f) => !supported(f)).map(show))];
}
