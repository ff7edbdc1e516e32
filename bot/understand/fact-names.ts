import { FACT_CATALOG } from '../../rules/facts/catalog.js';
import type { FactKey } from '../../rules/facts/schema.js';

/**
 * The names owners call facts by, besides the catalog's own label: 营收 / 销售收入 / 收入, 员工 / 职工 / 人数 …
 * Listed most specific first where one name holds another (今年开票 before 收入; 研发人员 before 人数).
 */
const NAMES: Array<[FactKey, string[]]> = [
  ['taxableSalesThisYear', ['今年应税销售收入', '应税销售收入', '应税销售', '今年开票', '今年的开票', '开票收入', '今年的销售收入', '今年的营收', '今年营收', '今年销售收入', '今年收入', '今年的收入']],
  ['highTechIncomeShare', ['高新技术产品收入占比', '高新技术产品（服务）收入占比', '高新产品收入占比', '高新收入占比', '高新技术产品收入', '高新收入']],
  ['rdExpenseChinaShare', ['境内研发费用占比', '境内研发占比', '境内研发', '境内占比']],
  ['rdExpenseByYear', ['研究开发费用', '研发费用', '研发投入', '研发经费', '研发支出', '研发费', '研发开支']],
  ['salesRevenueByYear', ['主营业务收入', '营业收入', '销售收入', '销售额', '营业额', '营收', '收入']],
  ['netAssetsByYear', ['年末净资产', '净资产']],
  ['totalAssets', ['资产总额', '总资产', '资产']],
  ['costExpensesLastYear', ['成本费用支出', '成本费用', '成本']],
  ['scienceStaff', ['科技人员数', '科技人员', '研发人员', '技术人员', '研发人数', '研发的人', '搞研发的', '工程师']],
  ['employees', ['职工总数', '员工总数', '员工人数', '职工人数', '员工数', '总人数', '员工', '职工', '人数', '全员', '在职人数']],
  ['ipClassI', ['Ⅰ类知识产权', 'I类知识产权', '一类知识产权', '发明专利', 'Ⅰ类', '发明']],
  ['ipClassII', ['Ⅱ类知识产权', 'II类知识产权', '二类知识产权', '实用新型', '软件著作权', '软著', '外观设计', 'Ⅱ类']],
  ['registrationDate', ['注册成立日期', '注册时间', '成立时间', '注册日期', '成立日期', '成立', '注册']],
  ['region', ['注册所在板块', '所在板块', '板块', '注册地', '所在地', '所在区', '地区', '区域', '注册在']],
  ['highTechField', ['高新技术领域', '技术领域', '领域']],
  ['industryType', ['行业类别', '行业']],
  ['mainBusiness', ['主要产品', '主营业务', '主营', '主要服务']],
  ['techTransfersAnnualAvg', ['科技成果转化', '成果转化', '转化项数']],
  ['founderCashPaidIn', ['个人货币出资到账', '货币出资到账', '出资到账', '货币出资', '实缴出资', '实缴到账', '实缴']],
  ['postMoneyValuation', ['投后估值', '估值']],
  ['utilityModelsSelfApplied', ['自主申请的实用新型', '自主申请授权的实用新型', '自己申请的实用新型']],
  ['socialInvestmentAfterLanding', ['落地后社会资本投资', '社会资本投资', '落地后融资', '社会资本', '落地后']],
  ['parentIsOutsideHnte', ['母公司是']],
  ['shareholderTalentFundingOutside', ['人才资助总额', '人才资助', '人才政策资助']],
  ['localStateCapitalShare', ['属地国有资本占比', '属地国资占比', '国资占比', '国有资本占比']],
  ['coreSupportLevel', ['核心支持作用的自评', '核心支持作用']],
  ['techAdvancement', ['技术先进程度', '技术的先进程度', '先进程度']],
  ['park', ['园区', '所在园区']],
  ['name', ['企业名称', '公司名称', '公司名字', '企业名字', '名字']],
  ['hnteCertDate', ['高企证书日期', '证书日期', '证书颁发日期', '发证日期']],
  ['hnteCertified', ['高企证书', '高新技术企业证书', '已经是高企', '是高企']],
  ['techSmeRegistered', ['科小', '科技型中小企业入库', '入库']],
  ['inCultivationPool', ['培育库入库', '小升高培育库', '培育库', '小升高']],
  ['majorIncidentLastYear', ['重大安全', '安全事故', '质量事故', '重大事故', '环境违法']],
  ['seriousDishonesty', ['失信', '经营异常名录', '严重违法']],
  ['joinedStandards', ['行业标准', '标准制定', '参与编制标准', '参与过标准']],
  ['ledStandardLast5y', ['主导制定']],
  ['founderStemMasters', ['理工硕士', '理工科硕士', '全日制硕士', '非全日制硕士']],
  ['founderIsPrincipal', ['主要负责人', '担任总经理', '担任董事长']],
  ['talentProgramStartup', ['江海英才', '双创人才']],
  ['competitionAward', ['大赛', '创业江苏']],
  ['residentEnterprise', ['居民企业']],
  ['ipSelfDeveloped', ['自己研发申请', '自主研发', '自己研发', '自己申请的专利']],
  ['ipSupportsMainProduct', ['专利是对主要产品', '这个专利']],
  ['ipCoreSupport', ['核心支持作用的知识产权', '起核心支持作用的知识产权']],
  ['provincialRdInstitution', ['省级研发机构', '省部级研发机构', '省级以上研发机构']],
  ['provincialKeyLab', ['重点实验室']],
  ['nationalScienceAwardTop3', ['国家级科技奖', '国家科技奖']],
  ['kechuangRecognizedBefore', ['认定过科创项目', '认定科创项目', '科创项目']],
  ['kechuangIpRoute', ['从母公司转让', '母公司转让']],
  ['rdInstitutionAndCooperation', ['内部研发机构', '产学研合作', '产学研']],
  ['talentSystem', ['人才培养', '绩效奖励制度', '人才引进']],
  ['rdManagementSystem', ['研发管理制度', '辅助账', '研发组织管理']],
  ['transferIncentiveSystem', ['转化激励', '成果转化激励', '开放式创新']],
  ['rdDeductionExcludedIndustry', ['不能加计扣除的行业', '不适用加计扣除', '加计扣除的行业']],
  ['restrictedIndustry', ['限制和淘汰', '淘汰类', '禁止类', '限制类']],
  ['operatingNormally', ['正常运营', '正常运行']],
  ['inJiangsuHighTechCatalog', ['统计分类目录', '高新技术产业目录']],
  ['attractedFromOutside', ['从市外招引', '市外招引', '招引']],
];

// in both forms: a message read as an answer is NFKC-normalised first, which turns （服务） into (服务)
const ALL_NAMES: Array<{ key: FactKey; name: string }> = [
  ...NAMES.flatMap(([key, names]) => names.map((name) => ({ key, name }))),
  ...Object.entries(FACT_CATALOG).map(([key, info]) => ({ key: key as FactKey, name: info.label })),
].flatMap((n) => (n.name.normalize('NFKC') === n.name ? [n] : [n, { key: n.key, name: n.name.normalize('NFKC') }]));

/**
 * The facts a text names, each once, in the order they appear. A name inside a longer name (收入 in 高新收入占比,
 * 人数 in 研发人数) does not count on its own.
 */
export function factsNamed(text: string): Array<{ key: FactKey; index: number; end: number }> {
  const hits: Array<{ key: FactKey; index: number; end: number }> = [];
  for (const { key, name } of ALL_NAMES) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) hits.push({ key, index: i, end: i + name.length });
  }
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.index <= h.index && o.end >= h.end && o.end - o.index > h.end - h.index));
  const seen = new Set<FactKey>();
  return kept
    .sort((a, b) => a.index - b.index)
    .filter((h) => (seen.has(h.key) ? false : (seen.add(h.key), true)));
}
