import { bound } from '../logic/bounds.js';
import { cite, DOC } from './sources.js';

const ref = (quote: string) => cite(DOC.hnteMeasures, quote);

/**
 * 《高新技术企业认定管理办法》（国科发火〔2016〕32号）第十一条: the thresholds of 高企 recognition. The 2016 edition,
 * dated in ./hnte.ts. Not `as const`: its inferred shape is the type every later edition fills in.
 */
export const HNTE_MEASURES_2016 = {
  edition: '《高新技术企业认定管理办法》（国科发火〔2016〕32号，自2016年1月1日起实施；第三方网站转载全文）',
  conditions: ref('认定为高新技术企业须同时满足以下条件'),
  /** 第二条 defines a 高企 as a resident enterprise registered in China: a condition beside 第十一条's eight */
  resident: { cite: ref('在中国境内（不包括港、澳、台地区）注册的居民企业') },
  registered: { years: bound('以上', 1, '年'), cite: ref('（一）企业申请认定时须注册成立一年以上') },
  ipOwnership: {
    cite: ref('（二）企业通过自主研发、受让、受赠、并购等方式，获得对其主要产品（服务）在技术上发挥核心支持作用的知识产权的所有权'),
  },
  field: { cite: ref('（三）对企业主要产品（服务）发挥核心支持作用的技术属于《国家重点支持的高新技术领域》规定的范围') },
  scienceStaff: {
    share: bound('不低于', 10, '%'),
    cite: ref('（四）企业从事研发和相关技术创新活动的科技人员占企业当年职工总数的比例不低于10%'),
  },
  rdIntensity: {
    cite: ref('（五）企业近三个会计年度（实际经营期不满三年的按实际经营时间计算，下同）的研究开发费用总额占同期销售收入总额的比例符合如下要求'),
    /** read from the top: the first band whose ceiling (inclusive, 含) holds the latest year's sales decides */
    bands: [
      { salesUpTo: 5000, label: '最近一年销售收入5,000万元（含）以下', rate: bound('不低于', 5, '%'), cite: ref('1. 最近一年销售收入小于5,000万元（含）的企业，比例不低于5%') },
      { salesUpTo: 20000, label: '最近一年销售收入5,000万元至2亿元（含）', rate: bound('不低于', 4, '%'), cite: ref('2. 最近一年销售收入在5,000万元至2亿元（含）的企业，比例不低于4%') },
      { salesUpTo: Infinity, label: '最近一年销售收入2亿元以上', rate: bound('不低于', 3, '%'), cite: ref('3. 最近一年销售收入在2亿元以上的企业，比例不低于3%') },
    ],
  },
  rdInChina: {
    share: bound('不低于', 60, '%'),
    cite: ref('其中，企业在中国境内发生的研究开发费用总额占全部研究开发费用总额的比例不低于60%'),
  },
  highTechIncome: {
    share: bound('不低于', 60, '%'),
    cite: ref('（六）近一年高新技术产品（服务）收入占企业同期总收入的比例不低于60%'),
  },
  innovation: { cite: ref('（七）企业创新能力评价应达到相应要求') },
  noIncident: { cite: ref('（八）企业申请认定前一年内未发生重大安全、重大质量事故或严重环境违法行为') },
  certificate: { years: 3, cite: ref('其资格自颁发证书之日起有效期为三年') },
  taxFromIssueYear: ref('自高新技术企业证书颁发之日所在年度起享受税收优惠'),
};
