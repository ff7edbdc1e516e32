import { compare, multiply, rational, toNumber, type Rational } from './rational.js';

/** A number as a reader writes it: at most `digits` decimals, no trailing zeros. */
export function plain(value: number, digits = 2): string {
  // most figures are whole numbers: printed as they are, nothing to round (1e21 and beyond print with an exponent)
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const text = String(value);
  const dot = text.indexOf('.');
  if ((dot < 0 || text.length - dot - 1 <= digits) && !text.includes('e')) return text;
  return String(Number(value.toFixed(digits)));
}

/** An amount in 万元, switching to 亿元 from 1亿 on. */
export function money(wan: number): string {
  return Math.abs(wan) >= 10000 ? `${plain(wan / 10000, 4)}亿元` : `${plain(wan)}万元`;
}

const HUNDRED = rational(100);

/** A ratio as a percentage. */
export function percentOf(ratio: Rational): Rational {
  return multiply(ratio, HUNDRED);
}

/**
 * A percentage to one decimal, with more decimals when rounding would make it read as the bound it is compared
 * with (9.996% must not print as "10.0%" next to "要求不低于10%").
 */
export function percent(pct: Rational, against?: number): string {
  const v = toNumber(pct);
  const onBound = against !== undefined && compare(pct, rational(against)) === 0;
  for (let digits = 1; digits <= 4; digits++) {
    const shown = v.toFixed(digits);
    if (against === undefined || onBound || Number(shown) !== against) return `${shown}%`;
  }
  return `${v.toFixed(6)}%`;
}

const DIGIT_WORDS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A small count as legal texts write periods in words (一年以上, 三年); larger or fractional ones in figures. */
export function countInWords(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 10 ? DIGIT_WORDS[n]! : plain(n);
}
