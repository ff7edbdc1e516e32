import { cite, DOC } from './sources.js';

/** The period a time-bound text sets itself: its label as the text puts it, and the last day it covers. */
const HAIMEN_PLAN = { label: '2022–2024', to: '2024-12-31' } as const;
/**
 * Reading: 启东's 实施意见 sets no period of its own beyond its targets "到2025年", so those years are taken as
 * its period (the catalog gives the same).
 */
const QIDONG_OPINION = { label: '2023–2025', to: '2025-12-31' } as const;
/** 通州's 实施方案 is the plan of the 2023 "科技招商突破年". */
const TONGZHOU_PLAN = { label: '2023年', to: '2023-12-31' } as const;
/** 通政办发〔2024〕37号's tasks run "2027年12月". */
const PARKS_PLAN = { label: '2024–2027', to: '2027-12-31' } as const;

/**
 * The clauses each benefit rests on, with the jurisdiction and kind of text they come from and, for time-bound
 * texts, the period the text itself covers. A news report's figures are reported facts, never policy. Amounts
 * are given only where the text states one.
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
    /**
     * The list of excluded industries is not in the 公告: our copy of it says the list comes from third-party
     * summaries (originally 财税〔2015〕119号), so the citation quotes that sentence, which says so itself.
     */
    excludedIndustries: cite(DOC.rdDeduction, 'the excluded industries 烟草制造业、住宿和餐饮业、批发和零售业、房地产业、租赁和商务服务业、娱乐业 (负面清单, originally 财税〔2015〕119号) still do not qualify.'),
  },
  haimenPool: {
    jurisdiction: '海门区',
    sourceKind: 'policy',
    period: HAIMEN_PLAN,
    cites: [cite(DOC.haimen, '优先支持通过科技型中小企业评价入库的企业申报南通市高企培育库')],
  },
  haimenPatents: {
    jurisdiction: '海门区',
    sourceKind: 'policy',
    period: HAIMEN_PLAN,
    cites: [cite(DOC.haimen, '对高新技术企业和高企培育库入库企业的专利申请，符合专利预审相关规定的，鼓励进入专利快速审查通道')],
  },
  haimenLoans: {
    jurisdiction: '海门区',
    sourceKind: 'policy',
    period: HAIMEN_PLAN,
    cites: [cite(DOC.haimen, '充分发挥“苏科贷”、“通科贷”、“高企贷”等科技金融产品作用，扩大政策惠及面，为科技型企业提供全方位、全成长周期金融服务')],
  },
  qidongRdSubsidy: {
    jurisdiction: '启东市',
    sourceKind: 'policy',
    period: QIDONG_OPINION,
    cites: [cite(DOC.qidong, '加大研发后补助支持力度，建立健全企业研发投入递增奖补机制')],
  },
  qidongTechUpgrade: {
    jurisdiction: '启东市',
    sourceKind: 'policy',
    period: QIDONG_OPINION,
    cites: [cite(DOC.qidong, '支持企业加大技改投入，可用贴息或拨改投方式进行补助')],
  },
  qidongLoanRisk: {
    jurisdiction: '启东市',
    sourceKind: 'policy',
    period: QIDONG_OPINION,
    cites: [cite(DOC.qidong, '完善科技型中小企业贷款风险补偿机制，扩大贷款风险补偿资金池规模')],
  },
  haimenCoaching: {
    jurisdiction: '海门区',
    sourceKind: 'policy',
    period: HAIMEN_PLAN,
    cites: [cite(DOC.haimen, '引入专家咨询服务，重点针对高企培育库入库企业、高企、高企培育评审临界点上的企业，邀请省专家来海辅导，提供专业咨询，给予个性化诊断建议')],
  },
  haimenSmeTilt: {
    jurisdiction: '海门区',
    sourceKind: 'policy',
    period: HAIMEN_PLAN,
    cites: [cite(DOC.haimen, '在科技项目申报、创新创业大赛、优惠政策扶持等方面向入库企业倾斜')],
  },
  haimenLoanInterest: {
    jurisdiction: '海门区',
    sourceKind: 'policy',
    period: HAIMEN_PLAN,
    cites: [cite(DOC.haimen, '实行政策性科技金融产品贷款贴息政策，降低科技型企业融资成本')],
  },
  haimenPrediagnosis: {
    jurisdiction: '海门区',
    sourceKind: 'policy',
    period: HAIMEN_PLAN,
    cites: [cite(DOC.haimen, '面向企业、中介服务机构和各区镇提供高企申报预诊断')],
  },
  qidongDongjiang: {
    jurisdiction: '启东市',
    sourceKind: 'policy',
    period: QIDONG_OPINION,
    cites: [
      cite(DOC.qidong, '聚焦海工装备、电动工具、电子信息及半导体、生命健康等重点产业领域的重大技术问题，组织实施“东疆科技计划”攻关'),
      cite(DOC.qidong, '全市每年按产业确定技术攻关项目 10 项以上，给予每个项目一定数额的补助扶持'),
    ],
  },
  qidongPublicServices: {
    jurisdiction: '启东市',
    sourceKind: 'policy',
    period: QIDONG_OPINION,
    cites: [cite(DOC.qidong, '通过政府补贴等方式，鼓励中小企业购买公共服务，降低企业研发投入成本')],
  },
  qidongPatents: {
    jurisdiction: '启东市',
    sourceKind: 'policy',
    period: QIDONG_OPINION,
    cites: [cite(DOC.qidong, '提高政策资助标准，鼓励企业原始创造发明，开展 PCT 专利和马德里商标国际注册')],
  },
  qidongFirstSet: {
    jurisdiction: '启东市',
    sourceKind: 'policy',
    period: QIDONG_OPINION,
    cites: [cite(DOC.qidong, '探索政府优先采购、先试先用首台套等方式，推广应用企业自主创新产品')],
  },
  tongzhouCaseByCase: {
    jurisdiction: '通州区',
    sourceKind: 'policy',
    period: TONGZHOU_PLAN,
    cites: [cite(DOC.kechuang, '对引进的重要人才、重大项目、重大平台实行“一事一议”的招商激励机制')],
  },
  tongzhouLand: {
    jurisdiction: '通州区',
    sourceKind: 'policy',
    period: TONGZHOU_PLAN,
    cites: [cite(DOC.kechuang, '优先保障优质科创人才项目用地需求')],
  },
  parksFunding: {
    jurisdiction: '南通市',
    sourceKind: 'policy',
    period: PARKS_PLAN,
    cites: [cite(DOC.parks, '加大对特色园区内重大项目支持力度，通过财政资金“拨—投—股”等支持方式对特色园区细分赛道项目给予支持')],
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
