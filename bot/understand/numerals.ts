const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** the value of each Chinese digit, for readers that take numerals apart (三四十, 六成五) */
export const DIGIT: Readonly<Record<string, number>> = DIGITS;
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A Chinese numeral to 9999万…: 一百零八, 两千五 (a digit after a unit is the next place down: 2500), 十五, 二〇二四
 * (digit by digit). null when it is not one.
 */
export function chineseNumber(text: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千万亿]+$/u.test(text)) return null;
  if (!/[十百千万亿]/u.test(text)) return Number([...text].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let digit = -1;
  let lastPlace = 0;
  let zeroSeen = false;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (DIGITS[ch] === 0) zeroSeen = true;
      else digit = DIGITS[ch]!;
    } else if (ch in SMALL_UNITS) {
      section += (digit < 0 ? 1 : digit) * SMALL_UNITS[ch]!;
      lastPlace = SMALL_UNITS[ch]!;
      digit = -1;
      zeroSeen = false;
    } else {
      const big = ch === '万' ? 1e4 : 1e8;
      total += (section + Math.max(0, digit)) * big;
      section = 0;
      digit = -1;
      lastPlace = big;
      zeroSeen = false;
    }
  }
  if (digit >= 0) {
    // 两千五 is 2500, 一万二 is 12000: a last digit right after a unit counts in the place below it
    section += !zeroSeen && lastPlace >= 100 ? (digit * lastPlace) / 10 : digit;
  }
  return total + section;
}
