import type { CitationRef, SourceKind } from '../../knowledge/citation.js';
import { lastFiscalYear, yearFigure } from '../facts/fiscal-years.js';
import type { Facts, Region } from '../facts/schema.js';
import type { Context } from '../engine/condition.js';
import type { Outcome } from '../engine/programme.js';
import { yearOf } from '../logic/dates.js';
import { BENEFIT_SOURCES as B } from '../parameters/benefits.js';
import type { ProgrammeId } from '../programmes/index.js';

export type BenefitStatus = 'applies' | 'maybe' | 'no';

export interface Benefit {
  id: string;
  title: string;
  status: BenefitStatus;
  reason: string;
  jurisdiction: string;
  sourceKind: SourceKind;
  /** the period the text sets itself, as it puts it ("2022–2024"); null for a text without one */
  period: string | null;
  /** the evaluation date is past that period */
  expired: boolean;
  cites: CitationRef[];
}

type Verdict = { status: BenefitStatus; reason: string };
type Outcomes = Readonly<Record<ProgrammeId, Outcome>>;

interface BenefitRule {
  id: string;
  title: string;
  source: { jurisdiction: string; sourceKind: SourceKind; cites: readonly CitationRef[]; period?: { label: string; to: string } };
  /** who the text addresses: everyone, every enterprise in 南通, one 板块, or the 市区 of 南通 */
  scope: 'national' | '南通市' | Region | '市区';
  judge(facts: Facts, outcomes: Outcomes, ctx: BenefitContext): Verdict;
}

/** What a benefit's verdict may rest on besides the facts and the programmes' outcomes. */
export interface BenefitContext extends Context {
  /** whether some 特色园区's 主攻方向 fits the enterprise's business */
  parkMatched: boolean;
}

const hnteTax: BenefitRule = {
  id: 'hnte-income-tax-15',
  title: '高新技术企业减按15%税率征收企业所得税',
  source: B.hnteTax,
  scope: 'national',
  judge: (f, o) => {
    if (f.hnteCertified) return { status: 'applies', reason: '持有有效期内高企证书，自证书颁发之日所在年度起减按15%征收企业所得税' };
    if (o.hnte === 'eligible') return { status: 'maybe', reason: '符合高企认定条件；通过认定后，自证书颁发之日所在年度起可享受' };
    if (o.hnte === 'undetermined') return { status: 'maybe', reason: '能否认定为高新技术企业尚未确定' };
    return { status: 'no', reason: '未持有高企证书，目前也不符合高企认定条件' };
  },
};

const rdDeduction: BenefitRule = {
  id: 'rd-super-deduction-100',
  title: '研发费用税前加计扣除100%',
  source: { ...B.rdDeduction, cites: [...B.rdDeduction.cites, B.rdDeduction.excludedIndustries] },
  scope: 'national',
  judge: (f, _o, { asOf }) => {
    const excluded = '不适用行业清单（烟草制造、住宿餐饮、批发零售、房地产、租赁和商务服务、娱乐业）据第三方概述，原出自财税〔2015〕119号';
    if (f.rdDeductionExcludedIndustry === true) return { status: 'no', reason: `属于不适用研发费用加计扣除的行业；${excluded}` };
    if (f.rdDeductionExcludedIndustry === undefined) return { status: 'maybe', reason: `需确认企业不属于不适用加计扣除的行业；${excluded}` };
    const rd = yearFigure(f, 'rdExpenseByYear', lastFiscalYear(asOf));
    return rd !== undefined && rd > 0
      ? { status: 'applies', reason: '开展研发活动实际发生的研发费用，在据实扣除的基础上再按实际发生额的100%加计扣除（形成无形资产的按成本200%摊销）' }
      : { status: 'maybe', reason: '不属于排除行业；开展研发活动、实际发生研发费用时可享受' };
  },
};

const haimenPool: BenefitRule = {
  id: 'haimen-cultivation-pool-priority',
  title: '科技型中小企业优先申报南通市高企培育库',
  source: B.haimenPool,
  scope: '海门区',
  judge: (f, o) => {
    if (f.hnteCertified) return { status: 'no', reason: '企业已是高新技术企业' };
    if (f.inCultivationPool) return { status: 'no', reason: '企业已入南通市高企培育库' };
    if (f.techSmeRegistered) return { status: 'applies', reason: '已评价入库科技型中小企业，可优先支持申报南通市高企培育库' };
    if (o['tech-sme'] === 'eligible') return { status: 'maybe', reason: '符合科技型中小企业评价条件；评价入库后可优先申报培育库' };
    if (o['tech-sme'] === 'undetermined') return { status: 'maybe', reason: '能否评价入库科技型中小企业尚未确定' };
    return { status: 'no', reason: '目前不符合科技型中小企业评价条件' };
  },
};

const haimenPatents: BenefitRule = {
  id: 'haimen-patent-fast-track',
  title: '高企和培育库企业专利申请进入快速审查通道',
  source: B.haimenPatents,
  scope: '海门区',
  judge: (f) =>
    f.hnteCertified || f.inCultivationPool
      ? { status: 'applies', reason: '企业为高新技术企业或培育库入库企业；专利申请符合预审规定的可进入快速审查通道' }
      : { status: 'maybe', reason: '成为高企或入南通市高企培育库后可享受' },
};

const haimenLoans: BenefitRule = {
  id: 'haimen-tech-finance',
  title: '“苏科贷”“通科贷”“高企贷”等科技金融产品',
  source: B.haimenLoans,
  scope: '海门区',
  judge: (f, o) => {
    if (f.hnteCertified || f.techSmeRegistered || f.inCultivationPool) return { status: 'applies', reason: '企业属于科技型企业（高企、科小或培育库企业），可申请相关科技金融产品' };
    if (o.hnte !== 'ineligible' || o['tech-sme'] !== 'ineligible') return { status: 'maybe', reason: '成为高企或评价入库科技型中小企业后，可申请相关科技金融产品' };
    return { status: 'no', reason: '目前既不符合高企也不符合科技型中小企业条件' };
  },
};

const qidongRdSubsidy: BenefitRule = {
  id: 'qidong-rd-post-subsidy',
  title: '研发后补助（研发投入递增奖补）',
  source: B.qidongRdSubsidy,
  scope: '启东市',
  judge: (f, _o, { asOf }) => {
    const rd = yearFigure(f, 'rdExpenseByYear', lastFiscalYear(asOf));
    if (rd === 0) return { status: 'no', reason: '最近一年没有研发投入' };
    return { status: 'maybe', reason: '实施意见提出加大研发后补助支持力度，具体补助标准以启东市当年申报通知为准' };
  },
};

const qidongTechUpgrade: BenefitRule = {
  id: 'qidong-tech-upgrade-subsidy',
  title: '技改投入贴息或拨改投补助',
  source: B.qidongTechUpgrade,
  scope: '启东市',
  judge: (f) =>
    f.industryType === 'manufacturing' || f.industryType === undefined
      ? { status: 'maybe', reason: '支持企业加大技改投入，可用贴息或拨改投方式补助；具体以当年申报通知为准' }
      : { status: 'no', reason: '该措施面向制造业技术改造' },
};

const qidongLoanRisk: BenefitRule = {
  id: 'qidong-loan-risk-compensation',
  title: '科技型中小企业贷款风险补偿',
  source: B.qidongLoanRisk,
  scope: '启东市',
  judge: (f, o) => {
    if (f.techSmeRegistered) return { status: 'applies', reason: '已入库科技型中小企业，属于贷款风险补偿机制支持的对象' };
    if (o['tech-sme'] !== 'ineligible') return { status: 'maybe', reason: '评价入库科技型中小企业后可享受' };
    return { status: 'no', reason: '目前不符合科技型中小企业评价条件' };
  },
};

const REPORTED = '新闻报道（约2022年10月）所述情况，不是政策条款，现行标准请以市科技局最新政策为准';
/**
 * Reading: the report speaks of "市区企业" without saying which 板块 that takes in, so these items are never
 * applied to a 板块, only mentioned with that caveat.
 */
const CITY_AREA = '报道未界定“市区”包括哪些板块，无法判断是否适用于本企业，请向市科技局确认';

const reportHnteAward: BenefitRule = {
  id: 'reported-new-hnte-award-45',
  title: '新认定高新技术企业“免申即享”奖励（报道：45万元）',
  source: B.reportHnteAward,
  scope: '市区',
  judge: (f, o, { asOf }) => {
    if (f.hnteCertified) {
      return f.hnteCertDate !== undefined && yearOf(f.hnteCertDate) === yearOf(asOf)
        ? { status: 'maybe', reason: `${REPORTED}：报道称市区新认定高企免申兑现45万元奖励；${CITY_AREA}` }
        : { status: 'no', reason: `${REPORTED}；报道所说的是“新认定”的高企` };
    }
    if (o.hnte === 'ineligible') return { status: 'no', reason: `${REPORTED}；目前不符合高企认定条件` };
    return { status: 'maybe', reason: `${REPORTED}：报道称市区新认定高企免申兑现45万元奖励；${CITY_AREA}` };
  },
};

const reportKeyLabAward: BenefitRule = {
  id: 'reported-provincial-key-lab-50',
  title: '建成省企业重点实验室“免申即享”奖励（报道：50万元）',
  source: B.reportKeyLabAward,
  scope: '市区',
  judge: (f) =>
    f.provincialKeyLab === false
      ? { status: 'no', reason: `${REPORTED}；企业未建有省企业重点实验室` }
      : { status: 'maybe', reason: `${REPORTED}：报道称建成省企业重点实验室的企业直接兑现50万元财政奖励；${CITY_AREA}` },
};

const haimenCoaching: BenefitRule = {
  id: 'haimen-expert-coaching',
  title: '省专家来海辅导、个性化诊断（高企、培育库企业和高企培育评审临界点上的企业）',
  source: B.haimenCoaching,
  scope: '海门区',
  judge: (f, o) => {
    if (f.hnteCertified || f.inCultivationPool) return { status: 'applies', reason: '企业为高企或高企培育库入库企业，属于专家咨询服务重点针对的对象' };
    if (o.hnte === 'undetermined') return { status: 'maybe', reason: '高企认定结果尚未确定；处于高企培育评审临界点上的企业也是专家辅导的重点对象' };
    return { status: 'maybe', reason: '专家咨询服务重点针对高企、培育库入库企业和高企培育评审临界点上的企业' };
  },
};

const haimenSmeTilt: BenefitRule = {
  id: 'haimen-tech-sme-priority',
  title: '科技项目申报、创新创业大赛、优惠政策扶持向入库科技型中小企业倾斜',
  source: B.haimenSmeTilt,
  scope: '海门区',
  judge: (f, o) => {
    if (f.techSmeRegistered) return { status: 'applies', reason: '已评价入库科技型中小企业' };
    if (o['tech-sme'] !== 'ineligible') return { status: 'maybe', reason: '评价入库科技型中小企业后可享受' };
    return { status: 'no', reason: '目前不符合科技型中小企业评价条件' };
  },
};

const haimenLoanInterest: BenefitRule = {
  id: 'haimen-loan-interest-subsidy',
  title: '政策性科技金融产品贷款贴息',
  source: B.haimenLoanInterest,
  scope: '海门区',
  judge: (f, o) => {
    if (f.hnteCertified || f.techSmeRegistered || f.inCultivationPool) return { status: 'maybe', reason: '企业属于科技型企业；使用政策性科技金融产品贷款的可申请贴息，具体以当年通知为准' };
    if (o.hnte !== 'ineligible' || o['tech-sme'] !== 'ineligible') return { status: 'maybe', reason: '成为高企或入库科技型中小企业并使用政策性科技金融产品贷款后可申请贴息' };
    return { status: 'no', reason: '目前既不符合高企也不符合科技型中小企业条件' };
  },
};

const haimenPrediagnosis: BenefitRule = {
  id: 'haimen-hnte-prediagnosis',
  title: '高企申报预诊断',
  source: B.haimenPrediagnosis,
  scope: '海门区',
  judge: (f) =>
    f.hnteCertified
      ? { status: 'no', reason: '企业已是高新技术企业' }
      : { status: 'applies', reason: '通过南通市高新技术企业培育申报管理系统，面向企业提供高企申报预诊断' },
};

const qidongDongjiang: BenefitRule = {
  id: 'qidong-dongjiang-programme',
  title: '“东疆科技计划”技术攻关项目补助',
  source: B.qidongDongjiang,
  scope: '启东市',
  judge: () => ({ status: 'maybe', reason: '按产业确定技术攻关项目，给予每个项目一定数额的补助扶持（文件未列金额），重点为海工装备、电动工具、电子信息及半导体、生命健康等产业' }),
};

const qidongPublicServices: BenefitRule = {
  id: 'qidong-public-service-purchase',
  title: '中小企业购买公共服务补贴',
  source: B.qidongPublicServices,
  scope: '启东市',
  judge: () => ({ status: 'maybe', reason: '通过政府补贴等方式鼓励中小企业购买公共服务（文件未列标准），具体以当年申报通知为准' }),
};

const qidongPatents: BenefitRule = {
  id: 'qidong-patent-funding',
  title: 'PCT专利和马德里商标国际注册资助',
  source: B.qidongPatents,
  scope: '启东市',
  judge: () => ({ status: 'maybe', reason: '提高政策资助标准，鼓励企业开展PCT专利和马德里商标国际注册（文件未列金额）' }),
};

const qidongFirstSet: BenefitRule = {
  id: 'qidong-first-set-procurement',
  title: '政府优先采购、先试先用首台套',
  source: B.qidongFirstSet,
  scope: '启东市',
  judge: () => ({ status: 'maybe', reason: '探索政府优先采购、先试先用首台套等方式推广应用企业自主创新产品' }),
};

const tongzhouCaseByCase: BenefitRule = {
  id: 'tongzhou-case-by-case-incentive',
  title: '重要人才、重大项目、重大平台“一事一议”招商激励',
  source: B.tongzhouCaseByCase,
  scope: '通州区',
  judge: () => ({ status: 'maybe', reason: '对引进的重要人才、重大项目、重大平台实行“一事一议”，是否属于重大项目由区里个案商定' }),
};

const tongzhouLand: BenefitRule = {
  id: 'tongzhou-land-priority',
  title: '优质科创人才项目用地优先保障',
  source: B.tongzhouLand,
  scope: '通州区',
  judge: (_f, o) =>
    o['kechuang-project-2023'] === 'ineligible'
      ? { status: 'maybe', reason: '面向优质科创人才项目；企业目前不符合科创项目认定标准，是否属于优质科创人才项目以区里认定为准' }
      : { status: 'maybe', reason: '优先保障优质科创人才项目的用地需求' },
};

const parksFunding: BenefitRule = {
  id: 'parks-grant-investment-equity',
  title: '特色园区细分赛道项目“拨—投—股”财政资金支持',
  source: B.parksFunding,
  scope: '南通市',
  judge: (_f, _o, { parkMatched }) =>
    parkMatched
      ? { status: 'maybe', reason: '主营业务与特色园区的主攻方向相符；落在园区选定细分赛道的项目可获“拨—投—股”等方式的财政资金支持' }
      : { status: 'no', reason: '主营业务与特色园区的主攻方向未见相符' },
};

const RULES = [
  hnteTax, rdDeduction, haimenPool, haimenPatents, haimenLoans, haimenCoaching, haimenSmeTilt, haimenLoanInterest, haimenPrediagnosis,
  qidongRdSubsidy, qidongTechUpgrade, qidongLoanRisk, qidongDongjiang, qidongPublicServices, qidongPatents, qidongFirstSet,
  tongzhouCaseByCase, tongzhouLand, parksFunding, reportHnteAward, reportKeyLabAward,
];

/** Whether a text addresses an enterprise in `region`: yes, only if it moves there ("maybe"), or not at all. */
function reach(scope: BenefitRule['scope'], region: Region | undefined): 'yes' | 'if-there' | 'no' {
  if (scope === 'national') return 'yes';
  if (region === undefined || region === '市外') return 'if-there';
  if (scope === '市区' || scope === '南通市') return 'yes';
  return scope === region ? 'yes' : 'no';
}

const cap = (status: BenefitStatus): BenefitStatus => (status === 'applies' ? 'maybe' : status);

const SCOPE_NAME = { 市区: '南通市区', 南通市: '南通市' } as const;

/** What a rule says whatever the facts: worded once, not on every evaluation. */
interface Wording {
  /** the reason once the text's own period is over */
  expired?: string;
  /** put before the reason while the enterprise's 板块 is not known */
  ifThere: string;
}

const WORDING = new Map<BenefitRule, Wording>(
  RULES.map((rule) => {
    const period = rule.source.period;
    const where = rule.scope in SCOPE_NAME ? SCOPE_NAME[rule.scope as keyof typeof SCOPE_NAME] : rule.scope;
    return [
      rule,
      {
        ...(period && { expired: `已到期（${period.label}）：该文件的期限至 ${period.to}，评估日已在其后；如有延续政策请向主管部门确认` }),
        ifThere: `适用于${where}企业；`,
      },
    ];
  }),
);

/**
 * The benefits that can reach the enterprise, each with its verdict. A measure of another 板块 is left out; one
 * whose 板块 is not known yet is kept as "maybe"; a reported figure is never more than "maybe"; a measure whose
 * text's own period is over is "已到期", never "applies".
 */
export function benefitsFor(ctx: BenefitContext, outcomes: Outcomes): Benefit[] {
  const { facts, asOf } = ctx;
  const out: Benefit[] = [];
  for (const rule of RULES) {
    const where = reach(rule.scope, facts.region);
    if (where === 'no') continue;
    const period = rule.source.period;
    const wording = WORDING.get(rule)!;
    const expired = period !== undefined && asOf > period.to;
    let { status, reason } = expired ? { status: 'no' as const, reason: wording.expired! } : rule.judge(facts, outcomes, ctx);
    if (where === 'if-there') {
      status = cap(status);
      reason = `${wording.ifThere}${reason}`;
    }
    if (rule.source.sourceKind === 'report') status = cap(status);
    out.push({
      id: rule.id,
      title: rule.title,
      status,
      reason,
      jurisdiction: rule.scope === '市区' ? '南通市区' : rule.source.jurisdiction,
      sourceKind: rule.source.sourceKind,
      period: period?.label ?? null,
      expired,
      cites: rule.source.cites.slice(),
    });
  }
  return out;
}
