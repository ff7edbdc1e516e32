import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.js';
import type { Facts } from '../../rules/facts/schema.js';
import type { EvaluationJson } from '../../rules/present/evaluation-json.js';
import { nextStepOf, reasonOf, type ProgrammeInput } from '../../rules/present/reason.js';
import { renderHtmlReport } from '../../rules/present/report-html.js';
import { programmeVerdictText } from '../../bot/channels/wechat-text/verdict.js';
import { verdictMessages } from '../../bot/dialog/verdict.js';
import { toJson } from '../../rules/present/to-json.js';
import { testKnowledge } from '../helpers/knowledge.js';

const knowledge = testKnowledge();
const AS_OF = '2026-11-22';
const judged = (facts: Record<string, unknown>): EvaluationJson => toJson(evaluate(facts as Facts, AS_OF), knowledge.resolve);
const programme = (e: EvaluationJson, id: string) => e.programmes.find((p) => p.id === id)!;

/** The 科创项目 base case of test/rules/cases/kechuang.yaml: every base condition met, no route. */
const KECHUANG_BASE = {
  region: '通州区', registrationDate: '2023-06-01', attractedFromOutside: true, operatingNormally: true, kechuangRecognizedBefore: false,
  industryType: 'manufacturing', highTechField: '新能源与节能', tangibleAssetsFromCash: 800, taxableSalesThisYear: 0,
  hnteCertified: false, parentIsOutsideHnte: false, founderStemMasters: false, founderCashPaidIn: 0, founderIsPrincipal: false,
  talentProgramStartup: false, shareholderTalentFundingOutside: 0, competitionAward: false, inCultivationPool: false,
  socialInvestmentAfterLanding: 0, postMoneyValuation: 0, localStateCapitalShare: 0, kechuangIpRoute: false,
  utilityModelsSelfApplied: 0, ipSupportsMainProduct: false,
};
const HAIMEN = { employees: 300, scienceStaff: 25, salesRevenueByYear: { 2025: 20000 }, rdExpenseByYear: { 2025: 400 }, region: '海门区', registrationDate: '2015-03-01', nantongRegistrationDate: '2015-03-01' };

/** Every condition lands in exactly one of deciding, other routes and the rest: nothing is dropped. */
function expectEveryConditionOnce(p: ProgrammeInput) {
  const r = reasonOf(p);
  const ids = [...r.deciding, ...r.otherRoutes, ...r.rest].map((l) => l.id);
  expect(ids.sort()).toEqual(p.conditions.map((c) => c.id).sort());
}

describe('the reason first', () => {
  it('an eligible 科创项目 names the route that qualifies, and folds the other routes', () => {
    const p = programme(judged({ ...KECHUANG_BASE, founderStemMasters: true, founderCashPaidIn: 150, founderIsPrincipal: true }), 'kechuang-project-2023');
    const r = reasonOf(p);
    expect(r.outcome).toBe('eligible');
    expect(r.headline).toMatch(/^符合条件2：主要原始股东/);
    expect(r.deciding.map((l) => l.id)).toContain('kc-route-2-founder');
    expect(r.deciding.every((l) => l.status === 'met')).toBe(true);
    expect(r.otherRoutes.map((l) => l.number)).toEqual(['条件1', '条件3', '条件4', '条件5', '条件6', '条件7', '条件8']);
    // routes not taken are not work to do
    expect(r.gaps.filter((g) => g.id.startsWith('kc-route'))).toEqual([]);
    expectEveryConditionOnce(p);
  });

  it('an eligible 科小 by its score shows no 直接认定 line as its reason', () => {
    const p = programme(judged({ residentEnterprise: true, employees: 60, scienceStaff: 18, salesRevenueByYear: { 2025: 1500 }, rdExpenseByYear: { 2025: 120 }, totalAssets: 900, ipClassI: 1, restrictedIndustry: false, majorIncidentLastYear: false, majorIncidentSincePreviousYear: false, seriousDishonesty: false, costExpensesLastYear: 2000, hnteCertified: false, nationalScienceAwardTop3: false, provincialRdInstitution: false, ledStandardLast5y: false }), 'tech-sme');
    const r = reasonOf(p);
    expect(r.headline).toMatch(/^符合（五）：综合评价得分/);
    expect(r.deciding.some((l) => l.number?.startsWith('直接认定'))).toBe(false);
    expect(r.otherRoutes.map((l) => l.number)).toEqual(['直接认定（1）', '直接认定（2）', '直接认定（3）', '直接认定（4）']);
    expectEveryConditionOnce(p);
  });

  it('an ineligible verdict names the blocking conditions with their numbers and gaps', () => {
    const p = programme(judged(HAIMEN), 'hnte');
    const r = reasonOf(p);
    expect(r.outcome).toBe('ineligible');
    expect(r.headline).toContain('（四）');
    const staff = r.deciding.find((l) => l.id === 'hnte-4-science-staff')!;
    expect(staff.number).toBe('（四）');
    expect(staff.gap).toContain('还差 5 名科技人员');
    // decided by (四), yet every gap: (五) is still open, and already at risk on the one year known
    expect(r.gaps.map((g) => g.id)).toEqual(['hnte-4-science-staff', 'hnte-5-rd-intensity']);
    expect(r.gaps[1]).toMatchObject({ number: '（五）', status: 'unknown' });
    expect(r.gaps[1]!.gap).toMatch(/^已知的2025年研发费用占比 2\.0%，低于4%/);
    expect(r.youCanTell).toEqual([]);
    // and what it takes to know the rest: the two earlier years' figures among them
    expect(r.toCheck).toEqual(expect.arrayContaining(['2023年销售收入', '2024年销售收入', '2023年研究开发费用', '2024年研究开发费用']));
    expectEveryConditionOnce(p);
  });

  it('ruled out with a route met: the routes that route makes unnecessary are no gap', () => {
    const p = programme(judged({ ...KECHUANG_BASE, operatingNormally: false, founderStemMasters: true, founderCashPaidIn: 150, founderIsPrincipal: true }), 'kechuang-project-2023');
    const r = reasonOf(p);
    expect(r.outcome).toBe('ineligible');
    expect(r.gaps.filter((g) => g.id.startsWith('kc-route'))).toEqual([]);
  });

  it('a blocking condition no effort can change is said to be final', () => {
    const e = judged(HAIMEN);
    expect(reasonOf(programme(e, 'kechuang-project-2023'))).toMatchObject({ headline: '不满足2022年1月1日以来在南通注册', final: true, gaps: [expect.objectContaining({ id: 'kc-base-registered-since-2022' })] });
    expect(reasonOf(programme(e, 'hnte')).final).toBe(false);
  });

  it('final when one blocking condition nothing changes stands alone, though other gaps could be closed', () => {
    // registered in 南通 before 2022 and not operating: 正常运营 could be reached, the date cannot
    const e = judged({ ...KECHUANG_BASE, registrationDate: '2019-06-01', nantongRegistrationDate: '2019-06-01', kechuangIpGrantedInCarveOut: false, operatingNormally: false });
    const p = programme(e, 'kechuang-project-2023');
    expect(p.final).toBe(true);
    expect(reasonOf(p).final).toBe(true);
    const report = renderHtmlReport({ evaluation: e, facts: KECHUANG_BASE as Facts, generatedOn: AS_OF });
    expect(report.slice(report.indexOf('id="p-kechuang-project-2023"'))).toContain('决定结论的条件无法通过补足改变');
    expect(programmeVerdictText(e, p)).toContain('决定结论的条件无法通过补足改变');
  });

  it('no route at all: the routes are the blocking ones, said as one run', () => {
    const r = reasonOf(programme(judged(KECHUANG_BASE), 'kechuang-project-2023'));
    expect(r.headline).toBe('不满足条件1至条件8（均不满足）');
  });

  it('an undetermined verdict splits what the owner can tell from what experts decide, with both evaluation shapes', () => {
    const e = judged(HAIMEN);
    const p = programme(e, 'tech-sme');
    const before = reasonOf(p);
    expect(before.outcome).toBe('undetermined');
    expect(before.headline).toMatch(/^取决于/);
    expect(before.youCanTell).toContain('资产总额');
    expect(before.youCanTell.length).toBe(p.missingFacts.length);
    expect(before.expertsDecide).toEqual([]);
    // the unmet score is no gap while a 直接认定 still open may make it unnecessary (the evaluation's gap list)
    expect(before.gaps.map((g) => g.id)).toEqual(p.gaps);
    expect(before.gaps.map((g) => g.id)).not.toContain('tsme-5-score');
    // the shape after issue 12: an assessment and the list of what only the review decides
    expect(before.estimate).toBeNull();
    const withExperts: ProgrammeInput = {
      ...p,
      assessment: { estimate: 'likely', basis: '组织管理水平取中值时合计约 72 分' },
      expertDecides: [{ id: 'hnte-score-management', label: '研究开发组织管理水平', min: 0, max: 20, maxPoints: 20 }],
    };
    const after = reasonOf(withExperts);
    expect(after.expertsDecide).toEqual(['研究开发组织管理水平（0–20 分）']);
    expect(after.estimate).toBe('可能通过：组织管理水平取中值时合计约 72 分（估算，不是认定结论）');
  });

  it('a condition a newer rule adds, unknown to the shape, is still shown', () => {
    const p = programme(judged(HAIMEN), 'hnte');
    const extra = { ...p.conditions[0]!, id: 'hnte-9-new', label: '（九）新条件', status: 'unmet' as const, gap: '还差一项' };
    const r = reasonOf({ ...p, conditions: [...p.conditions, extra] });
    expect(r.deciding.map((l) => l.id)).toContain('hnte-9-new');
  });

  it('the next step comes from the roadmap of that programme', () => {
    const e = judged(HAIMEN);
    expect(nextStepOf(e, 'hnte')).toBe('第3步 补齐1项差距（另有1项有风险）后可申报高企');
    expect(nextStepOf(e, 'no-such-programme')).toBeNull();
  });

  describe('one gap list, the evaluation\'s, on every channel', () => {
    /** The gaps each channel shows for the 科创项目: web card (reasonOf), the report, WeChat text, the chat. */
    function shown(facts: Record<string, unknown>) {
      const e = judged(facts);
      const p = programme(e, 'kechuang-project-2023');
      const report = renderHtmlReport({ evaluation: e, facts: facts as Facts, generatedOn: AS_OF });
      const section = report.slice(report.indexOf('id="p-kechuang-project-2023"'));
      const gapsHtml = /<div class="gaps">(.*?)<\/div>/su.exec(section)?.[1] ?? '';
      const wechat = programmeVerdictText(e, p);
      const chat = verdictMessages(e, ['kechuang-project-2023'], 'zh').find((m) => m.text.includes('【'))!.text;
      return { p, card: reasonOf(p), gapsHtml, wechat, chat };
    }

    it('routes another route still open may make unnecessary are no gap: 条件2, 7, 8 failed while 条件1, 3–6 are open', () => {
      const open = { hnteCertified: undefined, parentIsOutsideHnte: undefined, talentProgramStartup: undefined, shareholderTalentFundingOutside: undefined, competitionAward: undefined, inCultivationPool: undefined };
      const { p, card, gapsHtml, wechat, chat } = shown({ ...KECHUANG_BASE, ...open, operatingNormally: false });
      expect(p.outcome).toBe('ineligible');
      expect(p.gaps).toEqual(['kc-base-operating-normally']);
      expect(card.gaps.map((g) => g.id)).toEqual(p.gaps);
      for (const text of [gapsHtml, wechat, chat]) for (const n of ['条件2', '条件7', '条件8']) expect(text).not.toContain(n);
      expect(gapsHtml).toContain('正常运营');
      expect(wechat).toMatch(/差距：制造业企业需达到用地项目开工要求/u);
    });

    it('unmet conditions without a gap text are shown too: every route when all fail, and a registration date too early', () => {
      // “应满足以下条件之一”: with none met, each route is one way to close the gap
      const { p, card, gapsHtml, wechat } = shown({ ...KECHUANG_BASE, registrationDate: '2019-06-01', nantongRegistrationDate: '2019-06-01', kechuangIpGrantedInCarveOut: false });
      expect(p.gaps.slice(0, 1)).toEqual(['kc-base-registered-since-2022']);
      expect(p.gaps.filter((id) => id.startsWith('kc-route-'))).toHaveLength(8);
      expect(card.gaps.map((g) => g.id)).toEqual(p.gaps);
      for (const g of card.gaps) expect(g.gap, g.id).toBeTruthy();
      expect(card.gaps.find((g) => g.id === 'kc-route-6-cultivation-pool')!.gap).toBe('需满足市高新技术企业培育入库企业（与其他途径满足其一即可）');
      for (const n of ['2022年1月1日以来在南通注册', '条件1', '条件3', '条件5', '条件6']) expect(gapsHtml).toContain(n);
      expect(gapsHtml).toContain('在南通注册（迁入）日期 2019-06-01，早于2022年1月1日');
      expect(wechat).toContain('差距：在南通注册（迁入）日期 2019-06-01');
    });
  });
});
