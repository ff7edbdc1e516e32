import type { FactKey } from '../../rules/facts/schema.js';

/**
 * Column names that staff spreadsheets use for a fact, beyond the fact's key and its labels in the facts
 * catalog (which are always recognised). Headers are compared after normalising (see header.ts): width forms,
 * spaces, punctuation, bracketed units and a leading 是否 / 有无 do not matter, so "是否居民企业" and
 * "居民企业（是/否）" both read as 居民企业. Per-year facts are written with their year: 2024年销售收入,
 * 销售收入(2024), salesRevenueByYear.2024.
 *
 * Deliberately absent: 发明专利数 for ipClassI (发明专利 are only one kind of Ⅰ类 IP, and an undercount would
 * turn into a wrong verdict), 实用新型专利数 for utilityModelsSelfApplied (which counts only those applied for by
 * the enterprise itself), 近三年研发费用 (a total where the rules need each year).
 */
export const EXTRA_ALIASES: Partial<Record<FactKey, readonly string[]>> = {
  name: ['企业名称', '单位名称', '公司名称', '企业', '名称', 'company', 'companyname', 'enterprise', 'enterprisename'],
  region: ['板块', '所在板块', '所属板块', '区县', '所属区县', '县市区', '所在区县', '属地', 'district'],
  park: ['园区', '所在园区', '所属园区', '开发区', '所在开发区'],
  registrationDate: ['注册时间', '注册日期', '成立日期', '成立时间', '注册成立时间', '注册成立日期', '设立日期', 'founded', 'registered'],
  nantongOrigin: ['新设立还是迁入', '南通新设立或迁入'],
  nantongRegistrationDate: ['在南通注册日期', '迁入南通日期', '落户南通日期'],
  residentEnterprise: ['居民企业', '境内居民企业'],
  industryType: ['行业', '行业类别', '所属行业', '行业类型', 'industry'],
  mainBusiness: ['主营业务', '主要产品', '主营产品', '主要产品服务'],
  highTechField: ['技术领域', '高新技术领域', '所属技术领域', '所属高新技术领域', '核心技术领域'],
  inJiangsuHighTechCatalog: ['属于江苏省高新技术产业统计分类目录', '江苏省高新技术产业目录'],
  restrictedIndustry: ['禁止限制淘汰类', '属于禁止限制和淘汰类'],
  rdDeductionExcludedIndustry: ['不适用加计扣除行业', '不适用研发费用加计扣除行业'],
  employees: ['职工总数', '职工人数', '职工数', '员工人数', '员工总数', '员工数', '从业人员', '从业人数', '从业人员数', '在职职工', 'staff', 'headcount'],
  scienceStaff: ['科技人员', '科技人员数', '科技人员人数', '研发人员', '研发人员数', '科技人员总数', 'sciencestaff', 'rdstaff'],
  totalAssets: ['资产总额', '总资产', '资产总计', 'assets'],
  salesRevenueByYear: ['销售收入', '营业收入', '营收', '主营业务收入', '年销售收入', 'sales', 'revenue', 'salesrevenue'],
  rdExpenseByYear: ['研发费用', '研究开发费用', '研发投入', '研发经费', '研发支出', 'rdexpense', 'rd'],
  // “2024年末净资产”: the year is read off, leaving 末净资产
  netAssetsByYear: ['净资产', '年末净资产', '末净资产', '所有者权益', 'netassets'],
  rdExpenseChinaShare: ['境内研发费用占比', '境内研发费用比例'],
  costExpensesLastYear: ['成本费用支出总额', '成本费用总额'],
  highTechIncomeShare: ['高新技术产品收入占比', '高新技术产品服务收入占比', '高品收入占比', '高新收入占比'],
  taxableSalesThisYear: ['当年应税销售收入', '应税销售收入'],
  ipClassI: ['Ⅰ类知识产权', 'I类知识产权', '一类知识产权', 'Ⅰ类知识产权数量', 'I类知识产权数量'],
  ipClassII: ['Ⅱ类知识产权', 'II类知识产权', '二类知识产权', 'Ⅱ类知识产权数量', 'II类知识产权数量'],
  ipSelfDeveloped: ['自主研发知识产权', '有自主研发知识产权', '知识产权自主研发'],
  ipCoreSupport: ['核心知识产权', '拥有核心知识产权', '有核心知识产权'],
  techAdvancement: ['技术先进程度', '技术的先进程度'],
  coreSupportLevel: ['核心支持作用'],
  joinedStandards: ['参与标准制定', '参与编制标准'],
  rdManagementSystem: ['研发组织管理制度', '研发管理制度', '研发费用辅助账'],
  rdInstitutionAndCooperation: ['内部研发机构', '产学研合作'],
  transferIncentiveSystem: ['成果转化激励制度', '成果转化制度'],
  talentSystem: ['人才培养制度', '人才制度', '人才绩效评价制度'],
  techTransfersAnnualAvg: ['科技成果转化年均项数', '成果转化年均项数', '年均成果转化项数'],
  hnteCertified: ['高新技术企业', '高企', '有效高企', '持有高企证书', '已认定高企'],
  hnteCertDate: ['高企证书日期', '高企发证日期', '高新技术企业证书日期', '高新技术企业发证日期'],
  inCultivationPool: ['培育库', '高企培育库', '入库培育企业', '小升高'],
  techSmeRegistered: ['科技型中小企业', '科小', '已入库科技型中小企业', '科小入库'],
  provincialRdInstitution: ['省部级研发机构', '省级以上研发机构'],
  nationalScienceAwardTop3: ['国家级科技奖励', '国家级科技奖励前三'],
  ledStandardLast5y: ['主导制定标准', '近五年主导制定标准'],
  majorIncidentLastYear: ['重大安全质量事故', '发生重大安全质量事故', '重大事故', '近一年重大事故'],
  majorIncidentSincePreviousYear: ['上年以来重大事故', '上一年及当年重大事故'],
  majorIncidentPeriod: ['上年以来重大事故时间', '重大事故时间'],
  hnteWhenIntroduced: ['迁入南通时已是高企', '引进时为高企'],
  attractedFromOutside: ['市外招引', '招引项目'],
  seriousDishonesty: ['严重失信', '失信', '经营异常名录'],
  utilityModelsSelfApplied: ['自主申请实用新型专利数', '自主申请授权实用新型专利数'],
};
