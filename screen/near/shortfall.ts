import type { Context } from '../../rules/engine/condition.js';
import type { JudgedCondition, JudgedProgramme } from '../../rules/engine/programme.js';
import { possibleAssessmentYears } from '../../rules/facts/fiscal-years.js';
import type { Facts } from '../../rules/facts/schema.js';
import { comparisonOf, type Bound } from '../../rules/logic/bounds.js';
import { money, plain } from '../../rules/logic/format.js';
import { toNumber } from '../../rules/logic/rational.js';
import { hnteMeasuresAt, hnteScoringAt, type HnteMeasures } from '../../rules/parameters/hnte.js';
import { kechuangStandardAt, type KechuangStandard } from '../../rules/parameters/kechuang.js';
import { techSmeStandardAt, type TechSmeStandard } from '../../rules/parameters/tech-sme.js';
import { staffShare, staffShortfall } from '../../rules/programmes/staff-share.js';
import type { Shortfall } from '../result.js';
import { rdRatioOver } from './indicators.js';
import { NEAR_MARGINS as M } from './margins.js';

/** amount / margin: 0 at the threshold, 1 at the edge of the margin. */
export function closeness(s: Shortfall): number {
  return s.amount / s.margin;
}

const pp = (amount: number, text: string): Shortfall => ({ amount, unit: 'pp', margin: M.percentagePoints, text });
const count = (amount: number, text: string): Shortfall => ({ amount, unit: 'count', margin: M.count, text });
const wan = (amount: number, bound: number, text: string): Shortfall => ({ amount, unit: '万元', margin: bound * M.moneyShare, text });
const fixed = (n: number) => plain(Number(n.toFixed(2)));

/** The nearer of two readings of one shortfall (a share and the head count behind it). */
function nearer(a: Shortfall, b: Shortfall): Shortfall {
  return closeness(a) <= closeness(b) ? a : b;
}

function shareShortfall(value: number | undefined, bound: Bound, label: string): Shortfall | null {
  if (value === undefined || value >= bound.value) return null;
  return pp(bound.value - value, `${label} ${fixed(value)}%，要求${bound.text}，差 ${fixed(bound.value - value)} 个百分点`);
}

function scienceStaff(facts: Facts, M: HnteMeasures): Shortfall | null {
  const share = staffShare(facts);
  if (share.kind !== 'known') return null;
  const required = M.scienceStaff.share.value;
  const pct = toNumber(share.percent);
  const { short } = staffShortfall(share.staff, share.employees, required);
  if (short === 0) return null;
  const text = `科技人员占比 ${fixed(pct)}%（${share.staff}/${share.employees}），差 ${fixed(required - pct)} 个百分点，还差 ${short} 人`;
  return nearer(pp(required - pct, text), count(short, text));
}

/** 第十一条（五）over the years it looks at; with the registration date unknown, the largest shortfall of any reading. */
function rdIntensity({ facts, asOf }: Context): Shortfall | null {
  let worst: Shortfall | null = null;
  for (const years of possibleAssessmentYears(facts, asOf)) {
    const rd = rdRatioOver(facts, years, asOf);
    if (!rd || rd.ratio >= rd.required) return null;
    const gap = rd.required - rd.ratio;
    const s = pp(gap, `研发费用占销售收入 ${fixed(rd.ratio)}%，要求不低于${rd.required}%，差 ${fixed(gap)} 个百分点`);
    if (!worst || s.amount > worst.amount) worst = s;
  }
  return worst;
}

/** Whole points still needed: scores are whole numbers, so "70分以上（不含）" needs 71. */
function scoreShortfall(programme: JudgedProgramme, pass: Bound): Shortfall | null {
  const max = programme.score?.points.max;
  if (max === undefined) return null;
  const needed = (comparisonOf(pass.word) === '>' ? pass.value + 1 : pass.value) - max;
  if (needed <= 0) return null;
  return { amount: needed, unit: 'points', margin: M.scorePoints, text: `最高可能得分 ${max} 分，还差 ${needed} 分` };
}

function techSmeScore(programme: JudgedProgramme, T: TechSmeStandard): Shortfall | null {
  // (五) also requires a science-staff indicator above 0, which no number of points elsewhere makes up for
  const staff = programme.score?.components.find((c) => c.id === 'staff');
  return staff && staff.points.max > 0 ? scoreShortfall(programme, T.score.pass) : null;
}

function investment(facts: Facts, K: KechuangStandard): Shortfall | null {
  const { tangibleAssets } = K.base.investment;
  const best = Math.max(facts.tangibleAssetsFromCash ?? -Infinity, facts.taxableSalesThisYear ?? -Infinity);
  if (!Number.isFinite(best) || best >= tangibleAssets.value) return null;
  return wan(tangibleAssets.value - best, tangibleAssets.value, `货币投资有形资产、当年应税销售收入较高者 ${money(best)}，差 ${money(tangibleAssets.value - best)}`);
}

function founder(facts: Facts, K: KechuangStandard): Shortfall | null {
  const { cashPaidIn } = K.routes.founder;
  const cash = facts.founderCashPaidIn;
  if (facts.founderStemMasters !== true || facts.founderIsPrincipal !== true || cash === undefined || cash >= cashPaidIn.value) return null;
  return wan(cashPaidIn.value - cash, cashPaidIn.value, `股东个人货币出资到账 ${money(cash)}，差 ${money(cashPaidIn.value - cash)}`);
}

/** 条件7 fails on one of its two parts: the money (investment or valuation) or the cap on local state capital. */
function capital(facts: Facts, K: KechuangStandard): Shortfall | null {
  const { investment: inv, valuation: val, stateShare } = K.routes.capital;
  const { socialInvestmentAfterLanding: i, postMoneyValuation: v, localStateCapitalShare: s } = facts;
  const moneyShort = i !== undefined && i < inv.value && v !== undefined && v <= val.value;
  const over = s !== undefined && s > stateShare.value ? s - stateShare.value : 0;
  if (moneyShort && over > 0) return null;
  if (over > 0) return pp(over, `属地国有资本占比 ${fixed(s!)}%，超出上限 ${fixed(over)} 个百分点`);
  if (!moneyShort) return null;
  return nearer(
    wan(inv.value - i, inv.value, `落地后社会资本投资 ${money(i)}，差 ${money(inv.value - i)}`),
    wan(val.value - v, val.value, `投后估值 ${money(v)}，需超过 ${money(val.value)}`),
  );
}

function ipRoute(facts: Facts, K: KechuangStandard): Shortfall | null {
  const needed = K.routes.ip.utilityModels.value;
  const n = facts.utilityModelsSelfApplied;
  if (facts.ipSupportsMainProduct === false || n === undefined || n >= needed) return null;
  return count(needed - n, `自主申请授权的实用新型专利 ${n} 项，还差 ${needed - n} 项`);
}

/** Condition id → its shortfall; conditions the enterprise cannot work towards (remedy "none") have none. */
const MEASURES: Record<string, (ctx: Context, programme: JudgedProgramme) => Shortfall | null> = {
  'hnte-4-science-staff': ({ facts, asOf }) => scienceStaff(facts, hnteMeasuresAt(asOf)),
  'hnte-5-rd-intensity': (ctx) => rdIntensity(ctx),
  'hnte-5-rd-in-china': ({ facts, asOf }) => shareShortfall(facts.rdExpenseChinaShare, hnteMeasuresAt(asOf).rdInChina.share, '境内研发费用占比'),
  'hnte-6-high-tech-income': ({ facts, asOf }) => shareShortfall(facts.highTechIncomeShare, hnteMeasuresAt(asOf).highTechIncome.share, '高新技术产品（服务）收入占比'),
  'hnte-7-innovation-score': ({ asOf }, p) => scoreShortfall(p, hnteScoringAt(asOf).pass.score),
  'tsme-5-score': ({ asOf }, p) => techSmeScore(p, techSmeStandardAt(asOf)),
  'kc-base-investment': ({ facts, asOf }) => investment(facts, kechuangStandardAt(asOf)),
  'kc-route-2-founder': ({ facts, asOf }) => founder(facts, kechuangStandardAt(asOf)),
  'kc-route-7-capital': ({ facts, asOf }) => capital(facts, kechuangStandardAt(asOf)),
  'kc-route-8-ip': ({ facts, asOf }) => ipRoute(facts, kechuangStandardAt(asOf)),
};

/** The condition ids measured above, for the test that keeps them in step with the rules. */
export const MEASURED_CONDITIONS = Object.keys(MEASURES);

const DAY = 86_400_000;

/** How far an unmet condition is from being met, in its threshold's unit; null when it is not a matter of degree. */
export function shortfallOf(condition: JudgedCondition, programme: JudgedProgramme, ctx: Context): Shortfall | null {
  if (condition.status !== 'unmet' || condition.remedy === 'none') return null;
  if (condition.metOn) {
    const days = Math.round((Date.parse(condition.metOn) - Date.parse(ctx.asOf)) / DAY);
    return { amount: days, unit: 'days', margin: M.days, text: `还需等待 ${days} 天（${condition.metOn} 起满足）` };
  }
  return MEASURES[condition.id]?.(ctx, programme) ?? null;
}
