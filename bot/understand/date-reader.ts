import { iso, num as n } from './dates.js';
import type { Reading } from './reading.js';

const CN = '[零〇一二两三四五六七八九十]';
const Y = `(\\d{4}|\\d{2}|${CN}{2,4}|今年|去年|前年|本年)`;
const M = `(\\d{1,2}|${CN}{1,3})`;
/** between year and month: 年, 年的, a dot or dash; nothing after 今年 / 去年 */
const SEP = '(?:年的?|[.\\-/]|(?<=今年|去年|前年|本年))';


/** A year as written: 2019, 19 / 97 (two digits: this century unless that is in the future), 今年, 去年, 二〇一九. */
function fullYear(word: string, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  if (word === '今年' || word === '本年') return thisYear;
  if (word === '去年') return thisYear - 1;
  if (word === '前年') return thisYear - 2;
  const y = n(word);
  if (y >= 100) return y;
  return 2000 + y > thisYear ? 1900 + y : 2000 + y;
}

/**
 * A date in an owner's words, as precise as they gave it: a full date (今年1月15号, 17年6月1号, 2020/8/3, 20200615,
 * 二〇一六年十一月八日), a month (2023年9月, 2019.3, 去年3月, 上个月, 16年9月), or a year (2015年, 19年底). A date with
 * a two-digit year and dots (23.11.2) could be read either way and is asked back; 五一前后 is too loose to use.
 */
export function readDate(text: string, today: string): Reading {
  if (/还没(有)?注册|尚未注册|没注册|未注册|在办/u.test(text)) return { kind: 'ask', why: 'not registered' };
  if (/(\d+|[一二两三四五六七八九十]+)年(前|以前|了)|好几年|多年/u.test(text)) return { kind: 'ask', why: 'vague' };
  const compact = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/u.exec(text);
  if (compact) {
    const d = iso(Number(compact[1]), Number(compact[2]), Number(compact[3]));
    return d ? { kind: 'value', value: d } : { kind: 'reject' };
  }
  const full = new RegExp(`${Y}${SEP}${M}[月.\\-/]${M}[日号]?`, 'u').exec(text);
  if (full) {
    const d = iso(fullYear(full[1]!, today), n(full[2]!), n(full[3]!));
    return d ? { kind: 'value', value: d } : { kind: 'reject' };
  }
  if (/前后|左右|五一|国庆|春节|年初|年中|上半年|下半年|那会/u.test(text) && !/\d{1,2}月|月份/u.test(text)) return { kind: 'ask', why: 'vague' };
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  if (/上个?月/u.test(text)) return thisMonth === 1 ? { kind: 'month', year: thisYear - 1, month: 12 } : { kind: 'month', year: thisYear, month: thisMonth - 1 };
  if (/这个月|本月/u.test(text)) return { kind: 'month', year: thisYear, month: thisMonth };
  const month = new RegExp(`${Y}${SEP}${M}(?:月份?)?(?![\\d日号])`, 'u').exec(text);
  if (month && (/月/u.test(month[0]) || /^\d/u.test(month[2]!))) {
    const m = n(month[2]!);
    return m >= 1 && m <= 12 ? { kind: 'month', year: fullYear(month[1]!, today), month: m } : { kind: 'reject' };
  }
  const year = new RegExp(`${Y}年`, 'u').exec(text) ?? /^(\d{4})$/u.exec(text);
  if (year) {
    return { kind: 'year', year: fullYear(year[1]!, today) };
  }
  const relative = /大前年|前年|去年|今年/u.exec(text)?.[0];
  if (relative) return { kind: 'year', year: Number(today.slice(0, 4)) - ({ 大前年: 3, 前年: 2, 去年: 1, 今年: 0 } as Record<string, number>)[relative]! };
  return { kind: 'reject' };
}
