import { countInWords, money, plain } from './format.js';
import { compare, rational, type Rational } from './rational.js';

/**
 * The number words of Chinese legal texts and which way each one cuts. 以上 / 以下 / 不低于 / 不超过 / 以内 and
 * anything marked （含） include the bound; 超过 / 超 / 小于 / 低于 and anything marked （不含） exclude it.
 * Parameters name the word exactly as their text writes it, so a reviewer can check the direction by eye.
 * `place` says where the word stands around the number when the bound is read back.
 */
const WORDS = {
  以上: { cmp: '>=', place: 'after' },
  以来: { cmp: '>=', place: 'after' },
  及以上: { cmp: '>=', place: 'after' },
  '（含）以上': { cmp: '>=', place: 'after' },
  不低于: { cmp: '>=', place: 'before' },
  不少于: { cmp: '>=', place: 'before' },
  '以上（不含）': { cmp: '>', place: 'after' },
  超过: { cmp: '>', place: 'before' },
  超: { cmp: '>', place: 'before' },
  不超过: { cmp: '<=', place: 'before' },
  以内: { cmp: '<=', place: 'after' },
  以下: { cmp: '<=', place: 'after' },
  '小于（含）': { cmp: '<=', place: 'around' },
  小于: { cmp: '<', place: 'before' },
  低于: { cmp: '<', place: 'before' },
} as const;

export type LegalWord = keyof typeof WORDS;
export type Comparison = (typeof WORDS)[LegalWord]['cmp'];

export interface Bound {
  /** the word as the text writes it */
  readonly word: LegalWord;
  readonly value: number;
  readonly unit: string;
  /** which way the word cuts, looked up once here rather than at every comparison */
  readonly cmp: Comparison;
  /** the bound as an exact fraction, for comparing computed ratios */
  readonly exact: Rational;
  /** the bound read back as the text would say it: 不低于10%, 超过5000万元, 500万元以上, 小于5000万元（含）, 一年以上 */
  readonly text: string;
}

/** A figure in a bound's unit, as a reader writes it (万元 switching to 亿元 from 1亿 on). */
export function showInUnit(value: number, unit: string): string {
  return unit === '万元' ? money(value) : `${plain(value)}${unit}`;
}

export function bound(word: LegalWord, value: number, unit: string): Bound {
  // the texts write a period of years in words: 注册成立一年以上
  const shown = unit === '年' ? `${countInWords(value)}年` : showInUnit(value, unit);
  const { cmp, place } = WORDS[word];
  const text = place === 'after' ? `${shown}${word}` : place === 'before' ? `${word}${shown}` : `小于${shown}（含）`;
  return { word, value, unit, cmp, exact: rational(value), text };
}

export function comparisonOf(word: LegalWord): Comparison {
  return WORDS[word].cmp;
}

/** Whether an exact value (a ratio, a sum) satisfies the bound as the text words it. */
export function satisfies(value: Rational, b: Bound): boolean {
  return holds(compare(value, b.exact), b);
}

/**
 * The same for a figure as the user gave it. Comparing the number itself is exact: the figure and the bound are
 * both the decimals written, and rounding a decimal to the nearest double never crosses a bound it did not.
 */
export function figureSatisfies(value: number, b: Bound): boolean {
  return holds(value < b.value ? -1 : value > b.value ? 1 : 0, b);
}

function holds(c: number, b: Bound): boolean {
  switch (b.cmp) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
  }
}
