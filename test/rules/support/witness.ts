import type { RuleShape } from '../../../rules/engine/condition.js';
import type { JudgedProgramme } from '../../../rules/engine/programme.js';
import { evaluate } from '../../../rules/evaluate.js';
import type { FactPath } from '../../../rules/facts/catalog.js';
import type { FactKey, Facts } from '../../../rules/facts/schema.js';
import { FactsError, parseProfile } from '../../../rules/facts/validate.js';
import { allOf, anyOf, type Tri } from '../../../rules/logic/tri.js';
import { AS_OF } from './profiles.js';

/**
 * Values to try for each fact when looking for a witness, the usually favourable one first, covering each side
 * of the bounds the texts name and the extremes (a missing year's sales can always be large enough to matter).
 */
const PROBES: { readonly [K in FactKey]: readonly unknown[] } = {
  name: ['甲公司'], park: ['南通高新区'], mainBusiness: ['锂电池储能系统'],
  region: ['通州区', '市外'],
  registrationDate: ['2023-06-01', '2024-06-01', '2025-03-01', '2015-01-01', '2021-12-31', '2026-06-01'],
  nantongRegistrationDate: ['2023-06-01', '2021-06-01', '2025-03-01', '2020-06-01'],
  nantongOrigin: ['foundedHere', 'movedIn'],
  residentEnterprise: [true, false],
  industryType: ['manufacturing', 'other'],
  highTechField: ['电子信息', 'none'],
  inJiangsuHighTechCatalog: [true, false],
  restrictedIndustry: [false, true],
  rdDeductionExcludedIndustry: [false, true],
  employees: [100, 20, 5, 300, 600, 1e6, 0],
  scienceStaff: [40, 2, 1, 0],
  totalAssets: [1000, 30000],
  salesRevenueByYear: [1000, 100, 0, 3000, 25000, 1e7],
  rdExpenseByYear: [1e7, 100, 20, 0],
  rdExpenseChinaShare: [100, 59],
  netAssetsByYear: [1000, 100, 2000, 5000, 0],
  costExpensesLastYear: [100, 1e6, 0],
  highTechIncomeShare: [100, 59],
  taxableSalesThisYear: [1000, 0],
  ipClassI: [2, 0],
  ipClassII: [5, 2, 0],
  ipSelfDeveloped: [true, false],
  ipCoreSupport: [true, false],
  techAdvancement: ['A', 'C', 'E'],
  coreSupportLevel: ['A', 'C', 'E'],
  joinedStandards: [true, false],
  techTransfersAnnualAvg: [5, 2, 0],
  rdManagementSystem: [true, false], rdInstitutionAndCooperation: [true, false], transferIncentiveSystem: [true, false], talentSystem: [true, false],
  majorIncidentLastYear: [false, true],
  majorIncidentSincePreviousYear: [false, true],
  majorIncidentPeriod: ['none', 'before12Months', 'within12Months'],
  seriousDishonesty: [false, true],
  hnteCertified: [true, false],
  hnteCertDate: ['2025-01-01'],
  inCultivationPool: [true, false], techSmeRegistered: [true, false],
  provincialRdInstitution: [true, false], nationalScienceAwardTop3: [true, false], ledStandardLast5y: [true, false], provincialKeyLab: [true, false],
  attractedFromOutside: [true, false], operatingNormally: [true, false],
  kechuangRecognizedBefore: [false, true],
  tangibleAssetsFromCash: [1000, 0],
  hnteWhenIntroduced: [true, false],
  parentIsOutsideHnte: [true, false],
  founderStemMasters: [true, false], founderCashPaidIn: [200, 0], founderIsPrincipal: [true, false],
  talentProgramStartup: [true, false],
  shareholderTalentFundingOutside: [100, 0],
  competitionAward: [true, false],
  socialInvestmentAfterLanding: [1000, 0], postMoneyValuation: [10000, 0], localStateCapitalShare: [0, 50],
  kechuangIpRoute: [true, false], utilityModelsSelfApplied: [5, 0], kechuangIpGrantedInCarveOut: [true, false], ipSupportsMainProduct: [true, false],
};

const keyOf = (path: FactPath) => path.split('.')[0] as FactKey;

const total = (figures: Record<string, number> | undefined) => Object.values(figures ?? {}).reduce((a, b) => a + b, 0);

/**
 * The probes for a fact, with values that fit what is already known: headcounts that respect each other (staff
 * never exceed employees, registration comes no later than a 高企 certificate), R&D or sales figures that put
 * the three-year ratio near the 3%–5% bands (and let the better of the two R&D indicators change hands), and
 * figures near the other years' for growth.
 */
function probesFor(path: FactPath, facts: Facts): readonly unknown[] {
  const { scienceStaff: staff, employees } = facts;
  const base = PROBES[keyOf(path)];
  if (path === 'employees' && staff !== undefined) return [staff, 2 * staff, 20 * staff, ...base];
  if (path === 'scienceStaff' && employees !== undefined) return [employees, Math.ceil(employees / 10), ...base];
  if (path === 'registrationDate' && facts.hnteCertDate !== undefined) return [facts.hnteCertDate, ...base];
  if (path === 'nantongRegistrationDate' && facts.registrationDate !== undefined) return [facts.registrationDate, ...base];
  if (path === 'utilityModelsSelfApplied' && facts.ipClassII !== undefined) return [...base.map((v) => Math.min(Number(v), facts.ipClassII!)), facts.ipClassII];
  // self-applied utility models are Ⅱ类 IP, so they bound the count from below
  if (path === 'ipClassII' && facts.utilityModelsSelfApplied !== undefined) return [...base.map((v) => Math.max(Number(v), facts.utilityModelsSelfApplied!)), facts.utilityModelsSelfApplied + 2];
  const key = keyOf(path);
  const sales = total(facts.salesRevenueByYear);
  const rd = total(facts.rdExpenseByYear);
  // growth compares a year with its neighbours: values near the other years' put each growth band in reach
  const neighbours = key === 'netAssetsByYear' || key === 'salesRevenueByYear' ? Object.values(facts[key] ?? {}).flatMap((v) => [v * 1.4, v * 1.1, v * 0.5]) : [];
  const smallestSales = Math.min(...Object.values(facts.salesRevenueByYear ?? {}).filter((v) => v > 0));
  if (key === 'rdExpenseByYear' && sales > 0) return [...base, 0.049 * sales, 0.035 * sales, 0.03 * smallestSales];
  if (key === 'costExpensesLastYear' && rd > 0) return [...base, rd / 0.3];
  if (key === 'salesRevenueByYear' && rd > 0) return [...base, ...neighbours, rd / 0.045, rd / 0.035];
  return [...base, ...neighbours];
}

function withFact(facts: Facts, path: FactPath, value: unknown): Facts {
  const [key, year] = path.split('.') as [FactKey, string | undefined];
  if (year === undefined) return { ...facts, [key]: value };
  return { ...facts, [key]: { ...(facts[key] as Record<string, number> | undefined), [year]: value } };
}

/**
 * Accepted, and without facts that disagree as read (figures before the founding year, more utility models than
 * Ⅱ类 IP): the witness is consistent. A share that looks like a fraction is a value, not a disagreement.
 */
function isValid(facts: Facts): boolean {
  try {
    parseProfile(facts, { today: AS_OF });
    return evaluate(facts, AS_OF).warnings.every((w) => w.suggested !== undefined);
  } catch (e) {
    if (e instanceof FactsError) return false;
    throw e;
  }
}

function programme(facts: Facts, id: string): JudgedProgramme {
  return evaluate(facts, AS_OF).programmes.find((p) => p.id === id)!;
}

function statusOf(p: JudgedProgramme, node: RuleShape): Tri {
  if (typeof node === 'string') return p.conditions.find((c) => c.id === node)!.status;
  return 'all' in node ? allOf(node.all.map((n) => statusOf(p, n))) : anyOf(node.any.map((n) => statusOf(p, n)));
}

function leavesOf(node: RuleShape): string[] {
  if (typeof node === 'string') return [node];
  return ('all' in node ? node.all : node.any).flatMap(leavesOf);
}

/**
 * What no other part of the tree may come to if `target` is to sway the whole: a sibling in an all-group must
 * not be unmet, one in an any-group not met (either would settle the group whatever `target` is).
 */
function settlingSiblings(node: RuleShape, target: string): Map<RuleShape, Tri> | null {
  if (typeof node === 'string') return node === target ? new Map() : null;
  const children = 'all' in node ? node.all : node.any;
  for (const child of children) {
    const below = settlingSiblings(child, target);
    if (!below) continue;
    for (const other of children) if (other !== child) below.set(other, 'all' in node ? 'unmet' : 'met');
    return below;
  }
  return null;
}

const narrower = (a: JudgedProgramme['score'], b: JudgedProgramme['score']) =>
  !!a && !!b && (a.points.min > b.points.min || a.points.max < b.points.max);

/**
 * Whether filling `fact` can change programme `id`'s outcome or narrow its score. First alone; then, since a
 * fact may only matter once others are known (a route among several, one year of three), by searching values
 * of the other open facts under which the condition holding `fact` decides the whole programme, or under which
 * its values give different scores.
 */
export function canMatter(facts: Facts, id: string, fact: FactPath, budget = 3000): boolean {
  const now = programme(facts, id);
  for (const v of probesFor(fact, facts)) {
    const filled = withFact(facts, fact, v);
    if (!isValid(filled)) continue;
    const after = programme(filled, id);
    if (after.outcome !== now.outcome || narrower(after.score, now.score)) return true;
  }
  const holder = now.conditions.find((c) => c.relevant && c.open.includes(fact));
  if (!holder) return false;
  const settling = settlingSiblings(now.shape, holder.id)!;
  // siblings in an any-group must come to nothing for the holder to count; siblings in an all-group may stay open
  const mustFail = new Set([...settling].filter(([, settles]) => settles === 'met').flatMap(([node]) => leavesOf(node)));
  let left = 0;

  // The fact's siblings (other years of the same figure) either leave room for it or already settle its
  // condition depending on their size, so the search runs with them large first and small first; and first
  // filling only those siblings and the registration date (which fixes the years), then anything open.
  const search = (at: Facts, siblingsSmallFirst: boolean, nearOnly: boolean): boolean => {
    if (--left < 0) return false;
    const p = programme(at, id);
    if (p.outcome !== 'undetermined') return false;
    for (const [node, settles] of settling) if (statusOf(p, node) === settles) return false;
    const c = p.conditions.find((x) => x.id === holder.id)!;
    if (c.status !== 'unknown' || !c.open.includes(fact)) return false;
    const results = new Set<string>();
    const holderStatuses = new Set<Tri>();
    for (const v of probesFor(fact, at)) {
      const filled = withFact(at, fact, v);
      if (!isValid(filled)) continue;
      const q = programme(filled, id);
      results.add(`${q.outcome} ${q.score?.points.min} ${q.score?.points.max}`);
      holderStatuses.add(q.conditions.find((x) => x.id === holder.id)!.status);
    }
    if (results.size > 1) return true;
    // every value of the fact already settles its condition the same way: no further fact can undo that
    if (holderStatuses.size === 1 && !holderStatuses.has('unknown')) return false;
    // the fact's own siblings first (other years of the same figure, the date that fixes the years), then the rest
    const pending = [c, ...p.conditions.filter((x) => x.status === 'unknown' && mustFail.has(x.id))].flatMap((x) => x.open).filter((f) => f !== fact);
    const rank = (f: FactPath) => (keyOf(f) === keyOf(fact) ? 0 : f === 'registrationDate' ? 1 : 2);
    const next = pending.filter((f) => !nearOnly || rank(f) < 2).sort((a, b) => rank(a) - rank(b))[0];
    if (next === undefined) return false;
    const probes = probesFor(next, at);
    const order = siblingsSmallFirst && keyOf(next) === keyOf(fact) ? [...probes].sort((a, b) => Number(a) - Number(b)) : probes;
    return order.some((v) => {
      const filled = withFact(at, next, v);
      return isValid(filled) && search(filled, siblingsSmallFirst, nearOnly);
    });
  };
  return [true, false].some((nearOnly) =>
    [false, true].some((smallFirst) => {
      left = budget / 4;
      return search(facts, smallFirst, nearOnly);
    }),
  );
}
