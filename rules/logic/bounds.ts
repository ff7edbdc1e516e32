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
}

export function bound(word: LegalWord, value: number, unit: string): Bound {
  return { word, value, unit };
}

export function comparisonOf(word: LegalWord): Comparison {
  return WORDS[word].cmp;
}

/** Whether an exact value satisfies the bound as the text words it. */
export function satisfies(value: Rational, b: Bound): boolean {
  const c = compare(value, rational(b.value));
  switch (comparisonOf(b.word)) {
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

/** The bound read back as the text would say it: 不低于10%, 超过5000万元, 500万元以上, 小于5000万元（含）. */
export function describeBound(b: Bound, shown: string = `${b.value}${b.unit}`): string {
  const { place } = WORDS[b.word];
  if (place === 'after') return `${shown}${b.word}`;
  if (place === 'before') return `${b.word}${shown}`;
  return `小于${shown}（含）`;
}
