import type { IsoDate } from '../logic/dates.js';
import { editionAt, type Edition } from '../logic/editions.js';
import { HNTE_MEASURES_2016 } from './hnte-2016.js';
import { HNTE_SCORING_2016 } from './hnte-scoring-2016.js';

/** What every edition of the 认定管理办法 states for 高企 recognition: the 2016 edition's shape. */
export type HnteMeasures = typeof HNTE_MEASURES_2016;
/** What every edition of the 工作指引 states for the innovation score: the 2016 edition's shape. */
export type HnteScoring = typeof HNTE_SCORING_2016;

/**
 * Every edition of the 办法, oldest first, each from the day it applies. The two texts are revised apart, so each
 * has its own list: a new edition of either is a new parameters file beside the 2016 one and one entry here.
 */
export const HNTE_MEASURES_EDITIONS: readonly Edition<HnteMeasures>[] = [{ since: '2016-01-01', values: HNTE_MEASURES_2016 }];

/** Every edition of the 工作指引's scoring, oldest first. */
export const HNTE_SCORING_EDITIONS: readonly Edition<HnteScoring>[] = [{ since: '2016-06-22', values: HNTE_SCORING_2016 }];

/** The 办法 in force on `asOf` (the first edition before its own first day, see editionAt). */
export function hnteMeasuresAt(asOf: IsoDate): HnteMeasures {
  return editionAt(HNTE_MEASURES_EDITIONS, asOf).values;
}

/** The 工作指引's scoring in force on `asOf`. */
export function hnteScoringAt(asOf: IsoDate): HnteScoring {
  return editionAt(HNTE_SCORING_EDITIONS, asOf).values;
}
