import type { FactPath } from '../facts/catalog.js';
import { yearFigures } from '../facts/fiscal-years.js';
import type { Facts } from '../facts/schema.js';
import type { Judgement } from '../engine/condition.js';
import { satisfies } from '../logic/bounds.js';
import { money, percent, percentOf } from '../logic/format.js';
import { ceiling, compare, divide, isZero, multiply, rational, subtract, sum, sumKnown, toNumber, type Rational } from '../logic/rational.js';
import { HNTE_MEASURES } from '../parameters/hnte-2016.js';

type RateBand = (typeof HNTE_MEASURES.rdIntensity.bands)[number];

const BANDS = HNTE_MEASURES.rdIntensity.bands;
const LOWEST_RATE = BANDS.reduce((low, b) => (b.rate.value < low.value ? b.rate : low), BANDS[0].rate);
const HUNDRED = rational(100);

function bandForSales(latestSales: number): RateBand {
  return BANDS.find((b) => latestSales <= b.salesUpTo)!;
}

function yearsText(years: readonly number[]): string {
  return years.length === 1 ? `${years[0]}年` : `${years[0]}–${years[years.length - 1]}年`;
}

/**
 * 第十一条（五）on one set of fiscal years: three-year R&D over three-year sales, against the rate of the band
 * the latest year's sales fall in. Decides only what no missing figure could undo: unknown R&D can only add to
 * the numerator, unknown sales only to the denominator.
 */
export function rdIntensityOver(facts: Facts, years: readonly number[]): Judgement {
  if (years.length === 0) return { status: 'unmet', detail: '尚无已结束的会计年度，无法计算研发费用占比' };
  const latest = years[years.length - 1]!;
  const { figures: rd, missing: openRd } = yearFigures(facts, 'rdExpenseByYear', years);
  const { figures: sales, missing: openSales } = yearFigures(facts, 'salesRevenueByYear', years);
  const rdKnown = sumKnown(rd);
  const salesKnown = sumKnown(sales);
  const latestSales = sales[sales.length - 1];
  const span = yearsText(years);

  if (openSales.length === 0) {
    if (isZero(salesKnown)) return { status: 'unmet', detail: `${span}销售收入合计为0，研发费用占比无从达到要求` };
    const band = bandForSales(latestSales!);
    const required = multiply(salesKnown, divide(band.rate.exact, HUNDRED));
    const share = percentOf(divide(rdKnown, salesKnown));
    const head = `${span}研发费用${openRd.length ? '已知部分' : ''}合计 ${money(toNumber(rdKnown))}，销售收入合计 ${money(toNumber(salesKnown))}，占比 ${percent(share, band.rate.value)}`;
    const detail = `${head}；${latest}年销售收入 ${money(latestSales!)}，属“${band.label}”，要求不低于${band.rate.value}%`;
    if (satisfies(share, band.rate)) {
      const spare = toNumber(subtract(rdKnown, required));
      return spare < toNumber(required) * 0.1
        ? { status: 'met', detail, cites: [band.cite], gap: `研发费用仅比要求多约 ${money(spare)}，余量很小` }
        : { status: 'met', detail, cites: [band.cite] };
    }
    if (openRd.length) return { status: 'unknown', detail, open: openRd, cites: [band.cite] };
    return { status: 'unmet', detail, cites: [band.cite], gap: nextWindowGap(years, rd as number[], sales as number[]) };
  }

  // Some sales unknown: more sales only raise the bar, so R&D already short of the lowest possible bar stays short.
  const rate = latestSales === undefined ? LOWEST_RATE : bandForSales(latestSales).rate;
  const floor = multiply(salesKnown, divide(rate.exact, HUNDRED));
  const detail = `${span}销售收入尚缺 ${openSales.length} 个年度，研发费用${openRd.length ? `尚缺 ${openRd.length} 个年度` : `合计 ${money(toNumber(rdKnown))}`}`;
  if (openRd.length === 0 && compare(rdKnown, floor) < 0) {
    return {
      status: 'unmet',
      detail: `${detail}；仅按已知销售收入 ${money(toNumber(salesKnown))} 计，占比已低于${rate.value}%`,
      gap: `${span}研发费用至少还需增加约 ${money(roundUp(subtract(floor, rdKnown)))}`,
    };
  }
  return { status: 'unknown', detail, open: [...openSales, ...openRd] };
}

/**
 * A shortfall over years already closed cannot be made up; the gap points at the next set of years, the one an
 * application next year looks at: the year now running joins it, and its R&D is what can still change. Its sales
 * are not known yet, so they are taken as last year's (a reading; said in the text).
 */
function nextWindowGap(years: readonly number[], rd: readonly number[], sales: readonly number[]): string {
  const running = years[years.length - 1]! + 1;
  const keep = years.length >= 3 ? 1 : 0;
  const next = [...years.slice(keep), running];
  const lastSales = sales[sales.length - 1]!;
  const salesTotal = sum([...sales.slice(keep), lastSales].map(rational));
  const band = bandForSales(lastSales);
  const needed = subtract(multiply(salesTotal, divide(band.rate.exact, HUNDRED)), sum(rd.slice(keep).map(rational)));
  const target = Math.max(0, roundUp(needed));
  return `${yearsText(years)}已结束，无法再补；下次申请按${yearsText(next)}计算：${running}年研发费用需达到约 ${money(target)}（按${running}年销售收入与${years[years.length - 1]}年持平 ${money(lastSales)} 估算，要求不低于${band.rate.value}%；${years[years.length - 1]}年为 ${money(rd[rd.length - 1]!)}）`;
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
export function rdIntensity(facts: Facts, windows: readonly (readonly number[])[]): Judgement {
  const widest = rdIntensityOver(facts, windows[0]!);
  if (windows.length === 1) return widest;
  const verdicts = widest.status === 'unknown' ? [widest] : windows.map((w, i) => (i === 0 ? widest : rdIntensityOver(facts, w)));
  if (widest.status !== 'unknown' && verdicts.every((v) => v.status === widest.status)) {
    widest.detail = `${widest.detail}（注册日期未知，按任何可能的经营年限结论相同）`;
    return widest;
  }
  const open: FactPath[] = ['registrationDate'];
  for (const v of verdicts) if (v.open) open.push(...v.open);
  return { status: 'unknown', detail: `需先知道注册成立日期，才能确定计算研发费用占比的会计年度；${widest.detail}`, open };
}
