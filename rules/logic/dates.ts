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

function iso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/**
 * The same calendar day `years` later. A 29 February start lands on 28 February: the civil-law way of counting a
 * period whose end month has no corresponding day (the last day of that month).
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) return iso(new Date(Date.UTC(y + years, m, 0)));
  return iso(target);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return iso(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Today in the local calendar: the default evaluation date. */
export function today(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** 2022-01-01 as a Chinese text writes it: 2022年1月1日. */
export function chineseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}
