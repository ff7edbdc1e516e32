import { nfkc } from '../../knowledge/text/normalize.js';
import { chineseNumber } from '../understand/numerals.js';

const ARABIC = /\d+(?:,\d{3})*(?:\.\d+)?(?:[十百千](?![万亿]?[零〇一二两三四五六七八九]))?/gu;
const CHINESE = /[零〇一二两三四五六七八九十百千万亿]+/gu;
/** What may follow a Chinese numeral that counts or measures something (三年, 五家, 百分之六十 is handled apart). */
const COUNTER = /^[个项家年月日天周人名位次倍分元万亿%条款章节批期届份所种类级档件台套座笔户]/u;
const MULTIPLIER: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * 万 and 亿 stay units rather than multipliers, so "5000万元", "五千万元" and "5千万" all read 5000, as the
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

/**
 * Every figure a text states, as values: Arabic numbers (1,200 / 3.5 / 5% / 2023年) and Chinese numerals that
 * count or measure (三年, 五千万元, 百分之六十, 第十二条). A lone 一 is left out: in running Chinese it is nearly
 * always an article (一家企业, 进一步), and reading it as the figure 1 would reject sound answers for nothing.
 */
export function numbersIn(text: string): number[] {
  const t = nfkc(text);
  const out: number[] = [];
  for (const m of t.matchAll(ARABIC)) out.push(arabicValue(m[0]));
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
    const counted = COUNTER.test(after) || /[万亿]$/u.test(run) || /百分之$|第$/u.test(before);
    if (!counted || run === '一') continue;
    const value = chineseValue(run);
    if (value !== null) out.push(value);
  }
  return out;
}

/** The figures of `answer` that none of `sources` states. */
export function unsupportedNumbers(answer: string, sources: string[]): number[] {
  const known = new Set(sources.flatMap(numbersIn));
  return [...new Set(numbersIn(answer))].filter((n) => !known.has(n));
}
