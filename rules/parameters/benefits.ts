import { cite, DOC } from './sources.js';

/**
 * The clauses each benefit rests on, with the jurisdiction and kind of text they come from and, for time-bound
 * texts, the last day the text itself covers. A news report's figures are reported facts, never policy.
 */
export const BENEFIT_SOURCES = {
  hnteTax: {
    jurisdiction: '全国',
    sourceKind: 'regulation',
    cites: [
      cite(DOC.citLaw, '国家需要重点扶持的高新技术企业，减按15％的税率征收企业所得税。'),
      cite(DOC.hnteMeasures, '自高新技术企业证书颁发之日所在年度起享受税收优惠'),
    ],
  },
  rdDeduction: {
    jurisdiction: '全国',
    sourceKind: 'regulation',
    cites: [
      cite(DOC.rdDeduction, '企业开展研发活动中实际发生的研发费用，未形成无形资产计入当期损益的，在按规定据实扣除的基础上，自2023年1月1日起，再按照实际发生额的100%在税前加计扣除'),
      cite(DOC.citLaw, '（一）开发新技术、新产品、新工艺发生的研究开发费用；'),
    ],
    excludedIndustries: cite(DOC.rdDeduction, '烟草制造业、住宿和餐饮业、批发和零售业、房地产业、租赁和商务服务业、娱乐业'),
  },
  haimenPool: {
    jurisdiction: '海门区',
    sourceKind: 'policy',
    validTo: '2024-12-31',
    cites: [cite(DOC.haimen, '优先支持通过科技型中小企业评价入库的企业申报南通市高企培育库')],
  },
  haimenPatents: {
    jurisdiction: '海门区',
    sourceKind: 'policy',
    validTo: '2024-12-31',
    cites: [cite(DOC.haimen, '对高新技术企业和高企培育库入库企业的专利申请，符合专利预审相关规定的，鼓励进入专利快速审查通道')],
  },
  haimenLoans: {
    jurisdiction: '海门区',
    sourceKind: 'policy',
    validTo: '2024-12-31',
    cites: [cite(DOC.haimen, '充分发挥“苏科贷”、“通科贷”、“高企贷”等科技金融产品作用，扩大政策惠及面，为科技型企业提供全方位、全成长周期金融服务')],
  },
  qidongRdSubsidy: {
    jurisdiction: '启东市',
    sourceKind: 'policy',
    validTo: '2025-12-31',
    cites: [cite(DOC.qidong, '加大研发后补助支持力度，建立健全企业研发投入递增奖补机制')],
  },
  qidongTechUpgrade: {
    jurisdiction: '启东市',
    sourceKind: 'policy',
    validTo: '2025-12-31',
    cites: [cite(DOC.qidong, '支持企业加大技改投入，可用贴息或拨改投方式进行补助')],
  },
  qidongLoanRisk: {
    jurisdiction: '启东市',
    sourceKind: 'policy',
    validTo: '2025-12-31',
    cites: [cite(DOC.qidong, '完善科技型中小企业贷款风险补偿机制，扩大贷款风险补偿资金池规模')],
  },
  reportHnteAward: {
    jurisdiction: '南通市',
    sourceKind: 'report',
    cites: [cite(DOC.report, '江苏智慧安全可信技术研究院有限公司等163家市区企业被新认定为高新技术企业，分别免申兑现45万元奖励')],
  },
  reportKeyLabAward: {
    jurisdiction: '南通市',
    sourceKind: 'report',
    cites: [cite(DOC.report, '招商局重工（江苏）有限公司和通富微电子股份有限公司建成省企业重点实验室，直接兑现50万元财政奖励')],
  },
} as const;
