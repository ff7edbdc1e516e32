import fc from 'fast-check';
import { FACT_KEYS, HIGH_TECH_FIELDS, PER_YEAR_KEYS, REGIONS, type FactKey, type Facts } from '../../../rules/facts/schema.js';
import { hnteCertificateLastDay } from '../../../rules/programmes/hnte-certificate.js';

/** Profiles are judged as of this date; its last three fiscal years are 2023–2025. */
export const AS_OF = '2026-11-22';
export const YEARS = ['2023', '2024', '2025'] as const;

/** Amounts that sit on, just beside, and far from the bounds the texts name, plus ordinary values. */
const amount = (...bounds: number[]) =>
  fc.oneof(
    fc.constantFrom(...bounds.flatMap((b) => [b, b + 0.01, Math.max(0, b - 0.01)])),
    fc.integer({ min: 0, max: 30_000 }),
    fc.integer({ min: 0, max: 3_000_000 }).map((c) => c / 100),
  );
const percent = fc.oneof(fc.constantFrom(0, 9.99, 10, 10.01, 59.99, 60, 60.01, 100), fc.integer({ min: 0, max: 10_000 }).map((c) => c / 100));
const count = (...bounds: number[]) => fc.oneof(fc.constantFrom(0, ...bounds), fc.integer({ min: 0, max: 40 }));
const date = (from: number, to: number) =>
  fc.integer({ min: Date.UTC(from, 0, 1), max: Date.UTC(to, 10, 22) }).map((t) => new Date(t).toISOString().slice(0, 10));
const grade = fc.constantFrom('A', 'B', 'C', 'D', 'E' as const);
const perYear = (value: fc.Arbitrary<number>) => fc.record({ 2023: value, 2024: value, 2025: value });

/** One value for every key: a complete, consistent enterprise (the raw material for partial profiles). */
const fullProfile = fc
  .record({
    name: fc.constantFrom('南通甲科技有限公司', '乙新材料'),
    region: fc.constantFrom(...REGIONS),
    park: fc.constantFrom('南通高新区', '海门开发区'),
    registrationDate: fc.oneof(fc.constantFrom('2021-12-31', '2022-01-01', '2025-11-22', '2025-11-23'), date(2010, 2026)),
    residentEnterprise: fc.boolean(),
    industryType: fc.constantFrom('manufacturing', 'techService', 'other' as const),
    mainBusiness: fc.constantFrom('锂电池储能系统', '功率半导体芯片', '创新药物研发', '家纺面料', '工业软件'),
    highTechField: fc.constantFrom(...HIGH_TECH_FIELDS),
    inJiangsuHighTechCatalog: fc.boolean(),
    restrictedIndustry: fc.boolean(),
    rdDeductionExcludedIndustry: fc.boolean(),
    employees: fc.oneof(fc.constantFrom(0, 10, 50, 500, 501), fc.integer({ min: 1, max: 800 })),
    staffShare: fc.double({ min: 0, max: 1, noNaN: true }),
    totalAssets: amount(20000),
    salesRevenueByYear: perYear(amount(5000, 20000)),
    rdExpenseByYear: perYear(amount(100, 500)),
    rdExpenseChinaShare: percent,
    netAssetsByYear: perYear(fc.oneof(amount(1000), fc.integer({ min: -500, max: 0 }))),
    costExpensesLastYear: amount(1000),
    highTechIncomeShare: percent,
    taxableSalesThisYear: amount(100),
    ipClassI: count(1),
    ipClassII: count(1, 2, 3, 4, 5),
    ipSelfDeveloped: fc.boolean(),
    ipCoreSupport: fc.boolean(),
    techAdvancement: grade,
    coreSupportLevel: grade,
    joinedStandards: fc.boolean(),
    techTransfersAnnualAvg: fc.oneof(fc.constantFrom(0, 1, 2, 3, 4, 5), fc.double({ min: 0, max: 8, noNaN: true })),
    rdManagementSystem: fc.boolean(),
    rdInstitutionAndCooperation: fc.boolean(),
    transferIncentiveSystem: fc.boolean(),
    talentSystem: fc.boolean(),
    majorIncidentLastYear: fc.boolean(),
    majorIncidentSincePreviousYear: fc.boolean(),
    seriousDishonesty: fc.boolean(),
    hnteCertified: fc.boolean(),
    certAge: fc.integer({ min: 0, max: 1000 }),
    inCultivationPool: fc.boolean(),
    techSmeRegistered: fc.boolean(),
    provincialRdInstitution: fc.boolean(),
    nationalScienceAwardTop3: fc.boolean(),
    ledStandardLast5y: fc.boolean(),
    provincialKeyLab: fc.boolean(),
    attractedFromOutside: fc.boolean(),
    operatingNormally: fc.boolean(),
    kechuangRecognizedBefore: fc.boolean(),
    tangibleAssetsFromCash: amount(100),
    movedIn: fc.boolean(),
    hnteWhenIntroduced: fc.boolean(),
    parentIsOutsideHnte: fc.boolean(),
    founderStemMasters: fc.boolean(),
    founderCashPaidIn: amount(100),
    founderIsPrincipal: fc.boolean(),
    talentProgramStartup: fc.boolean(),
    shareholderTalentFundingOutside: amount(30),
    competitionAward: fc.boolean(),
    socialInvestmentAfterLanding: amount(500),
    postMoneyValuation: amount(5000),
    localStateCapitalShare: percent,
    kechuangIpRoute: fc.boolean(),
    utilityModelsSelfApplied: count(2, 3),
    ipSupportsMainProduct: fc.boolean(),
  })
  .map(({ staffShare, certAge, movedIn, ...f }): Facts => {
    const scienceStaff = Math.floor(f.employees * staffShare);
    const noIp = f.ipClassI === 0 && f.ipClassII === 0;
    // a certificate issued after registration and still valid on AS_OF
    const earliest = [f.registrationDate, new Date(Date.parse(AS_OF) - 1090 * 86_400_000).toISOString().slice(0, 10)].sort()[1]!;
    const span = Math.max(0, (Date.parse(AS_OF) - Date.parse(earliest)) / 86_400_000);
    const hnteCertDate = new Date(Date.parse(earliest) + Math.min(certAge, span) * 86_400_000).toISOString().slice(0, 10);
    const founded = Number(f.registrationDate.slice(0, 4));
    const existing = (figures: Record<string, number>) => Object.fromEntries(Object.entries(figures).filter(([y]) => Number(y) >= founded));
    const inNantong = f.region !== '市外';
    // an enterprise that moved to Nantong did so after it was founded; one founded there was no 高企 on arrival
    const nantongRegistrationDate = inNantong ? (movedIn ? [f.registrationDate, '2023-03-01'].sort()[1]! : f.registrationDate) : undefined;
    return {
      ...f,
      salesRevenueByYear: existing(f.salesRevenueByYear),
      rdExpenseByYear: existing(f.rdExpenseByYear),
      netAssetsByYear: existing(f.netAssetsByYear),
      residentEnterprise: inNantong || f.residentEnterprise,
      utilityModelsSelfApplied: Math.min(f.utilityModelsSelfApplied, f.ipClassII),
      ...(nantongRegistrationDate === undefined ? {} : { nantongRegistrationDate }),
      majorIncidentSincePreviousYear: f.majorIncidentLastYear || f.majorIncidentSincePreviousYear,
      hnteWhenIntroduced:
        nantongRegistrationDate !== f.registrationDate &&
        (f.hnteWhenIntroduced || (nantongRegistrationDate !== undefined && hnteCertDate < nantongRegistrationDate && hnteCertificateLastDay(hnteCertDate) >= nantongRegistrationDate)),
      scienceStaff,
      ipSelfDeveloped: noIp ? false : f.ipSelfDeveloped,
      hnteCertDate,
      hnteCertified: f.hnteCertified && hnteCertificateLastDay(hnteCertDate) >= AS_OF,
    };
  });

/**
 * The keys the full profile gives: not the one-question answers (nantongOrigin, majorIncidentPeriod restate facts it
 * gives) nor the 2021 carve-out grant (its cases are in kechuang.yaml).
 */
const GIVEN_KEYS = FACT_KEYS.filter((k) => !['nantongOrigin', 'majorIncidentPeriod', 'kechuangIpGrantedInCarveOut'].includes(k));

type Level = 0 | 1 | 2;
const level = fc.constantFrom<Level>(0, 1, 2);
const levels = fc.record({
  keys: fc.record(Object.fromEntries(GIVEN_KEYS.map((k) => [k, level])) as { [K in FactKey]: fc.Arbitrary<Level> }),
  years: fc.record(Object.fromEntries(PER_YEAR_KEYS.map((k) => [k, fc.record({ 2023: level, 2024: level, 2025: level })])) as Record<string, fc.Arbitrary<Record<string, Level>>>),
});

/** The facts of `full` whose level reaches `atLeast`: a partial profile, as a user gives it. */
function keep(full: Facts, chosen: { keys: Record<string, Level>; years: Record<string, Record<string, Level>> }, atLeast: Level): Facts {
  const out: Record<string, unknown> = {};
  for (const key of GIVEN_KEYS) {
    if (chosen.keys[key]! < atLeast) continue;
    if ((PER_YEAR_KEYS as readonly string[]).includes(key)) {
      const years = Object.entries(full[key] as Record<string, number>).filter(([y]) => chosen.years[key]![y]! >= atLeast);
      if (years.length) out[key] = Object.fromEntries(years);
    } else out[key] = full[key];
  }
  return out as Facts;
}

/** A partial profile and a richer one holding every fact of the first, from the same enterprise. */
export const nestedProfiles = fc.tuple(fullProfile, levels).map(([full, chosen]) => ({
  fewer: keep(full, chosen, 2),
  more: keep(full, chosen, 1),
  full,
}));

/** A random partial profile. */
export const profiles = nestedProfiles.map((p) => p.more);
