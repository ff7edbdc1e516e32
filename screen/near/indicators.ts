import { assessmentYears, lastFiscalYear, yearFigure } from '../../rules/facts/fiscal-years.js';
import type { Facts } from '../../rules/facts/schema.js';
import type { IsoDate } from '../../rules/logic/dates.js';
import { toNumber } from '../../rules/logic/rational.js';
import { hnteMeasuresAt } from '../../rules/parameters/hnte.js';
import { staffShare } from '../../rules/programmes/staff-share.js';

/** 第十一条（五）'s figures over a set of fiscal years, when every one of them is known. */
export interface RdRatio {
  /** three-year (or shorter) R&D over sales, % */
  ratio: number;
  /** the rate the latest year's sales band requires, % */
  required: number;
  latestSales: number;
}

/** The ratio over `years` against the bands of the 办法 in force on `asOf`. */
export function rdRatioOver(facts: Facts, years: readonly number[], asOf: IsoDate): RdRatio | null {
  if (years.length === 0) return null;
  let rd = 0;
  let sales = 0;
  for (const y of years) {
    const r = yearFigure(facts, 'rdExpenseByYear', y);
    const s = yearFigure(facts, 'salesRevenueByYear', y);
    if (r === undefined || s === undefined) return null;
    rd += r;
    sales += s;
  }
  if (sales === 0) return null;
  const latestSales = yearFigure(facts, 'salesRevenueByYear', years[years.length - 1]!)!;
  const required = hnteMeasuresAt(asOf).rdIntensity.bands.find((b) => latestSales <= b.salesUpTo)!.rate.value;
  return { ratio: (rd / sales) * 100, required, latestSales };
}

/** The two figures the report charts for every enterprise: science-staff share and R&D intensity. */
export interface Indicators {
  scienceSharePct: number | null;
  rd: RdRatio | null;
}

export function indicatorsOf(facts: Facts, asOf: IsoDate): Indicators {
  const share = staffShare(facts);
  const last = lastFiscalYear(asOf);
  // with the registration date unknown, the full three years: what most established enterprises are judged on
  const years = facts.registrationDate ? assessmentYears(asOf, facts.registrationDate) : [last - 2, last - 1, last];
  return {
    scienceSharePct: share.kind === 'known' ? toNumber(share.percent) : share.kind === 'none' ? 0 : null,
    rd: rdRatioOver(facts, years, asOf),
  };
}
