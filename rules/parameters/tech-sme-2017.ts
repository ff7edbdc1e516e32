import type { BandTable } from '../logic/bands.js';
import { bound } from '../logic/bounds.js';
import { exactly } from '../logic/interval.js';
import { cite, DOC } from './sources.js';

const ref = (quote: string) => cite(DOC.techSme, quote);

/**
 * 《科技型中小企业评价办法》（国科发政〔2017〕115号）第六条–第八条. The 2017 text, from third-party copies; no
 * later revision is at hand, which every evaluation says in its notes. Dated in ./tech-sme.ts. Not `as const`: its
 * inferred shape is the type every later edition fills in.
 */
export const TECH_SME_2017 = {
  edition: '2017年《科技型中小企业评价办法》（国科发政〔2017〕115号，第三方转载节选）；手头无2022年后修订文本，请以现行官方文本为准',
  conditions: ref('第六条 科技型中小企业须同时满足以下条件'),
  resident: { cite: ref('(一)在中国境内(不包括港、澳、台地区)注册的居民企业。') },
  size: {
    employees: bound('不超过', 500, '人'),
    sales: bound('不超过', 20000, '万元'),
    assets: bound('不超过', 20000, '万元'),
    cite: ref('(二)职工总数不超过500人、年销售收入不超过2亿元、资产总额不超过2亿元。'),
  },
  notRestricted: { cite: ref('(三)企业提供的产品和服务不属于国家规定的禁止、限制和淘汰类。') },
  clean: { cite: ref('(四)企业在填报上一年及当年内未发生重大安全、重大质量事故和严重环境违法、科研严重失信行为,且企业未列入经营异常名录和严重违法失信企业名单。') },
  score: {
    pass: bound('不低于', 60, '分'),
    cite: ref('(五)企业根据科技型中小企业评价指标进行综合评价所得分值不低于60分,且科技人员指标得分不得为0分。'),
    total: ref('科技型中小企业评价指标具体包括科技人员、研发投入、科技成果三类,满分100分。'),
  },
  staff: {
    bands: [
      { from: bound('（含）以上', 30, '%'), points: exactly(20), cite: ref('A. 30%(含)以上(20分)') },
      { from: bound('（含）以上', 25, '%'), points: exactly(16), cite: ref('B. 25%(含)-30%(16分)') },
      { from: bound('（含）以上', 20, '%'), points: exactly(12), cite: ref('C. 20%(含)-25%(12分)') },
      { from: bound('（含）以上', 15, '%'), points: exactly(8), cite: ref('D. 15%(含)-20%(8分)') },
      { from: bound('（含）以上', 10, '%'), points: exactly(4), cite: ref('E. 10%(含)-15%(4分)') },
    ],
    otherwise: exactly(0),
    cites: [ref('1. 科技人员指标(满分20分)。按科技人员数占企业职工总数的比例分档评价。')],
  } satisfies BandTable,
  rd: {
    choose: ref('2. 研发投入指标(满分50分)。企业从(1)、(2)两项指标中选择一个指标进行评分。'),
    ofSales: {
      bands: [
        { from: bound('（含）以上', 6, '%'), points: exactly(50), cite: ref('A. 6%(含)以上(50分)') },
        { from: bound('（含）以上', 5, '%'), points: exactly(40), cite: ref('B. 5%(含)-6%(40分)') },
        { from: bound('（含）以上', 4, '%'), points: exactly(30), cite: ref('C. 4%(含)-5%(30分)') },
        { from: bound('（含）以上', 3, '%'), points: exactly(20), cite: ref('D. 3%(含)-4%(20分)') },
        { from: bound('（含）以上', 2, '%'), points: exactly(10), cite: ref('E. 2%(含)-3%(10分)') },
      ],
      otherwise: exactly(0),
      cites: [ref('(1)按企业研发费用总额占销售收入的比例分档评价。'), ref('F. 2%以下(0分)')],
    } satisfies BandTable,
    ofCosts: {
      bands: [
        { from: bound('（含）以上', 30, '%'), points: exactly(50), cite: ref('A. 30%(含)以上(50分)') },
        { from: bound('（含）以上', 25, '%'), points: exactly(40), cite: ref('B. 25%(含)-30%(40分)') },
        { from: bound('（含）以上', 20, '%'), points: exactly(30), cite: ref('C. 20%(含)-25%(30分)') },
        { from: bound('（含）以上', 15, '%'), points: exactly(20), cite: ref('D. 15%(含)-20%(20分)') },
        { from: bound('（含）以上', 10, '%'), points: exactly(10), cite: ref('E. 10%(含)-15%(10分)') },
      ],
      otherwise: exactly(0),
      cites: [ref('(2)按企业研发费用总额占成本费用支出总额的比例分档评价。')],
    } satisfies BandTable,
  },
  ip: {
    classIAtLeastOne: { points: exactly(30), cite: ref('A. 1项及以上Ⅰ类知识产权(30分)') },
    classII: {
      bands: [
        { from: bound('及以上', 4, '项'), points: exactly(24), cite: ref('B. 4项及以上Ⅱ类知识产权(24分)') },
        { from: bound('及以上', 3, '项'), points: exactly(18), cite: ref('C. 3项Ⅱ类知识产权(18分)') },
        { from: bound('及以上', 2, '项'), points: exactly(12), cite: ref('D. 2项Ⅱ类知识产权(12分)') },
        { from: bound('及以上', 1, '项'), points: exactly(6), cite: ref('E. 1项Ⅱ类知识产权(6分)') },
      ],
      otherwise: exactly(0),
      cites: [ref('F. 没有知识产权(0分)')],
    } satisfies BandTable,
    cite: ref('3. 科技成果指标(满分30分)。按企业拥有的在有效期内的与主要产品(或服务)相关的知识产权类别和数量(知识产权应没有争议或纠纷)分档评价。'),
  },
  /**
   * Readings for advice where the text is silent. A gap names the least demanding way to 60 points, measured as
   * each indicator's increase relative to what the enterprise has now (+10万 on 200万 of R&D is 5%; +3 science
   * staff on 20 is 15%), so the cheapest route comes first; a first Ⅰ类 IP counts as doubling the effort.
   */
  gap: { classIEffort: 2 },
  /**
   * Reading: the evaluation is made on the last completed fiscal year ("填报上一年"), so an enterprise first
   * registered after it can first be evaluated on 1 January of the year after its registration.
   */
  firstFiscalYear: { cite: ref('(四)企业在填报上一年及当年内未发生重大安全、重大质量事故和严重环境违法、科研严重失信行为,且企业未列入经营异常名录和严重违法失信企业名单。') },
  direct: {
    cite: ref('答:如果評價分值低于60分,但符合《評價辦法》第六條第(1)~(4)項條件的企業,若符合下列條件中的一項,則可直接確認符合科技型中小企業條件:'),
    hnte: ref('(1)企業擁有有效期內高新技術企業資格證書;'),
    award: ref('(2)企業近五年內獲得過國家級科技獎勵,并在獲獎單位中排在前三名;'),
    institution: ref('(3)企業擁有經認定的省部級以上研發機構;'),
    standard: ref('(4)企業近五年內主導制定過國際標準、國家標準或行業標準。'),
  },
};
