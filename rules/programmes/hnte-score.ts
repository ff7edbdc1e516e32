import type { FactPath } from '../facts/catalog.js';
import type { Facts, Grade } from '../facts/schema.js';
import type { Score, ScoreComponent } from '../engine/programme.js';
import { scoreComponent } from '../engine/score-component.js';
import { bandFor, tableRange } from '../logic/bands.js';
import { plain } from '../logic/format.js';
import { addIntervals, addPointsOf, capAt, exactly, hull, isPoint, showInterval, span, type Interval } from '../logic/interval.js';
import { distinct } from '../logic/distinct.js';
import { rational } from '../logic/rational.js';
import type { HnteScoring } from '../parameters/hnte.js';
import { growthPartOf, type GrowthPart, type ScorePart } from './hnte-growth.js';

const GRADE_NAMES = {
  techAdvancement: { A: '高', B: '较高', C: '一般', D: '较低', E: '无' },
  coreSupportLevel: { A: '强', B: '较强', C: '一般', D: '较弱', E: '无' },
} as const;

function openOf(parts: readonly { open: readonly FactPath[] }[]): FactPath[] {
  const open: FactPath[] = [];
  for (const p of parts) open.push(...p.open);
  return open;
}

type GradeBands = HnteScoring['ip']['techAdvancement']['bands'];

/** `anyGrade`: what a grade not given yet can still score */
function gradePart(facts: Facts, key: 'techAdvancement' | 'coreSupportLevel', name: string, bands: GradeBands, anyGrade: Interval): ScorePart {
  const grade: Grade | undefined = facts[key];
  if (grade === undefined) return { points: anyGrade, open: [key], say: () => `${name}未知` };
  const points = bands[grade];
  return { points, open: [], say: () => `${name} ${grade}（${GRADE_NAMES[key][grade]}）${showInterval(points)}分` };
}

function classIIPoints(S: HnteScoring, count: number): Interval {
  return bandFor(rational(count), S.ip.count.classII).points;
}

/** 知识产权数量: one Ⅰ类 outranks any number of Ⅱ类. */
function ipCountPart(S: HnteScoring, { ipClassI: one, ipClassII: two }: Facts): ScorePart {
  if (one !== undefined && one >= 1) return { points: S.ip.count.classIAtLeastOne, open: [], say: () => `Ⅰ类知识产权 ${one} 项 ${showInterval(S.ip.count.classIAtLeastOne)}分` };
  const twoRange = two === undefined ? tableRange(S.ip.count.classII) : classIIPoints(S, two);
  const twoText = two === undefined ? 'Ⅱ类数量未知' : `Ⅱ类 ${two} 项`;
  if (one === 0) return { points: twoRange, open: two === undefined ? ['ipClassII'] : [], say: () => `无Ⅰ类、${twoText}，知识产权数量 ${showInterval(twoRange)}分` };
  const points = hull([S.ip.count.classIAtLeastOne, twoRange]);
  return { points, open: two === undefined ? ['ipClassI', 'ipClassII'] : ['ipClassI'], say: () => `Ⅰ类数量未知、${twoText}，知识产权数量 ${showInterval(points)}分` };
}

/** Whether the enterprise holds any Ⅰ类 or Ⅱ类 IP at all; one obtained by own R&D implies it does. */
function holdsIp({ ipClassI: one, ipClassII: two, ipSelfDeveloped }: Facts): boolean | undefined {
  if (ipSelfDeveloped === true || (one ?? 0) > 0 || (two ?? 0) > 0) return true;
  return one === 0 && two === 0 ? false : undefined;
}

function acquisitionPart(S: HnteScoring, facts: Facts): ScorePart {
  const A = S.ip.acquisition;
  const holds = holdsIp(facts);
  if (holds === false) return { points: A.none, open: [], say: () => '无知识产权，获得方式0分' };
  const self = facts.ipSelfDeveloped;
  const ifHeld = self === undefined ? hull([A.selfDeveloped, A.transferOnly]) : self ? A.selfDeveloped : A.transferOnly;
  const how = self === undefined ? '获得方式未知' : self ? '有自主研发' : '仅有受让、受赠和并购等';
  if (holds) return { points: ifHeld, open: self === undefined ? ['ipSelfDeveloped'] : [], say: () => `${how} ${showInterval(ifHeld)}分` };
  const points = hull([A.none, ifHeld]);
  const open: FactPath[] = ['ipClassI', 'ipClassII', ...(self === undefined ? ['ipSelfDeveloped' as const] : [])];
  return { points, open, say: () => `是否持有知识产权未知，获得方式 ${showInterval(points)}分` };
}

function standardsPart(S: HnteScoring, { joinedStandards: joined }: Facts): ScorePart {
  const T = S.ip.standards;
  if (joined === undefined) return { points: hull([T.yes, T.no]), open: ['joinedStandards'], say: () => '是否参与编制标准未知' };
  return { points: joined ? T.yes : T.no, open: [], say: () => joined ? `参与编制标准 ${showInterval(T.yes)}分` : '未参与编制标准 0分' };
}

function transfersPart(S: HnteScoring, { techTransfersAnnualAvg: avg }: Facts): ScorePart {
  if (avg === undefined) return { points: tableRange(S.transfers), open: ['techTransfersAnnualAvg'], say: () => '近三年科技成果转化年均项数未知' };
  const { points } = bandFor(rational(avg), S.transfers);
  return { points, open: [], say: () => `近三年科技成果转化年均 ${plain(avg)} 项，${showInterval(points)}分` };
}

const MANAGEMENT_ITEMS = [
  ['rdManagementSystem', '研发组织管理制度与辅助账'],
  ['rdInstitutionAndCooperation', '内部研发机构与产学研合作'],
  ['transferIncentiveSystem', '成果转化激励制度与创新平台'],
  ['talentSystem', '人才培养与绩效评价制度'],
] as const;

function managementPart(S: HnteScoring, facts: Facts): ScorePart {
  const parts: ScorePart[] = [];
  for (const [key, name] of MANAGEMENT_ITEMS) {
    const band = S.management[key].points;
    const has = facts[key];
    if (has === undefined) parts.push({ points: span(0, band.max), open: [key], say: () => `${name}未知` });
    else parts.push({ points: has ? band : exactly(0), open: [], say: () => `${name}${has ? `部分或全部有 ${showInterval(band)}分（专家评分）` : '完全没有 0分'}` });
  }
  return { points: addPointsOf(parts), open: openOf(parts), say: () => parts.map((p) => p.say()).join('，') };
}

/** 企业创新能力评价 as an interval, and the inputs that could still narrow it. */
export interface HnteScore {
  score: Score;
  open: FactPath[];
}

export type HnteScorer = (facts: Facts, windows: readonly (readonly number[])[]) => HnteScore;

/**
 * The score as one edition of the 指引 gives it. Each part's most points are the 指引's own: the 知识产权 cap, the
 * top band of 成果转化, the management items' ceilings added up, and the growth table's top band for each of its two
 * indicators.
 */
export function hnteScoreOf(S: HnteScoring): HnteScorer {
  const ipCites = [...S.ip.techAdvancement.cites, ...S.ip.coreSupport.cites, ...S.ip.count.cites, ...S.ip.acquisition.cites, ...S.ip.standards.cites, S.ip.capCite];
  const managementCites = MANAGEMENT_ITEMS.map(([k]) => S.management[k].cite);
  const growthCites = [S.growth.actualPeriod, S.growth.netAssetsFormula, S.growth.salesFormula, S.growth.zeroRules, ...S.growth.table.cites];
  const most = {
    ip: S.ip.cap,
    transfers: tableRange(S.transfers).max,
    management: MANAGEMENT_ITEMS.reduce((total, [k]) => total + S.management[k].points.max, 0),
    growth: 2 * tableRange(S.growth.table).max,
  };
  const anyGrade = { techAdvancement: hull(Object.values(S.ip.techAdvancement.bands)), coreSupportLevel: hull(Object.values(S.ip.coreSupport.bands)) };
  const derived: Derived = { ipCites, managementCites, growthCites, most, anyGrade, growth: growthPartOf(S.growth) };
  return (facts, windows) => hnteScore(S, facts, windows, derived);
}

/** what the scoring of one edition reads on every evaluation, worked out once */
interface Derived {
  ipCites: ScoreComponent['cites'];
  managementCites: ScoreComponent['cites'];
  growthCites: ScoreComponent['cites'];
  most: { ip: number; transfers: number; management: number; growth: number };
  anyGrade: { techAdvancement: Interval; coreSupportLevel: Interval };
  growth: GrowthPart;
}

function hnteScore(S: HnteScoring, facts: Facts, windows: readonly (readonly number[])[], { ipCites, managementCites, growthCites, most, anyGrade, growth: growthPart }: Derived): HnteScore {
  const ipParts = [
    gradePart(facts, 'techAdvancement', '技术先进程度', S.ip.techAdvancement.bands, anyGrade.techAdvancement),
    gradePart(facts, 'coreSupportLevel', '核心支持作用', S.ip.coreSupport.bands, anyGrade.coreSupportLevel),
    ipCountPart(S, facts),
    acquisitionPart(S, facts),
    standardsPart(S, facts),
  ];
  const ipRaw = addPointsOf(ipParts);
  const ipPoints = capAt(ipRaw, S.ip.cap);
  const ipSettled = isPoint(ipPoints);
  const ip: ScorePart = {
    points: ipPoints,
    // once the uncapped minimum reaches the cap, no IP answer can move the subtotal
    open: ipSettled ? [] : openOf(ipParts),
    say: () => `${ipParts.map((p) => p.say()).join('，')}${ipRaw.max > S.ip.cap ? `（合计不超过${S.ip.cap}分）` : ''}`,
  };
  const netAssets = growthPart(facts, 'netAssetsByYear', windows);
  const sales = growthPart(facts, 'salesRevenueByYear', windows);
  const growth: ScorePart = {
    points: addIntervals([netAssets.points, sales.points]),
    open: netAssets.open.concat(sales.open),
    say: () => `${netAssets.say()}；${sales.say()}`,
  };
  const transfers = transfersPart(S, facts);
  const management = managementPart(S, facts);
  const components = [
    scoreComponent('ip', '知识产权', most.ip, ip, ipCites),
    scoreComponent('transfers', '科技成果转化能力', most.transfers, transfers, S.transfers.cites),
    scoreComponent('management', '研究开发组织管理水平', most.management, management, managementCites),
    scoreComponent('growth', '企业成长性', most.growth, growth, growthCites),
  ];
  return {
    score: { points: addPointsOf(components), pass: S.pass.score.value, components },
    open: distinct(openOf([ip, transfers, management, growth])),
  };
}
