import { nfkc } from '../../knowledge/text/normalize.js';
import { toSimplified } from '../../knowledge/text/traditional.js';
import { chineseNumber, DIGIT } from './numerals.js';

/**
 * Figures in an owner's own words: every number a short answer holds, with its measure and hedges, as an exact
 * value or a range. 8个人, 差不多80个人, 二十来个 → exact; 三四十个, 十几个, 1500多万, 两三千万 → a range; 1800w,
 * 1kw, 1.2个亿, 1亿2, 一千二 (万), 壹仟贰佰万元, 兩千萬, １５６万; 七成, 65个点, 百分之六十五.
 */

/** Banking numerals and traditional forms, written as everyday ones. */
const FORMAL: Record<string, string> = {
  壹: '一', 贰: '二', 貳: '二', 叁: '三', 參: '三', 肆: '四', 伍: '五', 陆: '六', 陸: '六', 柒: '七', 捌: '八', 玖: '九',
  拾: '十', 佰: '百', 仟: '千', 萬: '万', 億: '亿', 兩: '两', 俩: '两',
};

/** An answer as the figure reader sees it: NFKC (full-width digits), simplified, banking numerals plain, digit groups joined. */
export function plainAnswer(text: string): string {
  return toSimplified(nfkc(text))
    .replace(/[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億兩俩]/gu, (c) => FORMAL[c]!)
    .replace(/(?<=\d)[Oo]|[Oo](?=\d)/gu, '0')
    .replace(/(?<=\d)[,，](?=\d{3}(?!\d))/gu, '')
    // 1 200 is twelve hundred; 80 100 130 is a list
    .replace(/^(\d{1,3})((?: \d{3})+)(?=\D*$)/u, (_, a: string, b: string) => a + b.replace(/ /gu, ''))
    .replace(/−/gu, '-')
    // 百分之六十五 is 65%: written the other way round, or 百 would read as a hundred
    .replace(/百分百/gu, '100%')
    .replace(/百分之([\d.]+|[零〇一二两三四五六七八九十点]+)/gu, '$1%')
    // 六十八点五 → 68.5, 一点二亿 → 1.2亿
    .replace(/([零〇一二两三四五六七八九十百千]+)点([零〇一二三四五六七八九]+)/gu, (_, a: string, b: string) => `${chineseNumber(a) ?? a}.${[...b].map((c) => DIGIT[c]).join('')}`)
    // 六成五 → 6.5成
    .replace(/([\d一二三四五六七八九])成([\d一二三四五六七八九])(?![\d十百千万])/gu, (_, a: string, b: string) => `${DIGIT[a] ?? a}.${DIGIT[b] ?? b}成`)
    // 2千8百万 → 二千八百万: Arabic digits with Chinese place words read as one numeral
    .replace(/(?<![\d.])\d(?=[十百千])|(?<=[十百千])\d(?![\d.])/gu, (d) => '零一二三四五六七八九'[Number(d)]!)
    // 4.5千万 → 4500万, 2.5百万 → 250万
    .replace(/(\d+(?:\.\d+)?)(千万|百万)/gu, (_, n: string, u: string) => `${Math.round(Number(n) * (u === '千万' ? 1000 : 100) * 1e6) / 1e6}万`)
    // 一个多亿 is 1–2亿
    .replace(/个多亿/gu, '多亿')
    .trim();
}

const PLACE: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** A figure as written: exact, or a range; `unit` is what followed it, if anything. */
export interface Figure {
  low: number;
  high: number;
  exact: boolean;
  /** what followed the number: a measure word, a money unit, %, 成 … */
  unit: string;
  /** where it stands in the answer */
  index: number;
  end: number;
  /** 几十, 不到十: a figure too vague to use */
  vague: boolean;
  /** followed by 年: a year, not a figure */
  year: boolean;
  /** a Chinese numeral carrying its own 万/亿 (两千万): the value is in ones, not in the question's unit */
  inOnes: boolean;
}

const CN = '[零〇一二两三四五六七八九十百千万亿]';
const NUMBER = `(\\d+(?:\\.\\d+)?|${CN}*几${CN}*|${CN}+)`;
const UNIT = '(个亿|亿元|亿|千万元|千万|kw|KW|Kw|百万元|百万|万元|万|w|W|千元|k|K|元|块钱|块|%|个点|成|个人|名|位|个|人|项|件|号人|家)?';
const FIGURE = new RegExp(`${NUMBER}(多|来|余)?${UNIT}(?:(\\d)(?!\\d))?(多|来|余)?(年)?`, 'gu');

/** The step that 多 adds to a figure: 20多 → up to 30, 1500多 → up to 1600, 六十多 → up to 70. */
function moreStep(n: number): number {
  if (n <= 0) return 1;
  let step = 1;
  while (n % (step * 10) === 0) step *= 10;
  return step;
}

/** 三四十 → 30–40, 五六百 → 500–600, 十五六 → 15–16, 两三千 → 2000–3000: two neighbouring digits give a range. */
function neighbourRange(text: string): [number, number] | null {
  const a = /^([一二两三四五六七八九])([一二三四五六七八九])([十百千万]?)$/u.exec(text);
  if (a && DIGIT[a[2]!]! === DIGIT[a[1]!]! + 1) {
    const place = a[3] ? (a[3] === '万' ? 1e4 : PLACE[a[3]]!) : 1;
    return [DIGIT[a[1]!]! * place, DIGIT[a[2]!]! * place];
  }
  const c = /^(.*[百千])([一二三四五六七八])([二三四五六七八九])([十百])$/u.exec(text);
  if (c && DIGIT[c[3]!]! === DIGIT[c[2]!]! + 1) {
    // 一百二三十 → 120–130
    const base = chineseNumber(c[1]!);
    const place = PLACE[c[4]!]!;
    if (base !== null) return [base + DIGIT[c[2]!]! * place, base + DIGIT[c[3]!]! * place];
  }
  const b = /^(.*[十百千])([一二三四五六七八])([二三四五六七八九])$/u.exec(text);
  if (b && DIGIT[b[3]!]! === DIGIT[b[2]!]! + 1) {
    const base = chineseNumber(b[1]!);
    if (base === null) return null;
    const place = b[1]!.endsWith('十') ? 1 : b[1]!.endsWith('百') ? 10 : 100;
    return [base + DIGIT[b[2]!]! * place, base + DIGIT[b[3]!]! * place];
  }
  return null;
}

/** Every figure in an answer, in order. The text should be plainAnswer()'s. */
export function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [whole, numberText, more1, unitRaw, tail, more2, yearMark] = m;
    const more = more1 ?? more2;
    const unit = unitRaw ?? '';
    let low: number;
    let high: number;
    let vague = false;
    let exact = true;
    let inOnes = false;
    let numeral = numberText!;
    let big = 1;
    const after = text.slice(m.index! + whole!.length, m.index! + whole!.length + 1);
    // 万 or 百 alone is no number, but 百来万 is a hundred
    if (/^[百千万亿]+$/u.test(numeral)) {
      if (!(/^[百千]$/u.test(numeral) && more)) continue;
      numeral = `一${numeral}`;
    }
    // 一轮, 两次, 3倍, 一类: counts of something else; 一共, 一下, 一点: no number at all
    if (/[轮次倍岁类]/u.test(after) && !unitRaw) continue;
    if (numeral === '一' && !unitRaw && !more && /[共起下直些般点样切定旦半]/u.test(after)) continue;
    // 二三年 is 2023, 一年 no year at all
    if (yearMark === '年' && !unitRaw && /^[零〇一二三四五六七八九]{2}$/u.test(numeral)) numeral = [...numeral].map((c) => DIGIT[c]).join('');
    if (!/^\d/u.test(numeral) && /[万亿]/u.test(numeral)) {
      inOnes = true;
      const split = /^([^万亿]+)([万亿])$/u.exec(numeral);
      if (split) {
        numeral = split[1]!;
        big = split[2] === '万' ? 1e4 : 1e8;
      }
    }
    if (/几/u.test(numeral)) {
      // 十几 is 10–20; 几十, 几百 say too little to use
      const known = numeral.replace(/几.*$/u, '');
      if (/^[一二两三四五六七八九]?十$/u.test(known) && numeral.endsWith('几')) {
        low = chineseNumber(known)!;
        high = low + 10;
        exact = false;
      } else {
        low = 0;
        high = 0;
        vague = true;
      }
    } else if (/^\d/u.test(numeral)) {
      low = high = Number(numeral);
    } else {
      const range = neighbourRange(numeral);
      if (range) {
        [low, high] = range;
        exact = false;
      } else {
        const v = chineseNumber(numeral);
        if (v === null) continue;
        low = high = v;
      }
    }
    low *= big;
    high *= big;
    if (more === '多' || more === '余') {
      high = low + moreStep(low);
      exact = false;
    }
    if (tail !== undefined && /亿|万|千/u.test(unit)) {
      // 1亿2: a digit after the unit is the place below it
      const add = Number(tail) * (unit.includes('亿') ? 1e7 : unit.includes('千') ? 100 : 1e3);
      low += add / unitScale(unit);
      high += add / unitScale(unit);
    }
    // 负200万, -50万: net assets can be negative
    const before = text.slice(Math.max(0, m.index! - 2), m.index!);
    if (/-$|负的?$/u.test(before)) [low, high] = [-high, -low];
    // 400 nines, 1e309亿: past what a number holds, so no figure — JSON would carry it on as null
    if (!Number.isFinite(low) || !Number.isFinite(high)) continue;
    out.push({ low, high, exact, unit, index: m.index!, end: m.index! + whole!.length, vague, year: yearMark === '年' && !unit, inOnes });
  }
  return out;
}

/** What one of a money unit is worth in units of one (元 = 1). */
function unitScale(unit: string): number {
  if (/亿/u.test(unit)) return 1e8;
  if (/千万|kw/iu.test(unit)) return 1e7;
  if (/百万/u.test(unit)) return 1e6;
  if (/万|^w$/iu.test(unit)) return 1e4;
  if (/千|^k$/iu.test(unit)) return 1e3;
  return 1;
}

const MONEY_UNITS = /^(个亿|亿元|亿|千万元|千万|kw|百万元|百万|万元|万|w|千元|k|元|块钱|块)$/iu;
const COUNT_UNITS = /^(个人|名|位|个|人|项|件|号人|家|)$/u;

/** Rounds away float noise from unit conversion (1.2亿 → 12000, not 11999.999…). */
export function clean(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export type FigureKind = '万元' | '%' | 'count';

/**
 * A figure in the fact's unit: money in 万元 (a bare number is already 万元, as the question says), a share in %,
 * a count as is. null when the figure's own unit is of another kind (a % for a count, 人 for money).
 */
export function inUnit(f: Figure, kind: FigureKind): { low: number; high: number } | null {
  const unit = f.unit;
  if (kind === '万元') {
    if (unit && !MONEY_UNITS.test(unit)) return null;
    const factor = unit ? unitScale(unit) / 1e4 : f.inOnes ? 1e-4 : 1;
    return { low: clean(f.low * factor), high: clean(f.high * factor) };
  }
  if (kind === '%') {
    if (unit === '成') return { low: f.low * 10, high: f.high * 10 };
    if (unit && unit !== '%' && unit !== '个点') return null;
    return { low: f.low, high: f.high };
  }
  if (unit === '万') return { low: f.low * 1e4, high: f.high * 1e4 };
  if (!COUNT_UNITS.test(unit)) return null;
  if (kind === 'count' && f.inOnes) return { low: f.low, high: f.high };
  return { low: f.low, high: f.high };
}
