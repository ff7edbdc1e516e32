import { nfkc } from '../../knowledge/text/normalize.js';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * A number written in Chinese numerals, with or without units: 八百 → 800, 一百二十 → 120, 三千五百万 → 35000000,
 * 十二 → 12, 二〇二四 → 2024 (digit by digit when there is no unit). null when it is not one.
 */
export function chineseNumber(text: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千万亿]+$/u.test(text)) return null;
  if (!/[十百千万亿]/u.test(text)) return Number([...text].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch in SMALL_UNITS) {
      section += (digit || 1) * SMALL_UNITS[ch]!;
      digit = 0;
    } else if (ch in BIG_UNITS) {
      total += (section + digit) * BIG_UNITS[ch]!;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** A plain number in Arabic or Chinese digits ("1,200", "3.5", "一百二十"); null otherwise. */
export function plainNumber(text: string): number | null {
  const t = nfkc(text).replace(/[,，\s]/g, '');
  if (/^[+-]?\d+(\.\d+)?$/u.test(t)) return Number(t);
  return chineseNumber(t);
}
