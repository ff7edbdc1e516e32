import { yearOf, type IsoDate } from '../logic/dates.js';
import { perYearPath, type FactPath } from './catalog.js';
import { PER_YEAR_KEYS, type Facts, type PerYearKey } from './schema.js';

/** The last fiscal year completed before the evaluation date (China's fiscal year is the calendar year). */
export function lastFiscalYear(asOf: IsoDate): number {
  return yearOf(asOf) - 1;
}

/**
 * The fiscal years a "近三个会计年度" test looks at: the last three completed before `asOf`, fewer for an
 * enterprise registered since ("实际经营期不满三年的按实际经营时间计算"), the year of registration counting.
 */
export function assessmentYears(asOf: IsoDate, registrationDate: IsoDate): number[] {
  const last = lastFiscalYear(asOf);
  const first = Math.max(last - 2, yearOf(registrationDate));
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return years;
}

/**
 * The latest the enterprise can have been registered: its registration date, or while that is unknown, the
 * day its 高企 certificate was issued, the day it was registered in 南通, the end of the first fiscal year it
 * gives a figure for (no enterprise holds a certificate, moves or has accounts before it exists), or else the
 * evaluation date.
 */
export function latestRegistration(facts: Facts, asOf: IsoDate): IsoDate {
  if (facts.registrationDate !== undefined) return facts.registrationDate;
  let latest = asOf;
  for (const d of [facts.hnteCertDate, facts.nantongRegistrationDate]) if (d !== undefined && d < latest) latest = d;
  // a figure for a fiscal year says the enterprise existed by the end of it
  let first = Infinity;
  for (const key of PER_YEAR_KEYS) {
    const figures = facts[key];
    if (figures !== undefined) for (const year in figures) first = Math.min(first, Number(year));
  }
  // an ISO date has four year digits: a year key such as "0000" must compare and parse as one
  const endOfFirst = `${String(first).padStart(4, '0')}-12-31`;
  if (first !== Infinity && endOfFirst < latest) latest = endOfFirst;
  return latest;
}

/**
 * Every set of years the test might look at. One set when the registration date is known; while it is not,
 * each possibility from three years down to as few as the latest possible registration allows, so that nothing
 * is decided that the date could still undo.
 */
export function possibleAssessmentYears(facts: Facts, asOf: IsoDate): number[][] {
  if (facts.registrationDate !== undefined) return [assessmentYears(asOf, facts.registrationDate)];
  const windows: number[][] = [];
  const last = lastFiscalYear(asOf);
  const latestFirst = Math.max(last - 2, Math.min(last + 1, yearOf(latestRegistration(facts, asOf))));
  for (let first = last - 2; first <= latestFirst; first++) {
    windows.push(assessmentYears(asOf, `${first}-01-01`));
  }
  return windows;
}

export function yearFigure(facts: Facts, key: PerYearKey, year: number): number | undefined {
  // year keys are array-index-like, so a number reads them without building the string
  return facts[key]?.[year];
}

/** A per-year fact's figure for each of `years`, and the per-year facts among them the profile does not give. */
export function yearFigures(facts: Facts, key: PerYearKey, years: readonly number[]): { figures: (number | undefined)[]; missing: FactPath[] } {
  const figures: (number | undefined)[] = [];
  const missing: FactPath[] = [];
  for (const y of years) {
    const v = yearFigure(facts, key, y);
    figures.push(v);
    if (v === undefined) missing.push(perYearPath(key, y));
  }
  return { figures, missing };
}
