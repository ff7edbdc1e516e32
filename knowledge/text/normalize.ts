import { toSimplified } from './traditional.js';

/**
 * Text comparison in the Chinese copies we hold: width and compatibility forms differ between copies (（ vs (),
 * and spaces are page layout ("组  长：宋  涯"), so comparisons use NFKC and drop white space entirely.
 */
export function nfkc(text: string): string {
  return text.normalize('NFKC');
}

/** The form two texts are compared in: NFKC with all white space removed. */
export function comparable(text: string): string {
  return nfkc(text).replace(/\s+/gu, '');
}

/** True when `part` is a verbatim piece of `whole`, up to width forms and white space. */
export function containsVerbatim(whole: string, part: string): boolean {
  const p = comparable(part);
  return p.length > 0 && comparable(whole).includes(p);
}

// C0/C1 controls (except tab and newline), zero-width and bidi marks: never meaningful in a question.
/**
 * Text as it is indexed: NFKC, with the layout spaces between Chinese characters removed ("组  长：宋  涯" reads
 * 组长：宋涯) so segmentation and substring search see the words; spaces between Latin words stay.
 */
export function indexable(text: string): string {
  return toSimplified(nfkc(text)).replace(/(?<=[\p{Script=Han}\p{P}])[ \t\u3000]+(?=[\p{Script=Han}\p{P}])/gu, '');
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/gu;

/** A user's question made safe to process: NFKC, controls removed, white space folded, trimmed. */
export function cleanQuestion(text: string): string {
  return nfkc(text).replace(CONTROL, '').replace(/\s+/gu, ' ').trim();
}

const CJK = /\p{Script=Han}/u;
export function hasHan(text: string): boolean {
  return CJK.test(text);
}
export function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (CJK.test(ch)) n++;
  return n;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const CN_PLACES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十一 → 11, 二十三 → 23, 一百零五 → 105, 三千 → 3000; Arabic numbers (2.5) pass through. Returns NaN for anything else. */
export function chineseNumeral(text: string): number {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in CN_DIGITS) current = CN_DIGITS[ch]!;
    else if (ch in CN_PLACES) {
      total += (current || 1) * CN_PLACES[ch]!;
      current = 0;
    } else return Number.NaN;
  }
  return total + current;
}

const CN_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 11 → 十一, 23 → 二十三 (1–99, as article numbers are written). */
export function toChineseNumeral(n: number): string {
  if (n < 10) return CN_NUMERALS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_NUMERALS[tens]}十${ones ? CN_NUMERALS[ones] : ''}`;
}
