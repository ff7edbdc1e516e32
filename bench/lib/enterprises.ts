import { HIGH_TECH_FIELDS, REGIONS } from '../../rules/facts/schema.js';

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same enterprises on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (n: number, step = 1) => Math.round(n / step) * step;

/** The incident history an owner knows: the rules' yes/no for the last year and the dialog's one question's period. */
function incidentHistory(lastYear: boolean): { majorIncidentLastYear: boolean; majorIncidentPeriod: 'within12Months' | 'none' } {
  return { majorIncidentLastYear: lastYear, majorIncidentPeriod: lastYear ? 'within12Months' : 'none' };
}

/**
 * A plausible, complete and consistent enterprise as of `asOf` (its last three fiscal years are the three before
 * asOf's year): every fact of facts.md known, so a scripted user can answer whatever the dialog asks.
 */
export function enterprise(random: () => number, asOf = '2026-11-22'): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const chance = (p: number) => random() < p;
  const year = Number(asOf.slice(0, 4));
  const regYear = 2008 + Math.floor(random() * (year - 2008));
  const registrationDate = `${regYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const employees = 5 + Math.floor(random() ** 2 * 800);
  const scienceStaff = Math.floor(employees * random() * 0.45);
  const base = round(100 + random() ** 2 * 40000, 10);
  const growth = 0.8 + random() * 0.7;
  const sales = [base, round(base * growth, 10), round(base * growth * growth, 10)];
  const rdShare = random() * 0.09;
  const years = [year - 3, year - 2, year - 1];
  const assets = round(base * (0.5 + random()), 10);
  const ipClassI = chance(0.5) ? Math.floor(random() * 5) : 0;
  const ipClassII = Math.floor(random() * 12);
  const hasIp = ipClassI + ipClassII > 0;
  const certYear = year - Math.floor(random() * 3);
  // only an enterprise registered before its certificate year can hold one
  const certified = chance(0.2) && regYear < certYear;
  return {
    region: pick(REGIONS),
    registrationDate: registrationDate > asOf ? asOf : registrationDate,
    residentEnterprise: chance(0.95),
    industryType: pick(['manufacturing', 'manufacturing', 'techService', 'other'] as const),
    mainBusiness: pick(['锂电池储能系统', '功率半导体芯片', '创新药物研发', '高端纺织面料', '工业软件', '船舶海工装备']),
    highTechField: pick(HIGH_TECH_FIELDS),
    inJiangsuHighTechCatalog: chance(0.6),
    restrictedIndustry: chance(0.05),
    rdDeductionExcludedIndustry: chance(0.1),
    employees,
    scienceStaff,
    totalAssets: assets,
    salesRevenueByYear: Object.fromEntries(years.map((y, i) => [String(y), sales[i]])),
    rdExpenseByYear: Object.fromEntries(years.map((y, i) => [String(y), round(sales[i]! * rdShare, 1)])),
    rdExpenseChinaShare: round(50 + random() * 50),
    netAssetsByYear: Object.fromEntries(years.map((y, i) => [String(y), round(assets * 0.4 * (0.9 + i * 0.15 * random()), 10)])),
    costExpensesLastYear: round(sales[2]! * (0.6 + random() * 0.35), 10),
    highTechIncomeShare: round(20 + random() * 78),
    taxableSalesThisYear: round(sales[2]! * (0.5 + random() * 0.6), 10),
    ipClassI,
    ipClassII,
    ipSelfDeveloped: hasIp && chance(0.8),
    ipCoreSupport: hasIp && chance(0.8),
    techAdvancement: pick(['A', 'B', 'C', 'D', 'E'] as const),
    coreSupportLevel: pick(['A', 'B', 'C', 'D', 'E'] as const),
    joinedStandards: chance(0.3),
    techTransfersAnnualAvg: round(random() * 7, 0.5),
    rdManagementSystem: chance(0.6),
    rdInstitutionAndCooperation: chance(0.5),
    transferIncentiveSystem: chance(0.5),
    talentSystem: chance(0.5),
    // the dialog asks one question for the period (高企（八）, 科小（四）): the owner must know the answer to it too;
    // a generated firm has no incident older than its last year
    ...incidentHistory(chance(0.03)),
    seriousDishonesty: chance(0.03),
    hnteCertified: certified,
    ...(certified ? { hnteCertDate: `${certYear}-01-15` < asOf ? `${certYear}-01-15` : `${year - 1}-01-15` } : {}),
    inCultivationPool: chance(0.2),
    techSmeRegistered: chance(0.4),
    provincialRdInstitution: chance(0.15),
    nationalScienceAwardTop3: chance(0.02),
    ledStandardLast5y: chance(0.1),
    provincialKeyLab: chance(0.05),
    attractedFromOutside: chance(0.4),
    operatingNormally: chance(0.85),
    kechuangRecognizedBefore: chance(0.1),
    tangibleAssetsFromCash: round(random() * 2000, 10),
    parentIsOutsideHnte: chance(0.2),
    founderStemMasters: chance(0.3),
    founderCashPaidIn: round(random() * 300, 10),
    founderIsPrincipal: chance(0.6),
    talentProgramStartup: chance(0.1),
    shareholderTalentFundingOutside: round(random() * 80),
    competitionAward: chance(0.05),
    socialInvestmentAfterLanding: round(random() * 1500, 10),
    postMoneyValuation: round(random() * 12000, 10),
    localStateCapitalShare: round(random() * 30),
    kechuangIpRoute: chance(0.3),
    utilityModelsSelfApplied: Math.floor(random() * 6),
    ipSupportsMainProduct: chance(0.7),
  };
}
