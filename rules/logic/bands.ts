import type { CitationRef } from '../../knowledge/citation.js';
import { satisfies, type Bound } from './bounds.js';
import type { Interval } from './interval.js';
import type { Rational } from './rational.js';

/** One grade of a scoring table: a value at or beyond `from` (as its word says) earns `points`. */
export interface ScoreBand {
  readonly from: Bound;
  readonly points: Interval;
  /** the table line that states this grade, where the source has one of its own */
  readonly cite?: CitationRef;
}

/** A scoring table read from the top: the first band the value reaches decides; below them all, `otherwise`. */
export interface BandTable {
  readonly bands: readonly ScoreBand[];
  readonly otherwise: Interval;
  readonly cites: readonly CitationRef[];
}

export function bandFor(value: Rational, table: BandTable): { points: Interval; band?: ScoreBand } {
  for (const band of table.bands) if (satisfies(value, band.from)) return { points: band.points, band };
  return { points: table.otherwise };
}

/** Every score the table can give: what an unknown input contributes. */
export function tableRange(table: BandTable): Interval {
  let min = table.otherwise.min;
  let max = table.otherwise.max;
  for (const b of table.bands) {
    min = Math.min(min, b.points.min);
    max = Math.max(max, b.points.max);
  }
  return { min, max };
}
