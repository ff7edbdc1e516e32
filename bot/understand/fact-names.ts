import { FACT_CATALOG } from '../../rules/facts/catalog.js';
import type { FactKey } from '../../rules/facts/schema.js';

/**
 * The names owners call facts by, besides the catalog's own label: 营收 / 销售收入 / 收入, 员工 / 职工 / 人数 …
 * Listed most specific first where one name holds another (今年开票 before 收入; 研发人员 before 人数).
 */
const NAMES: Array<[FactKey, string[]]> = [
  ['taxableSalesThisYear', ['今年应税销售收入', '应税销售收入', '应税销售', '今年开票', '今年的开票', '开票收入', '今年的销售收入', '今年的营收', '今年营收', '今年销售收入', '今年收入', '今年的收入']],
  ['highTechIncomeShare', ['高新技术产品收入占比', '高新技术产品（服务）收入占比', '高新产品收入占比', '高新收入占比', '高新技术产品收入', '高新收入']],
  ['rdExpenseChinaShare', ['境内研发费用占比', '境内研发占比', '境内研发']],
  ['rdExpenseByYear', ['研究开发费用', '研发费用', '研发投入', '研发经费', '研发支出', '研发费', '研发开支']],
  ['salesRevenueByYear', ['主营业务收入', '营业收入', '销售收入', '销售额', '营业额', '营收', '收入']],
  ['netAssetsByYear', ['年末净资产', '净资产']],
  ['totalAssets', ['资产总额', '总资产', '资产']],
  ['costExpensesLastYear', ['成本费用支出', '成本费用', '成本']],
  ['scienceStaff', ['科技人员数', '科技人员', '研发人员', '技术人员', '研发人数', '研发的人', '搞研发的', '工程师']],
  ['employees', ['职工总数', '员工总数', '员工人数', '职工人数', '员工数', '总人数', '员工', '职工', '人数', '全员', '在职人数']],
  ['ipClassI', ['Ⅰ类知识产权', 'I类知识产权', '一类知识产权', '发明专利', 'Ⅰ类']],
  ['ipClassII', ['Ⅱ类知识产权', 'II类知识产权', '二类知识产权', '实用新型', '软件著作权', '软著', '外观设计', 'Ⅱ类']],
  ['registrationDate', ['注册成立日期', '注册时间', '成立时间', '注册日期', '成立日期', '成立', '注册']],
  ['region', ['注册所在板块', '所在板块', '板块', '注册地', '所在地', '所在区']],
  ['highTechField', ['高新技术领域', '技术领域', '领域']],
  ['industryType', ['行业类别', '行业']],
  ['mainBusiness', ['主要产品', '主营业务', '主营', '主要服务']],
  ['techTransfersAnnualAvg', ['成果转化', '转化项数']],
  ['founderCashPaidIn', ['出资到账', '货币出资']],
  ['postMoneyValuation', ['投后估值', '估值']],
];

const ALL_NAMES: Array<{ key: FactKey; name: string }> = [
  ...NAMES.flatMap(([key, names]) => names.map((name) => ({ key, name }))),
  ...Object.entries(FACT_CATALOG).map(([key, info]) => ({ key: key as FactKey, name: info.label })),
];

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
