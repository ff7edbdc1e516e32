import { perYearPath } from '../facts/catalog.js';
import { lastFiscalYear, latestRegistration, yearFigure } from '../facts/fiscal-years.js';
import { yearOf } from '../logic/dates.js';
import type { Edition } from '../logic/editions.js';
import { allParts } from '../engine/combine.js';
import type { Condition, Context, Judgement, Note } from '../engine/condition.js';
import { compareAmount, requireAmount, requireAnswer, requireValue } from '../engine/judgements.js';
import { judgementSaying } from '../engine/said-later.js';
import type { Programme } from '../engine/programme.js';
import { figureSatisfies } from '../logic/bounds.js';
import { showInterval } from '../logic/interval.js';
import type { Facts } from '../facts/schema.js';
import { TECH_SME_EDITIONS, type TechSmeStandard } from '../parameters/tech-sme.js';
import { holdsValidCertificate } from './hnte-certificate.js';
import { residentInChina } from './resident.js';
import { techSmeScoreGap } from './tech-sme-gap.js';
import { techSmeScoreOf, type TechSmeScore } from './tech-sme-score.js';

interface SmeData {
  year: number;
  /** the enterprise was registered after `year`: there is no year to evaluate yet */
  beforeFirstYear: boolean;
  evaluation: TechSmeScore;
}

type Sc = Condition<SmeData>;

/**
 * While the year to evaluate precedes the enterprise, its figures are not asked for, nor is advice given on them:
 * what the rest already settles stands, the rest waits for the first complete fiscal year.
 */
function beforeFirstYear(j: Judgement, year: number): Judgement {
  const say = () => `${j.detail}（企业${year}年度尚不存在，待有完整会计年度后评价）`;
  return j.status === 'unknown' ? judgementSaying('unknown', say, undefined, []) : j.status === 'unmet' ? judgementSaying('unmet', say, '待有完整会计年度后按该年度数据评价') : j;
}

/**
 * (四) covers "填报上一年及当年", the whole previous and current calendar years. An incident in the twelve months
 * before applying lies within them, so that answer settles it when yes; when no, the months before still count.
 */
function incidentSincePreviousYear(facts: Facts): boolean | undefined {
  if (facts.majorIncidentSincePreviousYear !== undefined) return facts.majorIncidentSincePreviousYear;
  return facts.majorIncidentLastYear === true ? true : undefined;
}

type DirectKey = 'hnteCertified' | 'nationalScienceAwardTop3' | 'provincialRdInstitution' | 'ledStandardLast5y';

/** 《科技型中小企业评价办法》第六条（一）–（四）, and either （五）'s score or one of 第八条's direct routes, as one edition words them. */
export function techSmeOf(T: TechSmeStandard): Programme<SmeData> {
  const scoreOf = techSmeScoreOf(T);

  const firstFiscalYear: Sc = {
    id: 'tsme-0-first-fiscal-year',
    label: '已有一个完整的会计年度（按上一年度数据评价）',
    cites: [T.firstFiscalYear.cite],
    remedy: 'wait',
    judge: ({ facts, asOf }, { year }): Judgement => {
      const latest = latestRegistration(facts, asOf);
      if (yearOf(latest) <= year) return { status: 'met', detail: `${year}年度企业已经存续，可按${year}年度数据评价` };
      if (facts.registrationDate === undefined) return { status: 'unknown', detail: `尚不知道注册成立日期（评价按${year}年度数据）`, open: ['registrationDate'] };
      const first = yearOf(facts.registrationDate);
      const metOn = `${first + 1}-01-01`;
      return {
        status: 'unmet',
        detail: `企业 ${facts.registrationDate} 注册成立，${year}年度尚不存在，还没有可供评价的完整会计年度`,
        gap: `${metOn} 起可按${first}年度数据评价`,
        metOn,
      };
    },
  };

  const resident: Sc = {
    id: 'tsme-1-resident',
    label: '（一）在中国境内（不包括港、澳、台地区）注册的居民企业',
    cites: [T.resident.cite],
    remedy: 'none',
    judge: ({ facts }) => residentInChina(facts),
  };

  const employees: Sc = {
    id: 'tsme-2-employees',
    label: `（二）职工总数${T.size.employees.text}`,
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
    label: `（二）年销售收入${T.size.sales.text}`,
    cites: [T.size.cite],
    remedy: 'none',
    judge: ({ facts }, data) => {
      const { year } = data;
      const j = compareAmount(yearFigure(facts, 'salesRevenueByYear', year), `${year}年销售收入`, perYearPath('salesRevenueByYear', year), T.size.sales);
      return data.beforeFirstYear ? beforeFirstYear(j, year) : j;
    },
  };

  const assets: Sc = {
    id: 'tsme-2-assets',
    label: `（二）资产总额${T.size.assets.text}`,
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
    judge: ({ facts }, { year }) => {
      const incident = incidentSincePreviousYear(facts);
      const j = allParts(
        // one question settles both this and 高企（八）
        incident === undefined
          ? { status: 'unknown', detail: `尚不知道上一年（${year}年）1月1日以来是否发生过重大安全、质量事故或严重环境违法行为`, open: ['majorIncidentPeriod'] }
          : requireValue(incident, 'majorIncidentSincePreviousYear', false, {
              yes: `上一年（${year}年）1月1日以来发生过重大安全、质量事故或严重环境违法行为`,
              no: `上一年（${year}年）1月1日以来未发生重大安全、质量事故或严重环境违法行为`,
            }),
        requireAnswer(facts, 'seriousDishonesty', false, {
          yes: `被列入经营异常名录、严重违法失信名单，或上一年（${year}年）1月1日以来有科研严重失信行为`,
          no: `未列入经营异常名录和严重违法失信名单，上一年（${year}年）1月1日以来无科研严重失信行为`,
        }),
      );
      if (j.status === 'unmet') j.gap = '（四）看填报上一年及当年：需待相关行为所在年度过后、并移出相关名录后再评价';
      return j;
    },
  };

  /** （五） on the last fiscal year's figures, with a gap that is enough to qualify. */
  function judgeScore(ctx: Context, data: SmeData): Judgement {
    const { score, staff, open, staffOpen } = data.evaluation;
    const say = () => {
      const parts = score.components.map((c) => `${c.label} ${showInterval(c.points)}`).join('，');
      return `评价得分 ${showInterval(score.points)} 分（${parts}；按${data.year}年度数据），要求${T.score.pass.text}且科技人员指标不为0`;
    };
    const passSure = figureSatisfies(score.points.min, T.score.pass);
    const passPossible = figureSatisfies(score.points.max, T.score.pass);
    if (!passPossible || staff.max === 0) return judgementSaying('unmet', say, techSmeScoreGap(T, ctx.facts, data.year, data.evaluation));
    if (passSure && staff.min > 0) return judgementSaying('met', say, score.points.min - T.score.pass.value < 6 ? `最低得分 ${score.points.min} 分，余量很小` : undefined);
    return judgementSaying('unknown', say, undefined, (passSure ? [] : open).concat(staff.min > 0 ? [] : staffOpen));
  }

  const scoreCondition: Sc = {
    id: 'tsme-5-score',
    label: `（五）综合评价得分${T.score.pass.text}，且科技人员指标得分不为0`,
    cites: [T.score.cite, T.score.total],
    remedy: 'improve',
    judge: (ctx, data): Judgement => {
      const j = judgeScore(ctx, data);
      return data.beforeFirstYear ? beforeFirstYear(j, data.year) : j;
    },
  };

  const direct = (id: string, label: string, cite: TechSmeStandard['direct'][keyof TechSmeStandard['direct']], key: DirectKey, yes: string): Sc => ({
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
      { text: `直接认定条件（第八条）出自火炬中心问答的第三方转载：评价得分低于${T.score.pass.value}分但符合第六条（一）至（四）项的企业，具备其中一项即可直接确认。`, cites: [T.direct.cite] },
    ];
    if (facts.techSmeRegistered === true) out.push({ text: '企业本年度已入库科技型中小企业；本结果仍按办法逐项判断。', cites: [] });
    return out;
  }

  return {
    id: 'tech-sme',
    title: '科技型中小企业评价',
    cites: [T.conditions],
    prepare: ({ facts, asOf }) => {
      const year = lastFiscalYear(asOf);
      const beforeFirstYear = facts.registrationDate !== undefined && yearOf(facts.registrationDate) > year;
      return { year, beforeFirstYear, evaluation: scoreOf(facts, year) };
    },
    rule: { all: [firstFiscalYear, resident, employees, sales, assets, notRestricted, clean, { any: [scoreCondition, ...directRoutes] }] },
    score: ({ evaluation }) => evaluation.score,
    notes,
  };
}

/** The programme for each edition of the 评价办法, from the day that edition applies. */
export const TECH_SME_PROGRAMMES: readonly Edition<Programme<SmeData>>[] = TECH_SME_EDITIONS.map(({ since, values }) => ({ since, values: techSmeOf(values) }));

