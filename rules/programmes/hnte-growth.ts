import type { FactPath } from '../facts/catalog.js';
import { yearFigures } from '../facts/fiscal-years.js';
import type { Facts } from '../facts/schema.js';
import { bandFor, tableRange } from '../logic/bands.js';
import { money, percent, percentOf } from '../logic/format.js';
import { exactly, hull, sameInterval, showInterval, type Interval } from '../logic/interval.js';
import { add, divide, multiply, rational, subtract, type Rational } from '../logic/rational.js';
import type { HnteScoring } from '../parameters/hnte.js';

/** 企业成长性 as one edition of the 指引 scores it */
type Growth = HnteScoring['growth'];

const ONE = rational(1);
const HALF = divide(ONE, rational(2));

export interface ScorePart {
  points: Interval;
  /** inputs whose value could still narrow `points` */
  open: FactPath[];
  /** the part in words, made only when read (most evaluations never show a score's details) */
  say: () => string;
}

type GrowthKey = 'netAssetsByYear' | 'salesRevenueByYear';
const NAME: Record<GrowthKey, string> = { netAssetsByYear: '净资产增长率', salesRevenueByYear: '销售收入增长率' };

function scored(G: Growth, name: string, rate: Rational, figures: number[]): ScorePart {
  const pct = percentOf(rate);
  const { points } = bandFor(pct, G.table);
  return { points, open: [], say: () => `${name} ${percent(pct)}（${figures.map(money).join('→')}），得${showInterval(points)}分` };
}

/**
 * One growth indicator on one set of fiscal years, with the 指引's rules: a first year of zero leaves the
 * last two; a zero second year, or a negative rate, scores nothing; and, a reading, a negative base year. With only two years of operation the
 * rate is the one year-on-year change; with fewer, there is no growth to measure.
 */
function growthOver(G: Growth, full: Interval, facts: Facts, key: GrowthKey, years: readonly number[]): ScorePart {
  const name = NAME[key];
  if (years.length < 2) return { points: exactly(0), open: [], say: () => `${name}：经营不足两个会计年度，无从计算，按0分` };
  const { figures: values, missing: open } = yearFigures(facts, key, years);
  const pivot = values[values.length - 2];
  if (pivot === 0) return { points: exactly(0), open: [], say: () => `${name}：${years[years.length - 2]}年为0，按0分` };
  // a first year already known to be negative is a negative base whatever the later years are
  const first = values[0];
  if (open.length && values.length === 3 && first !== undefined && first < 0) {
    return { points: exactly(0), open: [], say: () => `${name}：${years[0]}年为${money(first)}，以负数为基数的增长率不是公式所计算的情形，按0分（${G.negativeBase.reading}）` };
  }
  if (open.length) return { points: full, open, say: () => `${name}：尚缺 ${open.length} 个年度的数据` };
  const v = values as number[];
  // the divisors of the formula: the first two years, or the middle one when only the last two count
  const negativeBase = v.length === 2 || v[0] === 0 ? v[v.length - 2]! < 0 : v[0]! < 0 || v[1]! < 0;
  if (negativeBase) {
    return { points: exactly(0), open: [], say: () => `${name}：${v.map(money).join('→')}，以负数为基数的增长率不是公式所计算的情形，按0分（${G.negativeBase.reading}）` };
  }
  if (v.length === 2 || v[0] === 0) {
    const [a, b] = v.slice(-2) as [number, number];
    return scored(G, name, subtract(divide(rational(b), rational(a)), ONE), v.slice(-2));
  }
  const y1 = rational(v[0]!);
  const y2 = rational(v[1]!);
  const y3 = rational(v[2]!);
  return scored(G, name, subtract(multiply(HALF, add(divide(y2, y1), divide(y3, y2))), ONE), v);
}

export type GrowthPart = (facts: Facts, key: GrowthKey, windows: readonly (readonly number[])[]) => ScorePart;

/** One indicator as one edition of the 指引 scores it. */
export function growthPartOf(G: Growth): GrowthPart {
  const full = tableRange(G.table);
  return (facts, key, windows) => growthPart(G, full, facts, key, windows);
}

/** The indicator over whichever set of years applies; while the registration date is unknown, the hull of them all. */
function growthPart(G: Growth, full: Interval, facts: Facts, key: GrowthKey, windows: readonly (readonly number[])[]): ScorePart {
  // nearly always one set of years (the registration date is known): no list of parts to make
  if (windows.length === 1) return growthOver(G, full, facts, key, windows[0]!);
  // pushed, not map()ped: see addPointsOf (logic/interval.ts)
  const parts: ScorePart[] = [];
  const each: Interval[] = [];
  for (const w of windows) {
    const part = growthOver(G, full, facts, key, w);
    parts.push(part);
    each.push(part.points);
  }
  const points = hull(each);
  const agree = parts.every((p) => sameInterval(p.points, parts[0]!.points));
  // while every set of years scores alike the date cannot narrow it, but a missing figure still can
  const open: FactPath[] = agree ? [] : ['registrationDate'];
  for (const p of parts) open.push(...p.open);
  return { points, open, say: () => `${NAME[key]}：注册日期未知，计算年度未定（${parts[0]!.say()}）` };
}
