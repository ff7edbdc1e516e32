import { z } from 'zod';
import { COUNTY_LEVEL_NAMES } from '../../knowledge/places.js';
import { isIsoDate } from '../logic/dates.js';

/**
 * The facts vocabulary of spec/facts.md as one zod schema: the single definition of every key's type, unit and
 * range, and of the message a user sees when a value is wrong (Chinese / English, always naming the key).
 * Every key is optional: an absent key is unknown, never false or zero.
 */

const say = (zh: string, en: string) => `${zh} / ${en}`;

export const MESSAGES = {
  boolean: say('应为是或否（true/false）', 'expected true or false'),
  count: say('应为不小于0的整数', 'expected a non-negative integer'),
  money: say('应为不小于0的金额（万元）', 'expected a non-negative amount in 万元'),
  signedMoney: say('应为金额（万元，可为负）', 'expected an amount in 万元 (may be negative)'),
  percent: say('应为0到100之间的百分数', 'expected a percentage from 0 to 100'),
  average: say('应为不小于0的数', 'expected a non-negative number'),
  date: say('应为 YYYY-MM-DD 格式的有效日期', 'expected a valid date as YYYY-MM-DD'),
  text: say('应为非空文字（不超过500字）', 'expected non-empty text (at most 500 characters)'),
  yearKey: say('年份键应为4位数字，如 "2025"', 'expected 4-digit years as keys, e.g. "2025"'),
  perYear: say('应为按年份给出的对象，如 {"2025": 1200}', 'expected an object keyed by year, e.g. {"2025": 1200}'),
  profile: say('企业事实应为一个 JSON 对象', 'expected the facts profile as a JSON object'),
} as const;

function oneOf<const T extends readonly string[]>(values: T) {
  return z.enum(values, { error: say(`应为以下之一：${values.join('、')}`, `expected one of: ${values.join(', ')}`) });
}

const yesNo = () => z.boolean({ error: MESSAGES.boolean });
const count = () => z.number({ error: MESSAGES.count }).int({ error: MESSAGES.count }).min(0, { error: MESSAGES.count });
const money = () => z.number({ error: MESSAGES.money }).min(0, { error: MESSAGES.money });
const signedMoney = () => z.number({ error: MESSAGES.signedMoney });
const percent = () => z.number({ error: MESSAGES.percent }).min(0, { error: MESSAGES.percent }).max(100, { error: MESSAGES.percent });
const date = () => z.string({ error: MESSAGES.date }).refine(isIsoDate, { error: MESSAGES.date });
const text = () => z.string({ error: MESSAGES.text }).trim().min(1, { error: MESSAGES.text }).max(500, { error: MESSAGES.text });
const perYear = (value: z.ZodNumber) =>
  z.record(z.string().regex(/^\d{4}$/, { error: MESSAGES.yearKey }), value, { error: MESSAGES.perYear });

/**
 * Where an enterprise can be registered: 南通's 区/县/市 and the parks under the city, as knowledge/places.ts lists
 * them and in its order (spec/facts.md's), or 市外.
 */
export const REGIONS = [...COUNTY_LEVEL_NAMES, '市外'] as const;
export const Region = oneOf(REGIONS);
export type Region = z.infer<typeof Region>;

const IndustryType = oneOf(['manufacturing', 'techService', 'other']);

export const HIGH_TECH_FIELDS = [
  '电子信息', '生物与新医药', '航空航天', '新材料', '高技术服务', '新能源与节能', '资源与环境', '先进制造与自动化', 'none',
] as const;
export const HighTechField = oneOf(HIGH_TECH_FIELDS);
export type HighTechField = z.infer<typeof HighTechField>;

/** Founded in 南通 (its 南通 registration is its founding) or moved in from elsewhere. */
export const NantongOrigin = oneOf(['foundedHere', 'movedIn']);

/**
 * One answer for the period of both 高企（八）"申请认定前一年内" and 科小（四）"填报上一年及当年内": none since 1 January
 * of the previous year, some but all more than twelve months ago, or some within the last twelve months.
 */
export const MajorIncidentPeriod = oneOf(['none', 'before12Months', 'within12Months']);

/** The 指引's five grades A 高 … E 无, used for both technology indicators. */
export const Grade = oneOf(['A', 'B', 'C', 'D', 'E']);
export type Grade = z.infer<typeof Grade>;

export const factShape = {
  // who and where
  name: text(),
  region: Region,
  park: text(),
  registrationDate: date(),
  nantongRegistrationDate: date(),
  residentEnterprise: yesNo(),
  industryType: IndustryType,
  mainBusiness: text(),
  highTechField: HighTechField,
  inJiangsuHighTechCatalog: yesNo(),
  restrictedIndustry: yesNo(),
  rdDeductionExcludedIndustry: yesNo(),
  // size and finance
  employees: count(),
  scienceStaff: count(),
  totalAssets: money(),
  salesRevenueByYear: perYear(money()),
  rdExpenseByYear: perYear(money()),
  rdExpenseChinaShare: percent(),
  netAssetsByYear: perYear(signedMoney()),
  costExpensesLastYear: money(),
  highTechIncomeShare: percent(),
  taxableSalesThisYear: money(),
  // intellectual property and innovation
  ipClassI: count(),
  ipClassII: count(),
  ipSelfDeveloped: yesNo(),
  ipCoreSupport: yesNo(),
  techAdvancement: Grade,
  coreSupportLevel: Grade,
  joinedStandards: yesNo(),
  techTransfersAnnualAvg: z.number({ error: MESSAGES.average }).min(0, { error: MESSAGES.average }),
  rdManagementSystem: yesNo(),
  rdInstitutionAndCooperation: yesNo(),
  transferIncentiveSystem: yesNo(),
  talentSystem: yesNo(),
  // compliance
  majorIncidentLastYear: yesNo(),
  majorIncidentSincePreviousYear: yesNo(),
  seriousDishonesty: yesNo(),
  // recognitions already held
  hnteCertified: yesNo(),
  hnteCertDate: date(),
  inCultivationPool: yesNo(),
  techSmeRegistered: yesNo(),
  provincialRdInstitution: yesNo(),
  nationalScienceAwardTop3: yesNo(),
  ledStandardLast5y: yesNo(),
  provincialKeyLab: yesNo(),
  // 2023年南通市科创项目认定标准
  attractedFromOutside: yesNo(),
  operatingNormally: yesNo(),
  kechuangRecognizedBefore: yesNo(),
  tangibleAssetsFromCash: money(),
  hnteWhenIntroduced: yesNo(),
  parentIsOutsideHnte: yesNo(),
  founderStemMasters: yesNo(),
  founderCashPaidIn: money(),
  founderIsPrincipal: yesNo(),
  talentProgramStartup: yesNo(),
  shareholderTalentFundingOutside: money(),
  competitionAward: yesNo(),
  socialInvestmentAfterLanding: money(),
  postMoneyValuation: money(),
  localStateCapitalShare: percent(),
  kechuangIpRoute: yesNo(),
  utilityModelsSelfApplied: count(),
  ipSupportsMainProduct: yesNo(),
  kechuangIpGrantedInCarveOut: yesNo(),
  // one answer that settles facts above (see facts/answers.ts)
  nantongOrigin: NantongOrigin,
  majorIncidentPeriod: MajorIncidentPeriod,
} as const;

export type FactKey = keyof typeof factShape;
export const FACT_KEYS = Object.keys(factShape) as FactKey[];

/** Keys whose value is an object of fiscal years; asked and reported one year at a time (`salesRevenueByYear.2025`). */
export const PER_YEAR_KEYS = ['salesRevenueByYear', 'rdExpenseByYear', 'netAssetsByYear'] as const satisfies readonly FactKey[];
export type PerYearKey = (typeof PER_YEAR_KEYS)[number];

const shape = Object.fromEntries(Object.entries(factShape).map(([k, s]) => [k, s.optional()])) as {
  [K in FactKey]: z.ZodOptional<(typeof factShape)[K]>;
};

export const FactsObject = z.strictObject({ ...shape, asOf: date().optional() }, { error: MESSAGES.profile });

export type Facts = z.infer<typeof FactsObject>;
