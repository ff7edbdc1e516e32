import { describe, expect, it } from 'vitest';
import { plainStep } from '../../rules/advice/roadmap.js';
import { evaluate } from '../../rules/evaluate.js';
import type { Facts } from '../../rules/facts/schema.js';

const asOf = '2026-11-22';
const benefit = (facts: Facts, id: string, on = asOf) => evaluate(facts, on).benefits.find((b) => b.id === id);
/** a day inside 海门's plan (2022–2024), when its measures still apply */
const inHaimenPlan = '2024-06-01';

describe('benefits', () => {
  it('高企 15%: applies with a valid certificate, maybe while eligible or open, no otherwise', () => {
    expect(benefit({ hnteCertified: true }, 'hnte-income-tax-15')?.status).toBe('applies');
    expect(benefit({}, 'hnte-income-tax-15')?.status).toBe('maybe');
    expect(benefit({ highTechField: 'none' }, 'hnte-income-tax-15')).toMatchObject({ status: 'no', jurisdiction: '全国', sourceKind: 'regulation' });
  });

  it('R&D super-deduction: not for the excluded industries, and says where that list comes from', () => {
    expect(benefit({ rdDeductionExcludedIndustry: true }, 'rd-super-deduction-100')).toMatchObject({ status: 'no' });
    expect(benefit({ rdDeductionExcludedIndustry: false, rdExpenseByYear: { 2025: 80 } }, 'rd-super-deduction-100')?.status).toBe('applies');
    expect(benefit({}, 'rd-super-deduction-100')?.reason).toContain('财税〔2015〕119号');
  });

  it('a 板块 measure reaches only its own 板块, and is a "maybe" while the 板块 is unknown', () => {
    expect(benefit({ region: '海门区', techSmeRegistered: true }, 'haimen-cultivation-pool-priority', inHaimenPlan)).toMatchObject({ status: 'applies', jurisdiction: '海门区' });
    expect(benefit({ techSmeRegistered: true }, 'haimen-cultivation-pool-priority', inHaimenPlan)?.status).toBe('maybe');
    expect(benefit({ region: '启东市', techSmeRegistered: true }, 'haimen-cultivation-pool-priority')).toBeUndefined();
    expect(benefit({ region: '海门区', inCultivationPool: true }, 'haimen-patent-fast-track', inHaimenPlan)?.status).toBe('applies');
    expect(benefit({ region: '海门区', hnteCertified: true }, 'haimen-tech-finance', inHaimenPlan)?.status).toBe('applies');
    expect(benefit({ region: '启东市', techSmeRegistered: true }, 'qidong-loan-risk-compensation', '2025-06-01')?.status).toBe('applies');
    expect(benefit({ region: '启东市', industryType: 'techService' }, 'qidong-tech-upgrade-subsidy', '2025-06-01')?.status).toBe('no');
    expect(benefit({ region: '启东市', rdExpenseByYear: { 2024: 0 } }, 'qidong-rd-post-subsidy', '2025-06-01')?.status).toBe('no');
  });

  it('a measure past the period its text sets is “已到期”, never “applies”', () => {
    const b = benefit({ region: '海门区', techSmeRegistered: true }, 'haimen-cultivation-pool-priority')!;
    expect(b).toMatchObject({ status: 'no', expired: true, period: '2022–2024' });
    expect(b.reason).toContain('已到期（2022–2024）');
    expect(benefit({ region: '海门区', techSmeRegistered: true }, 'haimen-cultivation-pool-priority', inHaimenPlan)).toMatchObject({ status: 'applies', expired: false });
  });

  it('a news report’s figures are reported, never policy: at most "maybe", and labelled', () => {
    const award = benefit({ region: '崇川区', hnteCertified: true, hnteCertDate: '2026-03-01' }, 'reported-new-hnte-award-45')!;
    expect(award).toMatchObject({ status: 'maybe', sourceKind: 'report' });
    expect(award.reason).toContain('不是政策条款');
    // the report does not say which 板块 its "市区" takes in: never applied, only mentioned with that caveat
    expect(benefit({ region: '如皋市' }, 'reported-new-hnte-award-45')).toMatchObject({ status: 'maybe' });
    expect(benefit({ region: '崇川区' }, 'reported-new-hnte-award-45')?.reason).toContain('未界定“市区”');
    expect(benefit({ provincialKeyLab: true }, 'reported-provincial-key-lab-50')?.status).toBe('maybe');
    expect(benefit({ provincialKeyLab: false }, 'reported-provincial-key-lab-50')?.status).toBe('no');
  });
});

describe('parks', () => {
  it('match the main business through synonyms, own region first, the matching part of each row cited', () => {
    const parks = evaluate({ region: '通州区', mainBusiness: '锂电池储能系统' }, asOf).parks;
    expect(parks[0]).toMatchObject({ park: '南通高新区', region: '通州区', matchedOn: ['新型储能'] });
    expect(parks.map((p) => p.park)).toEqual(expect.arrayContaining(['海安高新区', '如皋开发区', '崇川开发区', '苏锡通科技产业园区']));
    expect(parks[0]!.cites[0]).toEqual({ doc: 'nantong-2024-37', quote: '南通高新区：第三代半导体、新型储能' });
  });

  it('understand chip design as 集成电路 (not 第三代半导体), and 大模型 as 人工智能', () => {
    expect(evaluate({ mainBusiness: '车规级芯片设计' }, asOf).parks.map((p) => p.park)).toEqual(['南通创新区', '市北高新区']);
    expect(evaluate({ mainBusiness: '行业大模型应用' }, asOf).parks.map((p) => p.park)).toEqual(expect.arrayContaining(['南通高新区', '崇川开发区', '南通创新区']));
  });

  it('fall back on the high-tech field when the main business names no direction, and are empty with neither', () => {
    expect(evaluate({ highTechField: '生物与新医药' }, asOf).parks.map((p) => p.park)).toContain('海门临江');
    expect(evaluate({ mainBusiness: '家纺面料' }, asOf).parks.map((p) => p.park)).toEqual(['南通国际家纺产业园区']);
    expect(evaluate({}, asOf).parks).toEqual([]);
  });
});

describe('roadmap', () => {
  const young = {
    region: '海门区' as const, registrationDate: '2026-03-01', residentEnterprise: true, employees: 40, scienceStaff: 3,
    highTechField: '电子信息' as const, ipCoreSupport: true, salesRevenueByYear: { 2025: 500 }, rdExpenseByYear: { 2025: 40 },
  };

  it('orders the ladder 科小 → 培育库 → 高企 → 科创项目, with the gaps and the day time will settle', () => {
    const steps = evaluate(young, asOf).roadmap;
    expect(steps.map((s) => s.programme)).toEqual(['tech-sme', 'cultivation-pool', 'hnte', 'kechuang-project-2023']);
    const hnte = steps.find((s) => s.programme === 'hnte')!;
    expect(hnte.readyOn).toBe('2027-03-01');
    expect(hnte.actions).toContain('注册满一年：2027-03-01 起');
    expect(hnte.actions.join()).toContain('还差 1 名科技人员');
    expect(steps[1]!.actions[0]).toContain('海门区优先支持');
  });

  it('words each step in one plain sentence, dated where the rules know the day', () => {
    const plainly = Object.fromEntries(evaluate(young, asOf).roadmap.map((s) => [s.programme, s.plainly]));
    expect(plainly['tech-sme']).toBe('2027年1月1日后可评价科小（首个完整会计年度结束）');
    // （五） waits for the first year to close (实际经营期不满三年的按实际经营时间计算): no gap, so only the staff share counts
    expect(plainly.hnte).toBe('补齐1项差距、2027年3月1日后可申报高企（注册满一年）');
    expect(plainly['cultivation-pool']).toBe('按南通市当年通知申报高企培育库');
    expect(plainly['kechuang-project-2023']).toMatch(/^还有\d+项条件待核实，核实后可知能否申报科创项目认定$/u);
    expect(Object.values(plainly).join()).not.toMatch(/共\d+项|\d{4}-\d{2}-\d{2}/u);
  });

  it('says the day time alone waits for, or what it waits for when the day is not known yet', () => {
    const waiting = { status: 'wait' as const, gaps: 0, open: 0, atRisk: 0 };
    expect(plainStep('申报高企', { ...waiting, readyOn: '2027-01-15', waits: ['注册满一年'] })).toBe('2027年1月15日后可申报高企（注册满一年）');
    expect(plainStep('评价科小', { ...waiting, readyOn: null, waits: ['首个完整会计年度结束'] })).toBe('首个完整会计年度结束后可评价科小');
    expect(plainStep('申报高企', { status: 'work', readyOn: null, waits: [], gaps: 3, open: 0, atRisk: 0 })).toBe('补齐3项差距后可申报高企');
    expect(plainStep('评价科小', { status: 'ready', readyOn: null, waits: [], gaps: 0, open: 0, atRisk: 0 })).toBe('现在即可评价科小');
  });

  it('counts the conditions at risk on the figures known in the same sentence', () => {
    const work = { status: 'work' as const, readyOn: null, waits: [], gaps: 1, open: 1, atRisk: 1 };
    expect(plainStep('申报高企', work)).toBe('补齐1项差距（另有1项有风险）后可申报高企');
    expect(plainStep('申报高企', { ...work, readyOn: '2027-03-01', waits: ['注册满一年'] })).toBe('补齐1项差距（另有1项有风险）、2027年3月1日后可申报高企（注册满一年）');
    expect(plainStep('申报高企', { ...work, status: 'confirm', gaps: 0, open: 3, atRisk: 2 })).toBe('还有3项条件待核实（其中2项有风险），核实后可知能否申报高企');
    expect(plainStep('申报高企', { ...work, status: 'wait', gaps: 0, readyOn: '2027-01-15', waits: ['注册满一年'] })).toBe('2027年1月15日后可申报高企（注册满一年），另有1项条件有风险');
  });

  it('leaves out what is held already and what a fixed fact rules out', () => {
    const steps = evaluate({ ...young, techSmeRegistered: true, kechuangRecognizedBefore: true }, asOf).roadmap;
    expect(steps.map((s) => s.programme)).toEqual(['cultivation-pool', 'hnte']);
  });

  it('marks a programme the enterprise already qualifies for as ready', () => {
    const steps = evaluate({ residentEnterprise: true, employees: 60, scienceStaff: 18, salesRevenueByYear: { 2025: 1500 }, rdExpenseByYear: { 2025: 120 }, totalAssets: 900, ipClassI: 1, restrictedIndustry: false, majorIncidentLastYear: false, majorIncidentSincePreviousYear: false, seriousDishonesty: false }, asOf).roadmap;
    expect(steps[0]).toMatchObject({ programme: 'tech-sme', status: 'ready' });
  });
});
