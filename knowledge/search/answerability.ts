import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../paths.js';

/**
 * Details a question may ask for that a clause either states or does not: a rate, a date or a time span, where
 * (an address, a website), how (the steps, the papers), who is on a list. Unlike the answer kinds that decide
 * alone (an amount, a count of firms), these weigh in the answerability model: a clause about 东疆英才计划 that
 * gives no 申报条件 holds every word of "东疆英才计划申报条件是什么" and still does not answer it.
 */
const DETAILS: Array<{ asks: RegExp; holds: RegExp }> = [
  { asks: /比例|费率|利率|税率|百分之几|几个点|多少%|占比多少/u, holds: /\d+(?:\.\d+)?\s*[%％]|百分之|\d+(?:\.\d+)?倍|按.{1,10}比例/u },
  { asks: /什么时候|何时|几月|哪天|哪一年|哪年|截止|期限|多久|多长时间|有效期|几年/u, holds: /\d{4}\s*年|\d+\s*(?:个)?(?:月|日|天|工作日|年)|[一二三四五六七八九十]+(?:个)?(?:月|年|日)|当年|次年|年度|以来|之日|期满|有效期/u },
  { asks: /在哪(?:里|儿)?(?:查|办|下载|申报|公示|提交)?|地址|网站|网址|平台叫|系统叫|下载|链接|公众号/u, holds: /网站|网址|平台|系统|https?:|www\.|路\d+号|公示|发布|公布/u },
  { asks: /流程|程序|步骤|怎么(?:办理|申请|申领|领取|申报|报|办)|如何(?:办理|申请|申领|领取|申报)|手续|材料|清单|模板/u, holds: /程序|流程|提交|申报|申请|材料|报送|审核|审查|评审|公示|备案/u },
  { asks: /名单|有哪些(?:企业|单位|园区|成员|人)|成员|哪些人/u, holds: /名单|组长|成员|：.{1,12}、.{1,12}、/u },
  { asks: /面积|多大|多少平方|多少亩|总投资/u, holds: /\d+(?:\.\d+)?\s*(?:亿|万)?(?:元|平方米|平方公里|亩)/u },
  { asks: /条件|标准|要求|申报资格|申请资格|什么资格|门槛|怎么认定|如何认定|认定办法/u, holds: /条件|标准|应当|须|需|不低于|不少于|以上|具备|符合/u },
];

export function detailsAsked(question: string): number {
  return DETAILS.filter((d) => d.asks.test(question)).length;
}

export function detailsMissing(question: string, clauseText: string): number {
  return DETAILS.filter((d) => d.asks.test(question) && !d.holds.test(clauseText)).length;
}

/** "我这种情况算不算", "我们公司能不能申请": a question about the asker's own case, which the rules' check answers. */
export const OWN_CASE = /(?:我|我们|我司|本公司|我公司|我家|咱)(?:.{0,24})(?:算不算|能不能|可不可以|可以吗|能否|是否|符合|够不够|行不行|算吗|能申请|能报|能享受)/u;

/** A question asking which 国家重点支持的高新技术领域 a business belongs to. */
export const ASKS_FIELD = /领域|算高新|属于高新|高新技术吗|高新吗/u;

/**
 * The national schemes the national texts set out: 高企's recognition and scoring, 科小's evaluation, the income tax and
 * its super deduction, the high-tech fields. An owner asks about them in words the texts never use (硬性要求, 法定,
 * 零分), so coverage alone undersells a national clause that is about the very scheme the question names.
 */
export const NATIONAL_SCHEME = /高企|高新技术企业|高新企业|科小|科技型中小企业|加计扣除|加计|研发费|企业所得税|所得税|税率|高新技术领域|高新领域|高新技术产品/u;

/** What retrieval knows about how well its best clause answers a question: the model's inputs. */
export interface Evidence {
  /** weighted share of the question the best clause holds */
  coverage: number;
  /**
   * the same over the terms the corpus uses only: the asker's own words (硬性, 客户, 万一, 义齿) no text has say
   * nothing about whether this clause or another answers; unknown says how much of the question they are
   */
  knownCoverage: number;
  /** the same for the second clause */
  second: number;
  /** the best clause's fused score over the second's, log scale: how clearly it stands out */
  lead: number;
  /**
   * the best clause's fused score, log scale: how high the search paths together rank it, times how much of the
   * question it holds and whether it is of the place and gives the kind of answer asked. lead is its margin over
   * the second; this is its own strength (two weak candidates can differ by as much as two strong ones)
   */
  strength: number;
  /** share of the question's weight in terms no clause of the corpus uses (a concept the texts do not know) */
  unknown: number;
  /** weight share of the heaviest term the best clause lacks */
  missingTop: number;
  /** how much the best clause holds of the question's last term: in Chinese the thing asked about comes last (…的奖金) */
  lastHeld: number;
  /** details asked (rate, date, where, how, who, size, conditions) that the best clause does not state */
  detailsMissing: number;
  detailsAsked: number;
  /** how many of the search paths (tokens, synonyms, phrase names, trigrams) found the best clause */
  paths: number;
  /** the best clause was named (附件1第7条) or is a table row the records answer from */
  direct: number;
  ownCase: number;
  /** "…属于哪个高新领域": the question asks which high-tech field, and the best clause is an entry of the field list */
  fieldAsked: number;
  /** the best clause is a news report's, not a policy's */
  report: number;
  /** the best clause is a table row / a national text's */
  row: number;
  national: number;
  /** the question names a national scheme (高企, 科小, 加计扣除, 企业所得税 …) and the best clause is a national text's */
  nationalScheme: number;
  /** how many terms the question has (a one-word question is easily "covered") */
  terms: number;
  /**
   * the share of the slots the question asks (a figure, a time, who, where, conditions) that the best clause fills
   * beside the thing asked about (knowledge/search/answer-slot.ts); 1 when it asks none
   */
  slotsFilled: number;
  /**
   * the best clause's fused score over that of the first clause among the first ten that is neither its parent, its
   * child nor its sibling, log scale: lead counts an item's own heading or neighbouring item as a rival (…第十一条 and
   * its （一）), which says nothing about whether some other passage answers instead
   */
  leadOverOtherPassage: number;
  /**
   * the second clause's fused score, log scale (-8, below any, when there is none): lead is strength minus this,
   * capped; the learner, which compares each feature with a cut, can read a strong second alone (two passages
   * answering) only from it
   */
  secondStrength: number;
  /**
   * how much of the question the first ten clauses hold together: an asker whose words the best clause lacks but its
   * neighbours hold (研发费 in one item, 境外 in the next) asks what the texts treat; words none of them holds are a
   * detail the texts do not give
   */
  topTenCoverage: number;
}

export const FEATURES = ['coverage', 'second', 'lead', 'unknown', 'missingTop', 'lastHeld', 'detailsMissing', 'detailsAsked', 'paths', 'direct', 'ownCase', 'fieldAsked', 'report', 'row', 'national', 'terms', 'slotsFilled', 'strength', 'knownCoverage', 'nationalScheme',
  'leadOverOtherPassage', 'secondStrength', 'topTenCoverage'] as const;

export function featureVector(e: Evidence): number[] {
  return FEATURES.map((f) => e[f]);
}

/** A node of a regression tree: the feature compared, the cut, and the subtrees below and at-or-above it; or a leaf. */
export type TreeNode = { value: number } | { feature: string; at: number; below: TreeNode; above: TreeNode };
export const TreeNode: z.ZodType<TreeNode> = z.lazy(() =>
  z.union([z.object({ value: z.number() }).strict(), z.object({ feature: z.string(), at: z.number(), below: TreeNode, above: TreeNode }).strict()]),
);

/**
 * Boosted regression trees: the log-odds that the best clause answers is the sum of each tree's leaf times the
 * learning rate, the probability its logistic. Two levels a tree: a tree weighs one feature within a range of another
 * (a middling strength where coverage is low, a small lead where the details asked are missing), which one weight per
 * feature could not.
 */
export const AnswerabilityModel = z.object({
  about: z.string(),
  features: z.array(z.string()),
  /** what each feature's cuts gained in the fit, as a share of the whole: what the decision leans on */
  importance: z.record(z.string(), z.number()),
  rate: z.number(),
  threshold: z.number(),
  fittedOn: z.record(z.string(), z.number()),
  trees: z.array(TreeNode),
});
export type AnswerabilityModel = z.infer<typeof AnswerabilityModel>;

export const MODEL_PATH = join(projectRoot(), 'knowledge', 'search', 'answerability-model.json');

let model: AnswerabilityModel | null = null;
function loaded(): AnswerabilityModel {
  if (!model) {
    model = AnswerabilityModel.parse(JSON.parse(readFileSync(MODEL_PATH, 'utf8')));
    if (model.features.join() !== FEATURES.join()) throw new Error(`${MODEL_PATH} was fitted on other features: run bench/fit-answerability.ts`);
  }
  return model;
}

/** Probability (by the fitted trees) that the best clause answers the question. */
export function answerProbability(e: Evidence, m: AnswerabilityModel = loaded()): number {
  return probabilityOf(featureVector(e), m);
}

/** The leaf a feature vector (in FEATURES order) reaches in one tree. */
export function leafOf(node: TreeNode, x: number[]): number {
  while (!('value' in node)) node = x[FEATURES.indexOf(node.feature as (typeof FEATURES)[number])]! < node.at ? node.below : node.above;
  return node.value;
}

/** The same, from the features in FEATURES order (the fitter's cross-validation holds them so). */
export function probabilityOf(x: number[], m: AnswerabilityModel): number {
  const z = m.trees.reduce((s, t) => s + m.rate * leafOf(t, x), 0);
  return 1 / (1 + Math.exp(-z));
}

/** Whether the best clause answers: the model's probability against the threshold it was fitted with. */
export function isAnswered(e: Evidence, m: AnswerabilityModel = loaded()): boolean {
  return answerProbability(e, m) >= m.threshold;
}
