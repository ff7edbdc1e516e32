import { yearOf, type IsoDate } from '../logic/dates.js';
import { NEWEST_KECHUANG, techServiceStaffText } from '../parameters/kechuang.js';
import { HIGH_TECH_FIELDS, PER_YEAR_KEYS, REGIONS, type FactKey, type PerYearKey } from './schema.js';

/** How a dialog asks for a fact (contracts.md "ask"). */
export type AskKind = 'boolean' | 'number' | 'date' | 'choice' | 'text';

export interface Choice {
  /** what the user sees and may type */
  label: string;
  /** what goes into the profile */
  value: string;
}

export interface FactInfo {
  label: string;
  labelEn: string;
  /** the question as a dialog asks it; per-year facts hold `{year}` */
  question: string;
  kind: AskKind;
  unit?: string;
  choices?: Choice[];
}

/** A fact as asked: a key, or a per-year key with its year (`salesRevenueByYear.2025`). */
export type FactPath = FactKey | `${PerYearKey}.${number}`;

const same = (values: readonly string[]): Choice[] => values.map((v) => ({ label: v, value: v }));
const GRADES_TECH: Choice[] = [
  { label: 'A 高', value: 'A' }, { label: 'B 较高', value: 'B' }, { label: 'C 一般', value: 'C' },
  { label: 'D 较低', value: 'D' }, { label: 'E 无', value: 'E' },
];
const GRADES_SUPPORT: Choice[] = [
  { label: 'A 强', value: 'A' }, { label: 'B 较强', value: 'B' }, { label: 'C 一般', value: 'C' },
  { label: 'D 较弱', value: 'D' }, { label: 'E 无', value: 'E' },
];

const yesNo = (label: string, labelEn: string, question: string): FactInfo => ({ label, labelEn, question, kind: 'boolean' });
const amount = (label: string, labelEn: string, question: string, unit: string): FactInfo => ({ label, labelEn, question, kind: 'number', unit });

/** Stands for 1 January of the year before the evaluation date in questions covering "上一年及当年". */
const SINCE_PREVIOUS_YEAR = '{previousYear}1月1日';
const ONLY_NONE_IS_NO = '（一项都没有才答“否”）';

/** What the dialog needs to ask for each key of the schema; the type makes it cover every key. */
export const FACT_CATALOG: { readonly [K in FactKey]: FactInfo } = {
  name: { label: '企业名称', labelEn: 'enterprise name', question: '企业名称是什么？', kind: 'text' },
  region: { label: '注册所在板块', labelEn: 'region of registration', question: '企业注册在南通哪个板块？（尚未在南通注册请选“市外”）', kind: 'choice', choices: same(REGIONS) },
  park: { label: '所在园区', labelEn: 'park', question: '企业位于哪个开发区或园区？', kind: 'text' },
  registrationDate: { label: '注册成立日期', labelEn: 'registration date', question: '企业注册成立日期是哪一天？', kind: 'date' },
  nantongOrigin: {
    label: '在南通新设立或从外地迁入', labelEn: 'founded in Nantong or moved in', question: '企业是在南通新设立的，还是从外地迁入的？', kind: 'choice',
    choices: [{ label: '在南通新设立', value: 'foundedHere' }, { label: '从外地迁入', value: 'movedIn' }],
  },
  nantongRegistrationDate: { label: '在南通注册（迁入）日期', labelEn: 'date registered in Nantong', question: '企业是哪一天在南通注册落户的？（在南通新设立的企业，就是注册成立日期；从外地迁入的，是迁入南通登记的日期）', kind: 'date' },
  residentEnterprise: yesNo('境内注册的居民企业', 'resident enterprise registered in China', '企业是否在中国境内（不含港、澳、台）注册的居民企业？'),
  industryType: {
    label: '行业类别', labelEn: 'industry type', question: '企业属于制造业、科技服务业，还是其他行业？', kind: 'choice',
    choices: [{ label: '制造业', value: 'manufacturing' }, { label: '科技服务业', value: 'techService' }, { label: '其他', value: 'other' }],
  },
  mainBusiness: { label: '主要产品（服务）', labelEn: 'main products or services', question: '企业的主要产品（服务）是什么？', kind: 'text' },
  highTechField: {
    label: '核心技术所属高新技术领域', labelEn: 'high-tech field of the core technology',
    question: '主要产品（服务）的核心技术属于《国家重点支持的高新技术领域》哪个一级领域？', kind: 'choice',
    choices: HIGH_TECH_FIELDS.map((v) => ({ label: v === 'none' ? '不属于上述领域' : v, value: v })),
  },
  inJiangsuHighTechCatalog: yesNo('经营范围属于江苏省高新技术产业统计分类目录', 'in the Jiangsu high-tech industry catalogue', '主要经营范围是否属于《江苏省高新技术产业统计分类目录》？'),
  restrictedIndustry: yesNo('属于禁止、限制和淘汰类', 'restricted or banned industry', '企业的产品或服务是否属于国家规定的禁止、限制和淘汰类？'),
  rdDeductionExcludedIndustry: yesNo('属于不适用研发费用加计扣除的行业', 'industry excluded from the R&D super-deduction', '企业是否属于烟草制造、住宿餐饮、批发零售、房地产、租赁和商务服务、娱乐业等不适用研发费用加计扣除的行业？'),
  employees: amount('职工总数', 'employees', '企业职工总数是多少人（含全年工作183天以上的兼职、临时聘用人员）？', '人'),
  scienceStaff: amount('科技人员数', 'science and technology staff', '从事研发和相关技术创新活动的科技人员有多少人（同样计入全年工作183天以上的兼职、临时人员）？', '人'),
  totalAssets: amount('资产总额', 'total assets', '最近一年末资产总额是多少（万元）？', '万元'),
  salesRevenueByYear: amount('销售收入', 'sales revenue', '{year}年的销售收入是多少（万元）？', '万元'),
  rdExpenseByYear: amount('研究开发费用', 'R&D expense', '{year}年的研究开发费用是多少（万元）？', '万元'),
  rdExpenseChinaShare: amount('境内研发费用占比', 'share of R&D expense incurred in China', '近三年研发费用中在中国境内发生的占多少（%）？', '%'),
  netAssetsByYear: amount('年末净资产', 'net assets at year end', '{year}年末的净资产是多少（万元）？', '万元'),
  costExpensesLastYear: amount('成本费用支出总额', 'total costs and expenses', '上一年度成本费用支出总额是多少（万元）？', '万元'),
  highTechIncomeShare: amount('高新技术产品（服务）收入占比', 'high-tech income share', '近一年高新技术产品（服务）收入占同期总收入的比例是多少（%）？', '%'),
  taxableSalesThisYear: amount('当年应税销售收入', 'taxable sales this year', '今年的应税销售收入是多少（万元）？', '万元'),
  ipClassI: amount('Ⅰ类知识产权数', 'class I IP', '与主要产品相关的有效Ⅰ类知识产权（发明专利、集成电路布图设计、植物新品种、国家新药等）有几项？', '项'),
  ipClassII: amount('Ⅱ类知识产权数', 'class II IP', '与主要产品相关的有效Ⅱ类知识产权（实用新型、外观设计、软件著作权等，不含商标）有几项？', '项'),
  ipSelfDeveloped: yesNo('有自主研发获得的知识产权', 'IP obtained by own R&D', '这些知识产权中是否至少有一项是企业自主研发获得的（而不只是受让、受赠、并购）？'),
  ipCoreSupport: yesNo('拥有对主要产品发挥核心支持作用的知识产权', 'owns IP core to the main products', '企业是否拥有对主要产品（服务）在技术上发挥核心支持作用的知识产权的所有权？'),
  techAdvancement: { label: '技术的先进程度', labelEn: 'technical advancement', question: '自评技术的先进程度：A 高、B 较高、C 一般、D 较低、E 无？', kind: 'choice', choices: GRADES_TECH },
  coreSupportLevel: { label: '知识产权对主要产品的核心支持作用', labelEn: 'core support of IP to main products', question: '自评知识产权对主要产品（服务）的核心支持作用：A 强、B 较强、C 一般、D 较弱、E 无？', kind: 'choice', choices: GRADES_SUPPORT },
  joinedStandards: yesNo('参与编制标准', 'took part in drafting standards', '企业是否参与编制过国家标准、行业标准、检测方法或技术规范？'),
  techTransfersAnnualAvg: amount('近三年科技成果转化年均项数', 'technology transfers a year (3-year average)', '近三年平均每年转化科技成果多少项？', '项'),
  rdManagementSystem: yesNo('研发组织管理制度与研发费用辅助账（部分或全部）', 'R&D management system and auxiliary accounts (some or all)', `研发组织管理制度、研发投入核算体系、研发费用辅助账，企业至少有其中一项吗？${ONLY_NONE_IS_NO}`),
  rdInstitutionAndCooperation: yesNo('内部研发机构与产学研合作（部分或全部）', 'in-house R&D unit and research cooperation (some or all)', `具备科研条件的内部研发机构、产学研合作，企业至少有其中一项吗？${ONLY_NONE_IS_NO}`),
  transferIncentiveSystem: yesNo('成果转化激励制度与开放式创新平台（部分或全部）', 'technology transfer incentives and open platform (some or all)', `科技成果转化的组织实施与激励奖励制度、开放式创新创业平台，企业至少有其中一项吗？${ONLY_NONE_IS_NO}`),
  talentSystem: yesNo('人才培养、引进与绩效评价制度（部分或全部）', 'talent development and evaluation system (some or all)', `科技人员培养进修、职工技能培训、人才引进、人才绩效评价奖励制度，企业至少有其中一项吗？${ONLY_NONE_IS_NO}`),
  majorIncidentLastYear: yesNo('近一年发生重大安全、质量事故或严重环境违法', 'major incident in the last year', '申请前一年内是否发生过重大安全、重大质量事故或严重环境违法行为？'),
  majorIncidentSincePreviousYear: yesNo('上一年初以来发生重大安全、质量事故或严重环境违法', 'major incident since the start of the previous year', `${SINCE_PREVIOUS_YEAR}至今，是否发生过重大安全、重大质量事故或严重环境违法行为？`),
  majorIncidentPeriod: {
    label: '上一年初以来的重大安全、质量事故或严重环境违法', labelEn: 'major incidents since the start of the previous year',
    question: `${SINCE_PREVIOUS_YEAR}至今，企业发生过重大安全、重大质量事故或严重环境违法行为吗？`, kind: 'choice',
    choices: [{ label: '没有', value: 'none' }, { label: '有，但都在12个月以前', value: 'before12Months' }, { label: '近12个月内有', value: 'within12Months' }],
  },
  seriousDishonesty: yesNo('科研严重失信或列入经营异常名录、严重违法失信名单', 'serious dishonesty or blacklisted', `企业目前是否被列入经营异常名录、严重违法失信企业名单，或${SINCE_PREVIOUS_YEAR}以来有科研严重失信行为？`),
  hnteCertified: yesNo('持有有效的高新技术企业证书', 'holds a valid HNTE certificate', '企业目前是否持有有效期内的高新技术企业证书？'),
  hnteCertDate: { label: '高企证书颁发日期', labelEn: 'HNTE certificate date', question: '高新技术企业证书是哪一天颁发的？', kind: 'date' },
  inCultivationPool: yesNo('已入南通市高企培育库', 'in the Nantong HNTE cultivation pool', '企业是否已入选南通市高新技术企业培育库（“小升高”）？'),
  techSmeRegistered: yesNo('本年度已入库科技型中小企业', 'registered as a tech SME this year', '企业今年是否已评价入库为科技型中小企业？'),
  provincialRdInstitution: yesNo('拥有省部级以上研发机构', 'provincial-level R&D institution', '企业是否拥有经认定的省部级以上研发机构？'),
  nationalScienceAwardTop3: yesNo('近五年获国家级科技奖励且排名前三', 'national science award, top three', '企业近五年是否获得国家级科技奖励，并在获奖单位中排名前三？'),
  ledStandardLast5y: yesNo('近五年主导制定国际、国家或行业标准', 'led a standard in the last five years', '企业近五年是否主导制定过国际标准、国家标准或行业标准？'),
  provincialKeyLab: yesNo('建有省企业重点实验室', 'provincial enterprise key laboratory', '企业是否建有省企业重点实验室？'),
  attractedFromOutside: yesNo('从市外招引', 'attracted from outside the city', '企业是否属于从市外招引（注册前投资方为市外母公司，或符合条件的个人投资者等）？'),
  operatingNormally: yesNo('正常运营', 'operating normally', `企业是否已正常运营（制造业：达到开工要求或设备基本到位或已投产；科技服务业：已运转且${techServiceStaffText(NEWEST_KECHUANG)}）？`),
  kechuangRecognizedBefore: yesNo('曾被认定为科创项目', 'recognised as a 科创项目 before', '企业以前是否被认定过科创项目？'),
  tangibleAssetsFromCash: amount('货币投资形成的有形资产', 'tangible assets formed by cash investment', '货币投资形成的有形资产（土地、厂房、设备、装置、产品等）有多少（万元）？', '万元'),
  hnteWhenIntroduced: yesNo('迁入南通时已是有效期内的高新技术企业', 'a valid HNTE when it moved to Nantong', '企业迁入南通注册时，是否已持有有效期内的高新技术企业证书（证书在迁入前颁发）？'),
  parentIsOutsideHnte: yesNo('母公司为市外高新技术企业', 'parent is an HNTE outside the city', '企业的母公司是否为市外高新技术企业？'),
  founderStemMasters: yesNo('主要原始股东为全日制理工类硕士及以上', 'founder with a full-time STEM master degree', `主要原始股东（持股${NEWEST_KECHUANG.routes.founder.holding.text}或自然人第一大股东）之一是否为全日制理工类硕士及以上学历？`),
  founderCashPaidIn: amount('该股东个人货币出资到账', 'that founder’s cash paid in', '该股东个人货币出资已到账多少（万元）？', '万元'),
  founderIsPrincipal: yesNo('该股东担任公司主要负责人', 'that founder is the principal', '该股东是否担任董事长、总经理或执行董事等主要负责人（不含监事）并已在工商备案？'),
  talentProgramStartup: yesNo('获江海英才或省双创人才支持的创业类项目', 'start-up backed by 江海英才 or 双创人才', '企业是否为获市“江海英才”或省“双创人才”支持的创业类项目？'),
  shareholderTalentFundingOutside: amount('股东在市外获评人才政策资助总额', 'talent funding a shareholder received outside the city', '项目股东在南通市外获评县、市级及以上科技人才政策支持的资助总额是多少（万元）？', '万元'),
  competitionAward: yesNo('创业大赛获奖', 'start-up competition award', '是否进入“创业江苏”科技创业大赛行业赛前十名，或获江苏人才创新创业大赛决赛一二三等奖？'),
  socialInvestmentAfterLanding: amount('落地后获得的社会资本投资', 'private investment after landing', '项目落地后获得社会资本投资多少（万元）？', '万元'),
  postMoneyValuation: amount('投后估值', 'post-money valuation', '投后估值是多少（万元）？', '万元'),
  localStateCapitalShare: amount('投资主体中属地国有资本占比', 'share of local state capital among investors', '投资主体中属地国有资本占比是多少（%）？', '%'),
  kechuangIpRoute: yesNo('按认定标准第8条的途径获得Ⅰ类知识产权', 'class I IP obtained by a route of condition 8', '企业是否通过自主申请授权、母公司转让、市外高校院所创业者或市外个人投资者转让等途径获得Ⅰ类知识产权？'),
  utilityModelsSelfApplied: amount('自主申请授权的实用新型专利数', 'self-applied utility model patents', '企业自主申请并获授权、仍有效且对主要产品（服务）发挥核心支持作用的实用新型专利有几项？', '项'),
  kechuangIpGrantedInCarveOut: yesNo('自主申请的Ⅰ类知识产权在条件8括号所列期间获得授权', 'own class I IP granted 2022-11-21…12-31', '企业自主申请的Ⅰ类知识产权，是否于2022年11月21日至12月31日期间获得授权？'),
  ipSupportsMainProduct: yesNo('上述知识产权对主要产品发挥核心支持作用', 'that IP supports the main products', '上述知识产权是否对主要产品（服务）发挥核心支持作用？'),
};

function isPerYearKey(key: string): key is PerYearKey {
  return (PER_YEAR_KEYS as readonly string[]).includes(key);
}

/** "2025年" for an evaluation in 2026; "去年" when the date is not given. */
function previousYearText(asOf: IsoDate | undefined): string {
  return asOf === undefined ? '去年' : `${yearOf(asOf) - 1}年`;
}

/**
 * The catalog entry for a fact as asked, with the year filled in for `salesRevenueByYear.2025`, and — given the
 * evaluation date — the calendar dates a question covers ("2025年1月1日至今").
 */
export function describeFact(path: FactPath, asOf?: IsoDate): FactInfo & { path: FactPath; key: FactKey; year?: number } {
  const [key, yearText] = path.split('.') as [FactKey, string | undefined];
  const catalogued = FACT_CATALOG[key];
  if (!catalogued) throw new RangeError(`unknown fact ${path}`);
  const info = catalogued.question.includes('{previousYear}')
    ? { ...catalogued, question: catalogued.question.replaceAll('{previousYear}', previousYearText(asOf)) }
    : catalogued;
  if (yearText === undefined || !isPerYearKey(key)) return { ...info, path, key };
  const year = Number(yearText);
  return { ...info, path, key, year, label: `${year}年${info.label}`, question: info.question.replace('{year}', yearText) };
}

export function perYearPath(key: PerYearKey, year: number): FactPath {
  return `${key}.${year}`;
}
