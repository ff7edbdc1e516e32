import { nfkc } from '../../knowledge/text/normalize.js';
import { chineseNumber } from './numerals.js';

export type ParsedDate = { date: string } | { year: number; month?: number; partial: true };

/** Digits or Chinese numerals (十五, 二〇二四) as a number; NaN for anything else. */
export function num(s: string): number {
  return /^\d+$/u.test(s) ? Number(s) : (chineseNumber(s) ?? Number.NaN);
}

/** YYYY-MM-DD for a real calendar day, null for one that does not exist (2023-02-30). */
export function iso(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const CN = '[零〇一二两三四五六七八九十]';

/**
 * A calendar date in an ordinary answer: 2024年3月15日 / 2024.3.15 / 2024-03-15 / 2024/3/15 / 二〇二四年三月十五日.
 * A year or a year and month alone come back as partial, so the dialog can ask for the rest instead of guessing.
 * null for anything else, including impossible dates (2023-02-30).
 */
export function parseDate(text: string): ParsedDate | null {
  const t = nfkc(text).replace(/\s+/g, '');
  const full = new RegExp(`(\\d{4}|${CN}{4})[年.\\-/](\\d{1,2}|${CN}{1,3})[月.\\-/](\\d{1,2}|${CN}{1,3})[日号]?`, 'u').exec(t);
  if (full) {
    const d = iso(num(full[1]!), num(full[2]!), num(full[3]!));
    return d ? { date: d } : null;
  }
  const compact = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/u.exec(t);
  if (compact) {
    const d = iso(Number(compact[1]), Number(compact[2]), Number(compact[3]));
    if (d) return { date: d };
  }
  const month = new RegExp(`(\\d{4}|${CN}{4})[年.\\-/](\\d{1,2}|${CN}{1,3})月?(?![\\d日号])`, 'u').exec(t);
  if (month) {
    const y = num(month[1]!);
    const m = num(month[2]!);
    return m >= 1 && m <= 12 ? { year: y, month: m, partial: true } : null;
  }
  const year = new RegExp(`(\\d{4}|${CN}{4})年`, 'u').exec(t) ?? /^(\d{4})$/u.exec(t);
  if (year) return { year: num(year[1]!), partial: true };
  return null;
}
