import { perYearPath, type FactPath } from '../facts/catalog.js';
import { yearFigure } from '../facts/fiscal-years.js';
import type { Facts } from '../facts/schema.js';
import type { Score } from '../engine/programme.js';
import { scoreComponent } from '../engine/score-component.js';
import { bandFor, tableRange, type BandTable } from '../logic/bands.js';
import { money, percent, percentOf } from '../logic/format.js';
import { addPointsOf, better, hull, showInterval, type Interval } from '../logic/interval.js';
import { distinct } from '../logic/distinct.js';
import { fraction, rational } from '../logic/rational.js';
import type { TechSmeStandard } from '../parameters/tech-sme.js';
import type { ScorePart } from './hnte-growth.js';
import { staffShare } from './staff-share.js';

function staffPart(T: TechSmeStandard, facts: Facts): ScorePart {
  const share = staffShare(facts);
  if (share.kind === 'unknown') return { points: tableRange(T.staff), open: share.open, say: () => '科技人员占比未知' };
  if (share.kind === 'none') return { points: T.staff.otherwise, open: [], say: () => `${share.why}，科技人员指标0分` };
  const { points } = bandFor(share.percent, T.staff);
  return { points, open: [], say: () => `科技人员占比 ${percent(share.percent)}（${share.staff}/${share.employees}），${points.min}分` };
}

/** One of the two R&D indicators: R&D over a base (sales, or costs and expenses) of the same year. */
function rdRoute(rd: number | undefined, base: number | undefined, basePath: FactPath, rdPath: FactPath, table: BandTable, baseName: string): ScorePart {
  if (rd === 0) return { points: table.otherwise, open: [], say: () => `研发费用为0，占${baseName}比例0分` };
  if (base === 0) return { points: table.otherwise, open: [], say: () => `${baseName}为0，无从计算占比，0分` };
  if (rd === undefined || base === undefined) {
    const open: FactPath[] = [];
    if (rd === undefined) open.push(rdPath);
    if (base === undefined) open.push(basePath);
    return { points: tableRange(table), open, say: () => `研发费用占${baseName}比例未知` };
  }
  const pct = percentOf(fraction(rd, base));
  const { points } = bandFor(pct, table);
  return { points, open: [], say: () => `研发费用 ${money(rd)} 占${baseName} ${money(base)} 的 ${percent(pct)}，${points.min}分` };
}

/** 研发投入: the enterprise picks the better of the two indicators, so only an indicator that could win stays open. */
function rdPart(T: TechSmeStandard, facts: Facts, year: number): ScorePart {
  const rd = yearFigure(facts, 'rdExpenseByYear', year);
  const rdPath = perYearPath('rdExpenseByYear', year);
  const ofSales = rdRoute(rd, yearFigure(facts, 'salesRevenueByYear', year), perYearPath('salesRevenueByYear', year), rdPath, T.rd.ofSales, '销售收入');
  const ofCosts = rdRoute(rd, facts.costExpensesLastYear, 'costExpensesLastYear', rdPath, T.rd.ofCosts, '成本费用支出总额');
  const open = [
    ...(ofSales.points.max > ofCosts.points.min ? ofSales.open : []),
    ...(ofCosts.points.max > ofSales.points.min ? ofCosts.open : []),
  ];
  return { points: better(ofSales.points, ofCosts.points), open: distinct(open), say: () => `${ofSales.say()}；${ofCosts.say()}（取较高者）` };
}

function classIIPoints(T: TechSmeStandard, count: number): Interval {
  return bandFor(rational(count), T.ip.classII).points;
}

/** 科技成果: one Ⅰ类 outranks any number of Ⅱ类. */
function ipPart(T: TechSmeStandard, { ipClassI: one, ipClassII: two }: Facts): ScorePart {
  const top = T.ip.classIAtLeastOne.points;
  if (one !== undefined && one >= 1) return { points: top, open: [], say: () => `Ⅰ类知识产权 ${one} 项，${top.min}分` };
  const twoRange = two === undefined ? tableRange(T.ip.classII) : classIIPoints(T, two);
  const twoText = two === undefined ? 'Ⅱ类数量未知' : `Ⅱ类知识产权 ${two} 项`;
  if (one === 0) return { points: twoRange, open: two === undefined ? ['ipClassII'] : [], say: () => `无Ⅰ类知识产权，${twoText}，${showInterval(twoRange)}分` };
  return {
    points: hull([top, twoRange]),
    open: two === undefined ? ['ipClassI', 'ipClassII'] : ['ipClassI'],
    say: () => `Ⅰ类知识产权数量未知，${twoText}`,
  };
}

const bandCites = (t: BandTable) => t.bands.flatMap((b) => (b.cite ? [b.cite] : []));

export interface TechSmeScore {
  score: Score;
  /** the 科技人员 indicator alone: (五) also requires it not to be 0 */
  staff: Interval;
  /** inputs that could still narrow the total, and those that could still narrow the staff indicator */
  open: FactPath[];
  staffOpen: FactPath[];
}

export type TechSmeScorer = (facts: Facts, year: number) => TechSmeScore;

/**
 * 第七条's three indicators for the last completed fiscal year, as one edition of the 办法 scores them. Each
 * indicator's most points are its table's top band (研发投入: the better of its two tables).
 */
export function techSmeScoreOf(T: TechSmeStandard): TechSmeScorer {
  const cites = {
    staff: [...T.staff.cites, ...bandCites(T.staff)],
    rd: [T.rd.choose, ...T.rd.ofSales.cites, ...T.rd.ofCosts.cites, ...bandCites(T.rd.ofSales), ...bandCites(T.rd.ofCosts)],
    ip: [T.ip.cite, T.ip.classIAtLeastOne.cite, ...T.ip.classII.cites, ...bandCites(T.ip.classII)],
  };
  const most = {
    staff: tableRange(T.staff).max,
    rd: Math.max(tableRange(T.rd.ofSales).max, tableRange(T.rd.ofCosts).max),
    ip: Math.max(T.ip.classIAtLeastOne.points.max, tableRange(T.ip.classII).max),
  };
  return (facts, year) => techSmeScore(T, facts, year, cites, most);
}

type ByIndicator<V> = { readonly staff: V; readonly rd: V; readonly ip: V };

function techSmeScore(T: TechSmeStandard, facts: Facts, year: number, cites: ByIndicator<Score['components'][number]['cites']>, most: ByIndicator<number>): TechSmeScore {
  const staff = staffPart(T, facts);
  const rd = rdPart(T, facts, year);
  const ip = ipPart(T, facts);
  const components = [
    { id: 'staff', label: '科技人员', max: most.staff, part: staff, cites: cites.staff },
    { id: 'rd', label: '研发投入', max: most.rd, part: rd, cites: cites.rd },
    { id: 'ip', label: '科技成果', max: most.ip, part: ip, cites: cites.ip },
  ];
  return {
    score: {
      points: addPointsOf([staff, rd, ip]),
      pass: T.score.pass.value,
      components: components.map((c) => scoreComponent(c.id, c.label, c.max, c.part, c.cites)),
    },
    staff: staff.points,
    open: distinct(staff.open.concat(rd.open, ip.open)),
    staffOpen: staff.open,
  };
}
