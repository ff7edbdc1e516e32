import { bound } from '../logic/bounds.js';
import { cite, DOC } from './sources.js';

const ref = (quote: string) => cite(DOC.kechuang, quote);

/**
 * 《2023年南通市科创项目认定标准》（通政办发〔2023〕20号 附件1）. The 2023 edition; the standard is reissued
 * yearly, so every evaluation says which edition it applied, and ./kechuang.ts dates each edition. Not `as const`:
 * its inferred shape is the type every later edition fills in.
 */
export const KECHUANG_2023 = {
  title: '南通市科创项目认定（2023年标准）',
  edition: '《2023年南通市科创项目认定标准》（通政办发〔2023〕20号附件1，2023年版）；此后可能已修订，请以主管部门当年标准为准',
  /** the sentence that joins the base conditions to "any one of" conditions 1–8 */
  conditions: ref('在货币投资形成的有形资产不低于100万元或当年应税销售收入不低于100万元基础上，应满足以下条件之一'),
  base: {
    /**
     * Reading: "2022年1月1日以来…注册在南通" is dated by the day the enterprise was registered in 南通, which for
     * one that moved there (the 高企 of 条件1) is later than its founding: the standard counts projects brought
     * to 南通, so the day it arrived is the one that falls in "2022年1月1日以来" or not.
     */
    registeredSince: { date: '2022-01-01', word: '以来', cite: ref('2022年1月1日以来从市外招引注册在南通') },
    /**
     * Reading: 条件8's parenthesis "（含2021年以来注册、于2022年11月21日—12月31日期间获得）" is the more specific
     * provision: an enterprise registered in 南通 in 2021 still counts when its own Ⅰ类 IP was granted in that
     * window, through 条件8 only (其他说明3 likewise speaks of "2021年以后从市外引进注册").
     */
    carveOut2021: {
      registeredFrom: '2021-01-01',
      grantedFrom: '2022-11-21',
      grantedTo: '2022-12-31',
      cite: ref('8. 企业自主申请授权（含2021年以来注册、于2022年11月21日—12月31日期间获得）或从母公司（含原始股东、母公司的全资子公司）转让I类知识产权'),
    },
    attracted: { cite: ref('1. 从市外招引，指企业注册前，项目投资方（包括全资、控股、实际控制）为母公司，母公司于2022年12月31日前市外注册') },
    registeredInNantong: { cite: ref('从市外招引注册在南通正常运营') },
    operating: {
      /** 解释说明2's 科技服务业 test: research staff paying social insurance for this many months in a row */
      techServiceMonths: 2,
      techServiceStaff: bound('不少于', 3, '人'),
      cites: [
        ref('从市外招引注册在南通正常运营'),
        ref('2. 正常运营，指制造业企业达到用地项目开工要求或主营产品设备安装基本到位或已正常开工生产（包括部分投产或试营业），科技服务业企业已正常运转且连续2个月缴纳社保的研发人员不少于3人'),
        ref('3. 用地项目开工要求，指已办理项目核准（备案）、施工许可证、环评、能评等前期手续，土建形象进度出正负零'),
      ],
    },
    neverRecognised: { cite: ref('且从未认定为科创项目') },
    industry: { cite: ref('从未认定为科创项目的制造业和科技服务业企业') },
    field: {
      cite: ref('主要产品（服务）核心技术属于《国家重点支持的高新技术领域》（国科发火〔2016〕32号）或主要经营范围属于《江苏省高新技术产业统计分类目录》（苏科高发〔2018〕86号）'),
    },
    investment: {
      tangibleAssets: bound('不低于', 100, '万元'),
      taxableSales: bound('不低于', 100, '万元'),
      cites: [
        ref('在货币投资形成的有形资产不低于100万元或当年应税销售收入不低于100万元'),
        ref('4. 有形资产，包括：土地、厂房、设备、装置、产品等在内'),
      ],
    },
  },
  routes: {
    /**
     * Reading: "引进有效期内高新技术企业" needs the certificate to come with the enterprise — issued before it was
     * registered in 南通 and valid that day; 其他说明3 counts a first certificate obtained afterwards as a
     * "通过高新技术企业认定的项目", not as a 招引科创项目. And it must still be valid when the project is
     * recognised: 其他说明1 takes an introduced 高企 that fails re-recognition out of the count.
     */
    hnte: {
      cite: ref('1. 引进有效期内高新技术企业，或母公司为市外高新技术企业'),
      deductedCite: ref('1. 2022年以来认定的招引科创项目出现外迁、停业或招引的高企复评未能通过的，将从当年考核认定数据中予以扣除'),
      firstCertificateCite: ref('3. 2021年以后从市外引进注册、从未认定为科创项目、首次于本年度获得高新技术企业认定的企业计入“通过高新技术企业认定的项目”数，但不计入招引科创项目数'),
    },
    founder: {
      /** who counts as a 主要原始股东: a holding this large, or the largest natural-person shareholder */
      holding: bound('不少于', 30, '%'),
      cashPaidIn: bound('不少于', 100, '万元'),
      cite: ref('2. 主要原始股东（股份占比不少于30%或自然人第一大股东）之一为全日制理工类硕士及以上学历，个人货币出资到账不少于100万元，担任公司主要负责人（任董事长、总经理、执行董事等职务，不包括监事，同时已在工商信息系统备案）'),
    },
    talent: { cite: ref('3. 获市“江海英才”或省“双创人才”支持的创业类项目') },
    talentFunding: { amount: bound('超', 30, '万元'), cite: ref('4. 项目股东在南通市外地区获评资助总额超30万元的县、市级及以上科技人才政策支持') },
    competition: { cite: ref('5. 进入“创业江苏”科技创业大赛行业赛前十名或获江苏人才创新创业大赛决赛一二三等奖') },
    pool: { cite: ref('6. 市高新技术企业培育入库企业') },
    capital: {
      investment: bound('以上', 500, '万元'),
      valuation: bound('超过', 5000, '万元'),
      stateShare: bound('不超过', 10, '%'),
      cite: ref('7. 项目落地后获得社会资本投资500万元以上或投后估值超过5000万元（投资主体中属地国有资本占比不超过10%）'),
    },
    ip: {
      utilityModels: bound('及以上', 3, '项'),
      cites: [
        ref('8. 企业自主申请授权（含2021年以来注册、于2022年11月21日—12月31日期间获得）或从母公司（含原始股东、母公司的全资子公司）转让I类知识产权'),
        ref('或企业自主申请授权3项及以上实用新型专利。以上知识产权对其主要产品（服务）发挥核心支持作用'),
        ref('5. I类知识产权，指在中国境内授权或审批审定，并在法律的有效保护期内的知识产权'),
      ],
    },
  },
  notes: {
    quota: { text: '“其中制造业项目不低于75%（创新区除外）”是对招引项目总体结构的比例要求，不是对单个企业的认定条件。', cite: ref('其中制造业项目不低于75%（创新区除外）') },
    other: [
      { text: '其他说明1：2022年以来认定的招引科创项目出现外迁、停业或招引的高企复评未能通过的，将从当年考核认定数据中扣除。', cite: ref('1. 2022年以来认定的招引科创项目出现外迁、停业或招引的高企复评未能通过的，将从当年考核认定数据中予以扣除') },
      { text: '其他说明2：每个项目当年度原则上只可申报1次，最多不超过2次。', cite: ref('2. 每个项目当年度原则上只可申报1次，最多不超过2次') },
      { text: '其他说明3：2021年以后从市外引进注册、从未认定为科创项目、首次于本年度获得高企认定的企业，计入“通过高新技术企业认定的项目”数，但不计入招引科创项目数。', cite: ref('3. 2021年以后从市外引进注册、从未认定为科创项目、首次于本年度获得高新技术企业认定的企业计入“通过高新技术企业认定的项目”数，但不计入招引科创项目数') },
    ],
  },
};
