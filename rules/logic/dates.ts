/** Calendar dates as the contracts write them, YYYY-MM-DD; ISO strings compare correctly as text. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The same calendar day `years` later. A 29 February start lands on 28 February: the civil-law way of counting a
 * period whose end month has no corresponding day (the last day of that month).
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  const rest = date.slice(4);
  return `${year}${rest === '-02-29' && !isLeap(year) ? '-02-28' : rest}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Year, month and day of a YYYY-MM-DD date, read in place (from the end: a year past 9999 has five digits). */
function partsOf(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, -6)), Number(date.slice(-5, -3)), Number(date.slice(-2))];
}

function daysIn(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function dayBefore(date: IsoDate): IsoDate {
  const [y, m, d] = partsOf(date);
  if (d > 1) return `${y}-${pad(m)}-${pad(d - 1)}`;
  if (m > 1) return `${y}-${pad(m - 1)}-${pad(daysIn(y, m - 1))}`;
  return `${y - 1}-12-31`;
}

/** Today in the local calendar: the default evaluation date. */
export function today(now: Date = new Date()): IsoDate {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** 2022-01-01 as a Chinese text writes it: 2022年1月1日. */
export function chineseDate(date: IsoDate): string {
  const [y, m, d] = partsOf(date);
  return `${y}年${m}月${d}日`;
}
