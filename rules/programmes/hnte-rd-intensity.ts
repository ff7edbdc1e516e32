import type { FactPath } from '../facts/catalog.js';
import { yearFigures } from '../facts/fiscal-years.js';
import type { Facts } from '../facts/schema.js';
import type { Judgement } from '../engine/condition.js';
import { judgementSaying } from '../engine/said-later.js';
import { satisfies } from '../logic/bounds.js';
import { money, percent, percentOf } from '../logic/format.js';
import { add, ceiling, compare, divide, isZero, multiply, rational, subtract, sumKnown, toNumber, type Rational } from '../logic/rational.js';
import type { HnteMeasures } from '../parameters/hnte.js';

/** 第十一条（五）'s bands of one edition of the 办法 */
type RateBands = HnteMeasures['rdIntensity']['bands'];
type RateBand = RateBands[number];

const HUNDRED = rational(100);

function bandForSales(bands: RateBands, latestSales: number): RateBand {
  return bands.find((b) => latestSales <= b.salesUpTo)!;
}

/** one edition's bands, and the lowest rate among them (the floor while the latest year's sales are unknown) */
interface Bands {
  bands: RateBands;
  lowest: RateBand['rate'];
}

function yearsText(years: readonly number[]): string {
  return years.length === 1 ? `${years[0]}年` : `${years[0]}–${years[years.length - 1]}年`;
}

/**
 * 第十一条（五）on one set of fiscal years: three-year R&D over three-year sales, against the rate of the band
 * the latest year's sales fall in. Decides only what no missing figure could undo: unknown R&D can only add to
 * the numerator, unknown sales only to the denominator.
 */
function rdIntensityOver({ bands, lowest }: Bands, facts: Facts, years: readonly number[]): Judgement {
  // "实际经营期不满三年的按实际经营时间计算": by the day （一） lets it apply a year has closed, so this is a wait, not a gap
  if (years.length === 0) return { status: 'unknown', detail: '尚无已结束的会计年度；待首个会计年度结束后按实际经营时间计算研发费用占比', open: [] };
  const latest = years[years.length - 1]!;
  const { figures: rd, missing: openRd } = yearFigures(facts, 'rdExpenseByYear', years);
  const { figures: sales, missing: openSales } = yearFigures(facts, 'salesRevenueByYear', years);
  const rdKnown = sumKnown(rd);
  const salesKnown = sumKnown(sales);
  const latestSales = sales[sales.length - 1];
  const span = yearsText(years);

  if (openSales.length === 0) {
    if (isZero(salesKnown)) return { status: 'unmet', detail: `${span}销售收入合计为0，研发费用占比无从达到要求` };
    const band = bandForSales(bands, latestSales!);
    const required = multiply(salesKnown, divide(band.rate.exact, HUNDRED));
    const share = percentOf(divide(rdKnown, salesKnown));
    const say = () =>
      `${span}研发费用${openRd.length ? '已知部分' : ''}合计 ${money(toNumber(rdKnown))}，销售收入合计 ${money(toNumber(salesKnown))}，占比 ${percent(share, band.rate.value)}` +
      `；${latest}年销售收入 ${money(latestSales!)}，属“${band.label}”，要求${band.rate.text}`;
    if (satisfies(share, band.rate)) {
      const spare = toNumber(subtract(rdKnown, required));
      return judgementSaying('met', say, spare < toNumber(required) * 0.1 ? `研发费用仅比要求多约 ${money(spare)}，余量很小` : undefined, undefined, [band.cite]);
    }
    if (openRd.length) {
      const open = judgementSaying('unknown', say, undefined, openRd, [band.cite]);
      const risk = shortOnKnownYears(years, rd, sales, band);
      // every sales figure known: what the years still missing must bring is exact
      if (risk) open.gap = `${risk.said}；${openRd.map(yearOf).join('、')}年研发费用需${openRd.length > 1 ? '合计' : ''}达到约 ${money(roundUp(subtract(required, rdKnown)))}，${span}合计才能达标`;
      return open;
    }
    return judgementSaying('unmet', say, nextWindowGap(bands, years, rd, sales)!, undefined, [band.cite]);
  }

  // Some sales unknown: more sales only raise the bar, so R&D already short of the lowest possible bar stays short.
  const rate = latestSales === undefined ? lowest : bandForSales(bands, latestSales).rate;
  const floor = multiply(salesKnown, divide(rate.exact, HUNDRED));
  const say = () => `${span}销售收入尚缺 ${openSales.length} 个年度，研发费用${openRd.length ? `尚缺 ${openRd.length} 个年度` : `合计 ${money(toNumber(rdKnown))}`}`;
  if (openRd.length === 0 && compare(rdKnown, floor) < 0) {
    // those years are closed: what can still change is the next set's R&D, when its figures are known
    const short = `${span}已结束，无法再补（仅按已知销售收入计，已比要求少约 ${money(roundUp(subtract(floor, rdKnown)))}）`;
    return judgementSaying(
      'unmet',
      () => `${say()}；仅按已知销售收入 ${money(toNumber(salesKnown))} 计，占比已低于${rate.value}%`,
      nextWindowGap(bands, years, rd, sales) ?? `${short}；下次申请按其后的会计年度计算`,
    );
  }
  const open = judgementSaying('unknown', say, undefined, openSales.concat(openRd));
  // the band is known once the latest year's sales are: the years known may already fall short of it
  const risk = latestSales === undefined ? null : shortOnKnownYears(years, rd, sales, bandForSales(bands, latestSales));
  if (risk) {
    // every R&D figure known: what is still open is those years' sales, and they can only lower the share
    const salesCap = openRd.length === 0 ? roundDown(subtract(divide(rdKnown, divide(rate.exact, HUNDRED)), salesKnown)) : null;
    open.gap = salesCap === null
      ? `${risk.said}；${risk.others}年研发费用须超出当年销售收入的${rate.value}%，且超出部分合计不少于约 ${money(risk.short)}，${span}合计才能达标`
      : `${risk.said}；${span}研发费用合计 ${money(toNumber(rdKnown))}，${openSales.map(yearOf).join('、')}年销售收入${openSales.length > 1 ? '合计' : ''}不超过约 ${money(salesCap)}，${span}合计才能达标`;
  }
  return open;
}

const yearOf = (path: FactPath): string => path.slice(path.indexOf('.') + 1);

/**
 * At risk though not yet decided: the years whose R&D and sales are both known already fall short of the band's
 * rate, so the three-year total reaches it only if the other years make up the shortfall. The shortfall in words
 * and in 万元, and the other years; null when the known years hold their own (or none is known).
 */
function shortOnKnownYears(years: readonly number[], rd: readonly (number | undefined)[], sales: readonly (number | undefined)[], band: RateBand): { said: string; short: number; others: string } | null {
  // summed as they are found, no lists made by map() (see addPointsOf, logic/interval.ts)
  const known: number[] = [];
  let rdSum = rational(0);
  let salesSum = rational(0);
  for (let i = 0; i < years.length; i++) {
    if (rd[i] === undefined || sales[i] === undefined) continue;
    known.push(i);
    rdSum = add(rdSum, rational(rd[i]!));
    salesSum = add(salesSum, rational(sales[i]!));
  }
  if (known.length === 0 || isZero(salesSum)) return null;
  const share = percentOf(divide(rdSum, salesSum));
  if (satisfies(share, band.rate)) return null;
  const short = roundUp(subtract(multiply(salesSum, divide(band.rate.exact, HUNDRED)), rdSum));
  return {
    said: `已知的${known.map((i) => years[i]).join('、')}年研发费用占比 ${percent(share, band.rate.value)}，低于${band.rate.value}%，比要求少约 ${money(short)}`,
    short,
    others: years.filter((_, i) => !known.includes(i)).join('、'),
  };
}

/**
 * A shortfall over years already closed cannot be made up; the gap points at the next set of years, the one an
 * application next year looks at: the year now running joins it, and its R&D is what can still change. Its sales
 * are not known yet, so they are taken as last year's (a reading; said in the text). Null when a figure of the
 * next set is unknown.
 */
function nextWindowGap(bands: RateBands, years: readonly number[], rdByYear: readonly (number | undefined)[], salesByYear: readonly (number | undefined)[]): string | null {
  const running = years[years.length - 1]! + 1;
  const keep = years.length >= 3 ? 1 : 0;
  const next = years.slice(keep).concat([running]);
  const rd = rdByYear.slice(keep);
  const sales = salesByYear.slice(keep);
  // a figure of the next set unknown (the year it drops may be): no amount to name
  if (!isKnown(rd) || !isKnown(sales)) return null;
  const lastSales = sales[sales.length - 1]!;
  const salesTotal = add(sumKnown(sales), rational(lastSales));
  const band = bandForSales(bands, lastSales);
  const needed = subtract(multiply(salesTotal, divide(band.rate.exact, HUNDRED)), sumKnown(rd));
  const target = Math.max(0, roundUp(needed));
  return `${yearsText(years)}已结束，无法再补；下次申请按${yearsText(next)}计算：${running}年研发费用需达到约 ${money(target)}（按${running}年销售收入与${years[years.length - 1]}年持平 ${money(lastSales)} 估算，要求${band.rate.text}；${years[years.length - 1]}年为 ${money(rd[rd.length - 1]!)}）`;
}

const isKnown = (figures: readonly (number | undefined)[]): figures is number[] => figures.every((v) => v !== undefined);

/** Rounded down to 0.1万元, so a ceiling is never overstated. */
function roundDown(wan: Rational): number {
  return -Number(ceiling(multiply(wan, rational(-10)))) / 10;
}

/** Rounded up to 0.1万元, so "还需增加" never understates. */
function roundUp(wan: Rational): number {
  return Number(ceiling(multiply(wan, rational(10)))) / 10;
}

/**
 * Whatever set of years applies: decided only when every possible set gives the same verdict. The sets are
 * the three-year one and its later parts, so while the three-year verdict is open its missing years already
 * include every other set's.
 */
export type RdIntensity = (facts: Facts, windows: readonly (readonly number[])[]) => Judgement;

/** 第十一条（五）as one edition of the 办法 words it. */
export function rdIntensityOf(bands: RateBands): RdIntensity {
  const edition: Bands = { bands, lowest: bands.map((b) => b.rate).reduce((low, r) => (r.value < low.value ? r : low)) };
  return (facts, windows) => rdIntensity(edition, facts, windows);
}

function rdIntensity(bands: Bands, facts: Facts, windows: readonly (readonly number[])[]): Judgement {
  const widest = rdIntensityOver(bands, facts, windows[0]!);
  if (windows.length === 1) return widest;
  const verdicts = widest.status === 'unknown' ? [widest] : windows.map((w, i) => (i === 0 ? widest : rdIntensityOver(bands, facts, w)));
  if (widest.status !== 'unknown' && verdicts.every((v) => v.status === widest.status)) {
    widest.detail = `${widest.detail}（注册日期未知，按任何可能的经营年限结论相同）`;
    return widest;
  }
  const open: FactPath[] = ['registrationDate'];
  for (const v of verdicts) if (v.open) open.push(...v.open);
  const j = judgementSaying('unknown', () => `需先知道注册成立日期，才能确定计算研发费用占比的会计年度；${widest.detail}`, undefined, open);
  // at risk whatever the years: every possible set already falls short, or is at risk, on the figures known
  const every = widest.status === 'unknown' ? windows.map((w, i) => (i === 0 ? widest : rdIntensityOver(bands, facts, w))) : verdicts;
  const gap = widest.gap ?? every.find((v) => v.gap)?.gap;
  if (gap && every.every((v) => v.status === 'unmet' || (v.status === 'unknown' && v.gap))) j.gap = gap;
  return j;
}
