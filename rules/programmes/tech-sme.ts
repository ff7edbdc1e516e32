import { perYearPath } from '../facts/catalog.js';
import { lastFiscalYear, yearFigure } from '../facts/fiscal-years.js';
import { allParts } from '../engine/combine.js';
import type { Condition, Context, Judgement, Note } from '../engine/condition.js';
import { compareAmount, requireAmount, requireAnswer, requireValue } from '../engine/judgements.js';
import type { Programme } from '../engine/programme.js';
import { figureSatisfies } from '../logic/bounds.js';
import { showInterval } from '../logic/interval.js';
import { TECH_SME as T } from '../parameters/tech-sme-2017.js';
import { holdsValidCertificate } from './hnte-certificate.js';
import { residentInChina } from './resident.js';
import { staffShare, staffShortfall } from './staff-share.js';
import { techSmeScore, type TechSmeScore } from './tech-sme-score.js';

interface SmeData {
  year: number;
  evaluation: TechSmeScore;
}

type Sc = Condition<SmeData>;

const resident: Sc = {
  id: 'tsme-1-resident',
  label: '（一）在中国境内（不包括港、澳、台地区）注册的居民企业',
  cites: [T.resident.cite],
  remedy: 'none',
  judge: ({ facts }) => residentInChina(facts),
};

const employees: Sc = {
  id: 'tsme-2-employees',
  label: '（二）职工总数不超过500人',
  cites: [T.size.cite],
  remedy: 'none',
  judge: ({ facts }) => {
    // science staff are counted among the employees, so they already bound the headcount from below
    const { employees: known, scienceStaff } = facts;
    if (known === undefined && scienceStaff !== undefined && !figureSatisfies(scienceStaff, T.size.employees)) {
      return { status: 'unmet', detail: `科技人员已有 ${scienceStaff} 人，职工总数至少同样多，要求${T.size.employees.text}` };
    }
    return requireAmount(facts, 'employees', T.size.employees);
  },
};

const sales: Sc = {
  id: 'tsme-2-sales',
  label: '（二）年销售收入不超过2亿元',
  cites: [T.size.cite],
  remedy: 'none',
  judge: ({ facts }, { year }) =>
    compareAmount(yearFigure(facts, 'salesRevenueByYear', year), `${year}年销售收入`, perYearPath('salesRevenueByYear', year), T.size.sales),
};

const assets: Sc = {
  id: 'tsme-2-assets',
  label: '（二）资产总额不超过2亿元',
  cites: [T.size.cite],
  remedy: 'none',
  judge: ({ facts }) => requireAmount(facts, 'totalAssets', T.size.assets),
};

const notRestricted: Sc = {
  id: 'tsme-3-not-restricted',
  label: '（三）产品和服务不属于国家规定的禁止、限制和淘汰类',
  cites: [T.notRestricted.cite],
  remedy: 'none',
  judge: ({ facts }) =>
    requireAnswer(facts, 'restrictedIndustry', false, { yes: '产品或服务属于国家规定的禁止、限制和淘汰类', no: '产品和服务不属于禁止、限制和淘汰类' }),
};

const clean: Sc = {
  id: 'tsme-4-no-incident-or-dishonesty',
  label: '（四）未发生重大安全、质量事故和严重环境违法、科研严重失信行为，未列入经营异常名录和严重违法失信名单',
  cites: [T.clean.cite],
  remedy: 'wait',
  judge: ({ facts }) => {
    const j = allParts(
      requireAnswer(facts, 'majorIncidentLastYear', false, { yes: '近一年发生过重大安全、质量事故或严重环境违法行为', no: '近一年未发生重大安全、质量事故或严重环境违法行为' }),
      requireAnswer(facts, 'seriousDishonesty', false, { yes: '有科研严重失信行为或被列入经营异常名录、严重违法失信名单', no: '无科研严重失信行为，未列入经营异常名录和严重违法失信名单' }),
    );
    if (j.status === 'unmet') j.gap = '（四）看填报上一年及当年：需待相关行为所在年度过后、并移出相关名录后再评价';
    return j;
  },
};

const HINTS = [
  { id: 'staff', hint: '科技人员占比达到30%可得20分' },
  { id: 'rd', hint: '研发费用占销售收入达到6%（或占成本费用支出30%）可得50分' },
  { id: 'ip', hint: '拥有1项Ⅰ类知识产权（如发明专利）可得30分' },
] as const;

function scoreGap({ facts }: Context, { evaluation }: SmeData): string {
  const { score, staff } = evaluation;
  if (staff.max === 0) {
    const share = staffShare(facts);
    const need = share.kind === 'known' ? `（还差 ${staffShortfall(share.staff, share.employees, 10).short} 名科技人员）` : '';
    return `科技人员指标为0分：科技人员占职工总数需达到10%以上${need}`;
  }
  const short = T.score.pass.value - score.points.max;
  const hints = HINTS.filter((h) => {
    const c = score.components.find((x) => x.id === h.id)!;
    return c.points.max < c.max;
  }).map((h) => h.hint);
  return `最高可能得分 ${score.points.max} 分，还差 ${short} 分${hints.length ? `；可考虑：${hints.join('；')}` : ''}`;
}

const scoreCondition: Sc = {
  id: 'tsme-5-score',
  label: '（五）综合评价得分不低于60分，且科技人员指标得分不为0',
  cites: [T.score.cite, T.score.total],
  remedy: 'improve',
  judge: (ctx, data): Judgement => {
    const { score, staff, open, staffOpen } = data.evaluation;
    const parts = score.components.map((c) => `${c.label} ${showInterval(c.points)}`).join('，');
    const detail = `评价得分 ${showInterval(score.points)} 分（${parts}；按${data.year}年度数据），要求不低于60分且科技人员指标不为0`;
    const passSure = figureSatisfies(score.points.min, T.score.pass);
    const passPossible = figureSatisfies(score.points.max, T.score.pass);
    if (!passPossible || staff.max === 0) return { status: 'unmet', detail, gap: scoreGap(ctx, data) };
    if (passSure && staff.min > 0) {
      return score.points.min - T.score.pass.value < 6 ? { status: 'met', detail, gap: `最低得分 ${score.points.min} 分，余量很小` } : { status: 'met', detail };
    }
    return { status: 'unknown', detail, open: [...(passSure ? [] : open), ...(staff.min > 0 ? [] : staffOpen)] };
  },
};

type DirectKey = 'hnteCertified' | 'nationalScienceAwardTop3' | 'provincialRdInstitution' | 'ledStandardLast5y';

const direct = (id: string, label: string, cite: (typeof T.direct)[keyof typeof T.direct], key: DirectKey, yes: string): Sc => ({
  id,
  label,
  cites: [T.direct.cite, cite],
  remedy: 'improve',
  judge: ({ facts, asOf }) =>
    requireValue(key === 'hnteCertified' ? holdsValidCertificate(facts, asOf) : facts[key], key, true, { yes, no: `不具备：${yes}` }),
});

const directRoutes = [
  direct('tsme-8-hnte-certificate', '直接认定（1）：拥有有效期内高新技术企业资格证书', T.direct.hnte, 'hnteCertified', '拥有有效期内高新技术企业证书'),
  direct('tsme-8-national-award', '直接认定（2）：近五年获国家级科技奖励并在获奖单位中排前三', T.direct.award, 'nationalScienceAwardTop3', '近五年获国家级科技奖励并在获奖单位中排前三'),
  direct('tsme-8-provincial-rd-institution', '直接认定（3）：拥有经认定的省部级以上研发机构', T.direct.institution, 'provincialRdInstitution', '拥有经认定的省部级以上研发机构'),
  direct('tsme-8-led-standard', '直接认定（4）：近五年主导制定过国际标准、国家标准或行业标准', T.direct.standard, 'ledStandardLast5y', '近五年主导制定过国际、国家或行业标准'),
];

function notes({ facts }: Context, { year }: SmeData): Note[] {
  const out: Note[] = [
    { text: `依据${T.edition}。`, cites: [] },
    { text: `年销售收入、研发费用按最近一个已结束的会计年度（${year}年）计算。`, cites: [] },
    { text: '直接认定条件（第八条）出自火炬中心问答的第三方转载：评价得分低于60分但符合第六条（一）至（四）项的企业，具备其中一项即可直接确认。', cites: [T.direct.cite] },
  ];
  if (facts.techSmeRegistered === true) out.push({ text: '企业本年度已入库科技型中小企业；本结果仍按办法逐项判断。', cites: [] });
  return out;
}

/** 《科技型中小企业评价办法》第六条（一）–（四）, and either （五）'s score or one of 第八条's direct routes. */
export const techSme: Programme<SmeData> = {
  id: 'tech-sme',
  title: '科技型中小企业评价',
  cites: [T.conditions],
  prepare: ({ facts, asOf }) => {
    const year = lastFiscalYear(asOf);
    return { year, evaluation: techSmeScore(facts, year) };
  },
  rule: { all: [resident, employees, sales, assets, notRestricted, clean, { any: [scoreCondition, ...directRoutes] }] },
  score: ({ evaluation }) => evaluation.score,
  notes,
};
