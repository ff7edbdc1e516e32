/** A score that is only known to lie between two whole numbers: it narrows as facts arrive. */
export interface Interval {
  readonly min: number;
  readonly max: number;
}

export function span(min: number, max: number): Interval {
  return { min, max };
}

export function exactly(points: number): Interval {
  return { min: points, max: points };
}

export function addIntervals(parts: Iterable<Interval>): Interval {
  let min = 0;
  let max = 0;
  for (const p of parts) {
    min += p.min;
    max += p.max;
  }
  return { min, max };
}

/**
 * The points of parts added up, read off each part: no list of intervals made just to be added. A list made by
 * map() can come out as another kind of array once the code making it is optimised, and the optimised code of
 * whatever reads it is then thrown away (the first pass over many profiles paid for that again and again).
 */
export function addPointsOf(parts: readonly { readonly points: Interval }[]): Interval {
  let min = 0;
  let max = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!.points;
    min += p.min;
    max += p.max;
  }
  return { min, max };
}

/** The smallest interval holding every one given: the score when it is not known which case applies. */
export function hull(parts: Iterable<Interval>): Interval {
  let min = Infinity;
  let max = -Infinity;
  for (const p of parts) {
    min = Math.min(min, p.min);
    max = Math.max(max, p.max);
  }
  if (min === Infinity) throw new RangeError('hull of no intervals');
  return { min, max };
}

/** The larger of two scores, when the rules let the enterprise pick the better of two indicators. */
export function better(a: Interval, b: Interval): Interval {
  return { min: Math.max(a.min, b.min), max: Math.max(a.max, b.max) };
}

export function capAt(i: Interval, cap: number): Interval {
  return { min: Math.min(i.min, cap), max: Math.min(i.max, cap) };
}

export function isPoint(i: Interval): boolean {
  return i.min === i.max;
}

export function sameInterval(a: Interval, b: Interval): boolean {
  return a.min === b.min && a.max === b.max;
}

function intervalText(min: number, max: number): string {
  return min === max ? `${min}` : `${min}–${max}`;
}

/** The most points any score here gives: scores and their parts are whole numbers from 0 to this. */
const MOST_POINTS = 100;
/** shown[min][max]: every evaluation shows a few dozen score intervals, nearly all of them the same few */
const shown: string[][] = [];

export function showInterval(i: Interval): string {
  const { min, max } = i;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max > MOST_POINTS || min > max) return intervalText(min, max);
  const row = (shown[min] ??= []);
  return (row[max] ??= intervalText(min, max));
}
