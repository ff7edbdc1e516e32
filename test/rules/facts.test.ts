import { describe, expect, it } from 'vitest';
import { describeFact, FACT_CATALOG } from '../../rules/facts/catalog.js';
import { assessmentYears, possibleAssessmentYears } from '../../rules/facts/fiscal-years.js';
import { FACT_KEYS, PER_YEAR_KEYS } from '../../rules/facts/schema.js';
import { FactsError, parseProfile } from '../../rules/facts/validate.js';

const today = '2026-11-22';
const issuesOf = (input: unknown, asOf?: string) => {
  try {
    parseProfile(input, { today, asOf });
  } catch (e) {
    if (e instanceof FactsError) return e.issues;
    throw e;
  }
  return [];
};

describe('reading a facts profile', () => {
  it('accepts every key of the vocabulary and keeps absent keys absent (unknown, not false or 0)', () => {
    const { facts, asOf } = parseProfile({ employees: 10, hnteCertified: false, salesRevenueByYear: { 2025: 120.5 } }, { today });
    expect(asOf).toBe(today);
    expect(facts).toEqual({ employees: 10, hnteCertified: false, salesRevenueByYear: { '2025': 120.5 } });
    expect('scienceStaff' in facts).toBe(false);
  });

  it('reads null as not known', () => {
    expect(parseProfile({ employees: null, rdExpenseByYear: { 2024: null, 2025: 3 } }, { today }).facts).toEqual({ rdExpenseByYear: { '2025': 3 } });
  });

  it('names the key and what was expected, in Chinese and English', () => {
    expect(issuesOf({ scienceStaff: -1 })).toEqual([{ key: 'scienceStaff', message: '应为不小于0的整数 / expected a non-negative integer' }]);
    expect(issuesOf({ scienceStaff: 2.5 })[0]!.message).toContain('expected a non-negative integer');
    expect(issuesOf({ rdExpenseChinaShare: 120 })[0]).toEqual({ key: 'rdExpenseChinaShare', message: '应为0到100之间的百分数 / expected a percentage from 0 to 100' });
    expect(issuesOf({ registrationDate: '2023-02-30' })[0]!.key).toBe('registrationDate');
    expect(issuesOf({ region: '南京市' })[0]!.message).toMatch(/应为以下之一：崇川区.*expected one of: 崇川区/);
    expect(issuesOf({ hnteCertified: 'yes' })[0]).toEqual({ key: 'hnteCertified', message: '应为是或否（true/false） / expected true or false' });
    expect(issuesOf({ totalAssets: '300万' })[0]!.key).toBe('totalAssets');
  });

  it('checks per-year objects year by year', () => {
    expect(issuesOf({ salesRevenueByYear: { 25: 100 } })[0]).toEqual({ key: 'salesRevenueByYear.25', message: '年份键应为4位数字，如 "2025" / expected 4-digit years as keys, e.g. "2025"' });
    expect(issuesOf({ rdExpenseByYear: { 2025: -3 } })[0]!.key).toBe('rdExpenseByYear.2025');
    expect(issuesOf({ netAssetsByYear: { 2025: -3 } })).toEqual([]);
    expect(issuesOf({ salesRevenueByYear: 1200 })[0]!.key).toBe('salesRevenueByYear');
  });

  it('rejects unknown keys, suggesting the one probably meant', () => {
    expect(issuesOf({ scienceStaf: 3 })).toEqual([
      { key: 'scienceStaf', message: '不是已知的事实键（是否想写 scienceStaff？） / unknown fact key (did you mean scienceStaff?)' },
    ]);
    expect(issuesOf({ favouriteColour: 'red' })[0]!.message).toContain('unknown fact key');
  });

  it('reports every bad key at once, in one line', () => {
    const error = (() => {
      try {
        parseProfile({ employees: -1, region: 'x', typo: 1 }, { today });
      } catch (e) {
        return e as FactsError;
      }
    })()!;
    expect(error.issues.map((i) => i.key).sort()).toEqual(['employees', 'region', 'typo']);
    expect(error.message).not.toContain('\n');
  });

  it('checks facts against each other, naming both keys', () => {
    expect(issuesOf({ employees: 10, scienceStaff: 12 })).toEqual([
      { key: 'scienceStaff, employees', message: '科技人员数（12）不能超过职工总数（10） / scienceStaff must not exceed employees' },
    ]);
    expect(issuesOf({ ipSelfDeveloped: true, ipClassI: 0, ipClassII: 0 })[0]!.key).toBe('ipSelfDeveloped, ipClassI, ipClassII');
  });

  it('checks dates against the evaluation date, which --as-of overrides', () => {
    expect(issuesOf({ registrationDate: '2027-01-01' })[0]!.key).toBe('registrationDate');
    expect(issuesOf({ asOf: '2024-01-01', registrationDate: '2023-01-01' })).toEqual([]);
    expect(issuesOf({ asOf: '2024-01-01', registrationDate: '2023-01-01' }, '2022-06-01')[0]!.key).toBe('registrationDate');
    expect(parseProfile({ asOf: '2024-01-01' }, { today, asOf: '2025-05-05' }).asOf).toBe('2025-05-05');
    // a "valid" certificate issued more than three years before the evaluation date contradicts itself
    expect(issuesOf({ hnteCertified: true, hnteCertDate: '2023-11-22' })[0]!.key).toBe('hnteCertified, hnteCertDate');
    expect(issuesOf({ hnteCertified: true, hnteCertDate: '2023-11-23' })).toEqual([]);
  });
});

describe('the fact catalog', () => {
  it('describes every key of the schema for a dialog', () => {
    expect(Object.keys(FACT_CATALOG).sort()).toEqual([...FACT_KEYS].sort());
    for (const key of FACT_KEYS) {
      const info = FACT_CATALOG[key];
      expect(info.label && info.labelEn && info.question, key).toBeTruthy();
      if (info.kind === 'choice') expect(info.choices?.length, key).toBeGreaterThan(1);
    }
    expect(FACT_CATALOG.highTechField.choices).toContainEqual({ label: '不属于上述领域', value: 'none' });
    expect(FACT_CATALOG.industryType.choices).toContainEqual({ label: '制造业', value: 'manufacturing' });
    expect(FACT_CATALOG.scienceStaff.unit).toBe('人');
  });

  it('asks per-year facts one year at a time', () => {
    for (const key of PER_YEAR_KEYS) expect(FACT_CATALOG[key].question).toContain('{year}');
    const f = describeFact('salesRevenueByYear.2025');
    expect(f).toMatchObject({ key: 'salesRevenueByYear', year: 2025, kind: 'number', unit: '万元', label: '2025年销售收入' });
    expect(f.question).toBe('2025年的销售收入是多少（万元）？');
  });
});

describe('the fiscal years a three-year test looks at', () => {
  it('are the last three completed before the evaluation date', () => {
    expect(assessmentYears('2026-11-22', '2010-01-01')).toEqual([2023, 2024, 2025]);
    expect(assessmentYears('2026-01-02', '2010-01-01')).toEqual([2023, 2024, 2025]);
  });

  it('are fewer for an enterprise that has operated less than three years', () => {
    expect(assessmentYears('2026-11-22', '2024-07-01')).toEqual([2024, 2025]);
    expect(assessmentYears('2026-11-22', '2026-02-01')).toEqual([]);
  });

  it('are every possibility while the registration date is unknown', () => {
    expect(possibleAssessmentYears({}, '2026-11-22')).toEqual([[2023, 2024, 2025], [2024, 2025], [2025], []]);
    // registered no later than its 高企 certificate was issued
    expect(possibleAssessmentYears({ hnteCertDate: '2024-05-01' }, '2026-11-22')).toEqual([[2023, 2024, 2025], [2024, 2025]]);
  });
});

describe('questions that name their dates', () => {
  it('asks the incident period and 科研失信 from 1 January of the year before the evaluation date', () => {
    expect(describeFact('majorIncidentPeriod', '2026-12-02').question).toContain('2025年1月1日至今');
    expect(describeFact('seriousDishonesty', '2027-03-01').question).toContain('2026年1月1日以来');
    // without a date the question still reads, relative to today
    expect(describeFact('majorIncidentPeriod').question).toContain('去年1月1日至今');
    expect(describeFact('majorIncidentPeriod').choices!.map((c) => c.value)).toEqual(['none', 'before12Months', 'within12Months']);
  });

  it('refuses only what no truthful profile gives: an answer contradicting the facts it settles', () => {
    expect(issuesOf({ majorIncidentPeriod: 'none', majorIncidentLastYear: true }).map((i) => i.key)).toEqual(['majorIncidentPeriod, majorIncidentLastYear']);
    expect(issuesOf({ nantongOrigin: 'foundedHere', registrationDate: '2019-05-01', nantongRegistrationDate: '2023-01-01' })).toHaveLength(1);
    // S2, S4, S5, S8: a real enterprise's answers are judged (with a warning where they disagree), never refused
    expect(issuesOf({ registrationDate: '2024-03-01', hnteCertDate: '2023-01-10' })).toEqual([]);
    expect(issuesOf({ region: '崇川区', residentEnterprise: false })).toEqual([]);
    expect(issuesOf({ utilityModelsSelfApplied: 5, ipClassII: 2 })).toEqual([]);
    expect(issuesOf({ asOf: '2025-06-01', registrationDate: '2015-03-01', nantongRegistrationDate: '2023-06-01', hnteCertDate: '2022-12-01', hnteWhenIntroduced: false })).toEqual([]);
  });
});
