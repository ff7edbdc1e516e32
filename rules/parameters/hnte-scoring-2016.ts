import type { BandTable } from '../logic/bands.js';
import { bound } from '../logic/bounds.js';
import { exactly, span } from '../logic/interval.js';
import type { Grade } from '../facts/schema.js';
import { cite, DOC } from './sources.js';

const ref = (quote: string) => cite(DOC.hnteGuidelines, quote);

/** Points for the 指引's five grades A–E: each grade is a band the expert scores within. */
type GradeBands = { readonly [G in Grade]: ReturnType<typeof span> };
const GRADE_BANDS: GradeBands = { A: span(7, 8), B: span(5, 6), C: span(3, 4), D: span(1, 2), E: exactly(0) };

/**
 * 《高新技术企业认定管理工作指引》（国科发火〔2016〕195号）十、企业创新能力评价: 第十一条（七）'s score.
 * Each grade is a band of points; the expert picks the point inside it, so the rules can only give an interval.
 * The 2016 edition, dated in ./hnte.ts. Not `as const`: its inferred shape is the type every later edition fills in.
 */
export const HNTE_SCORING_2016 = {
  edition: '《高新技术企业认定管理工作指引》（国科发火〔2016〕195号）企业创新能力评价（第三方转载节选；成长性档次表由两份一致的第三方网页重建，可信度中等）',
  pass: {
    score: bound('以上（不含）', 70, '分'),
    cite: ref('各级指标均按整数打分,满分为100分,综合得分达到70分以上(不含70分)为符合认定要求'),
  },
  ip: {
    cap: 30,
    capCite: ref('(此项为加分项,加分后"知识产权"总分不超过30分'),
    techAdvancement: {
      bands: GRADE_BANDS,
      cites: [ref('(1)技术的先进程度(8分)'), ref('A. 高 (7-8分) B. 较高(5-6分)'), ref('C. 一般(3-4分) D. 较低(1-2分) E. 无 (0分)')],
    },
    coreSupport: {
      bands: GRADE_BANDS,
      cites: [ref('(2)对主要产品(服务)在技术上发挥核心支持作用(8分)'), ref('A. 强 (7-8分) B. 较强(5-6分)'), ref('C. 一般(3-4分) D. 较弱(1-2分) E. 无 (0分)')],
    },
    count: {
      classIAtLeastOne: span(7, 8),
      classII: {
        bands: [
          { from: bound('及以上', 5, '项'), points: span(5, 6) },
          { from: bound('及以上', 3, '项'), points: span(3, 4) },
          { from: bound('及以上', 1, '项'), points: span(1, 2) },
        ],
        otherwise: exactly(0),
        cites: [],
      } satisfies BandTable,
      cites: [
        ref('(3)知识产权数量(8分)'),
        ref('A. 1项及以上 (Ⅰ类)(7-8分) B. 5项及以上 (Ⅱ类)(5-6分)'),
        ref('C. 3~4项 (Ⅱ类)(3-4分) D. 1~2项 (Ⅱ类)(1-2分)'),
        ref('E. 0项 (0分)'),
      ],
    },
    acquisition: {
      selfDeveloped: span(1, 6),
      transferOnly: span(1, 3),
      none: exactly(0),
      cites: [ref('(4)知识产权获得方式(6分)'), ref('A. 有自主研发 (1-6分) B. 仅有受让、受赠和并购等(1-3分)')],
    },
    standards: {
      yes: span(1, 2),
      no: exactly(0),
      cites: [ref('(5)企业参与编制国家标准、行业标准等(2分)'), ref('A. 是 (1-2分) B. 否 (0分)')],
    },
  },
  transfers: {
    bands: [
      { from: bound('以上', 5, '项'), points: span(25, 30) },
      { from: bound('以上', 4, '项'), points: span(19, 24) },
      { from: bound('以上', 3, '项'), points: span(13, 18) },
      { from: bound('以上', 2, '项'), points: span(7, 12) },
      { from: bound('以上', 1, '项'), points: span(1, 6) },
    ],
    otherwise: exactly(0),
    cites: [
      ref('由技术专家根据企业科技成果转化总体情况和近3年内科技成果转化的年平均数进行综合评价'),
      ref('A. 转化能力强, ≥5项 (25-30分) B. 转化能力较强,≥4项 (19-24分)'),
      ref('C. 转化能力一般,≥3项 (13-18分) D. 转化能力较弱,≥2项 (7-12分)'),
      ref('E. 转化能力弱, ≥1项 (1-6分) F. 转化能力无, 0项 (0分)'),
    ],
  } satisfies BandTable,
  /**
   * The 指引 gives each item only its ceiling, "(≤6分)" / "(≤4分)", scored by experts: an item the enterprise has
   * may score anything from 0 to that ceiling (there is no floor in the text); one it lacks scores nothing.
   */
  management: {
    rdManagementSystem: { points: span(0, 6), cite: ref('(1)制定了企业研究开发的组织管理制度,建立了研发投入核算体系,编制了研发费用辅助账;(≤6分)') },
    rdInstitutionAndCooperation: { points: span(0, 6), cite: ref('(2)设立了内部科学技术研究开发机构并具备相应的科研条件,与国内外研究开发机构开展多种形式的产学研合作;(≤6分)') },
    transferIncentiveSystem: { points: span(0, 4), cite: ref('(3)建立了科技成果转化的组织实施与激励奖励制度,建立开放式的创新创业平台;(≤4分)') },
    talentSystem: { points: span(0, 4), cite: ref('(4)建立了科技人员的培养进修、职工技能培训、人才引进,以及人才绩效评价奖励制度;(≤4分)') },
  },
  /**
   * The estimate beside an outcome only the experts' scoring leaves open (a reading; the texts decide nothing
   * here): the score with every expert-scored part at the middle of its band, called likely or unlikely only
   * when it clears the pass line, or misses it, by more than `margin` points, and otherwise uncertain.
   */
  assessment: { margin: 3 },
  growth: {
    /** growth rate in percent, each of the two indicators scored on its own */
    table: {
      bands: [
        { from: bound('以上', 35, '%'), points: span(9, 10) },
        { from: bound('以上', 25, '%'), points: span(7, 8) },
        { from: bound('以上', 15, '%'), points: span(5, 6) },
        { from: bound('以上', 5, '%'), points: span(3, 4) },
        { from: bound('以上（不含）', 0, '%'), points: span(1, 2) },
      ],
      otherwise: exactly(0),
      // The table is our source's reconstruction from two agreeing third-party pages (its catalog provenance says
      // so on every citation); its rows are cited by their cells, never by the source's own gloss "(i.e. 0<r<5%)".
      cites: [ref('以上两个指标分别对照下表评价档次(ABCDEF)得出分值,两项得分相加计算出企业成长性指标综合得分。'), ref('≥35%'), ref('9-10')],
    } satisfies BandTable,
    actualPeriod: ref('企业实际经营期不满三年的按实际经营时间计算'),
    netAssetsFormula: ref('净资产增长率=1/2(第二年末净资产÷第一年末净资产+第三年末净资产÷第二年末净资产)-1'),
    salesFormula: ref('销售收入增长率=1/2(第二年销售收入÷第一年销售收入+第三年销售收入÷第二年销售收入)-1'),
    /**
     * Reading where the text is silent: the formula divides by the earlier years' net assets, and a ratio over a
     * negative base says nothing about growth (−500 → −1000 → −2000 would read as +100%; −500 → −200 → 800 as
     * negative). So an indicator whose base year (a divisor of the formula) is negative scores 0, like the
     * 指引's own "为负的,按0分计算" and "第二年末…为0的,按0分计算".
     */
    negativeBase: { reading: '净资产为负的年度不能作为增长率的基数' },
    zeroRules: ref('企业净资产增长率或销售收入增长率为负的,按0分计算。第一年末净资产或销售收入为0的,按后两年计算;第二年末净资产或销售收入为0的,按0分计算。'),
  },
};
