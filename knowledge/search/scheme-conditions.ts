/**
 * The conditions of a scheme asked about ("省级新型研发机构 认定条件", "启东三十强科创企业 评选标准"): only a clause that
 * states conditions OF that scheme answers. The nearest clause often names a neighbour (研究开发机构 for 新型研发机构,
 * 技术标准制订 for 评选标准) or names the scheme without its conditions ("符合条件的小型微利企业，减按20%的税率"); the
 * corpus holds the conditions of 高企, 科小 and 科创项目, not of every scheme it mentions.
 */
import type { KnowledgeStore, StoredClause } from '../store/store.js';
import { comparable } from '../text/normalize.js';
import { escapeRegExp } from '../text/regexp.js';
import { toSimplified } from '../text/traditional.js';
import { CITY, COUNTY_DIVISIONS, placeNamed, shortName } from '../places.js';
import { clauseHaystack } from './scope.js';
import { tokenize, wholeWords } from './segment.js';
import { synonymsOf } from './synonyms.js';
import { STOPWORDS } from './terms.js';

/** The scheme, then what of it is asked: 认定条件, 评选标准, 入库需要满足什么条件, 怎么认定. */
const HOW_ASKED = '(?:的)?(?:认定|申报|评选|评定|入库|备案|入驻|评价|申请)?(?:要|需要|须|需)?(?:满足|符合|具备)?(?:什么|哪些|啥)?(?:基本|具体|主要|相关|硬性|详细|申报|认定)?';
const CONDITIONS_ASKED = new RegExp(`([^。；;？?！!]{2,30})${HOW_ASKED}(?:条件|评分标准|评选标准|认定标准|(?<!行业|国家|地方|团体|技术|国际)标准|门槛|硬指标|评分细则)(?:是什么|是啥|是多少|有哪些|要求)?(?:[，,。？?\\s]|$)|([^。；;？?！!]{2,30})${HOW_ASKED}标准是多少`, 'u');
const HOW_ASKED_AT_END = new RegExp(`${HOW_ASKED}$`, 'u');
/** What says a condition: a requirement, a floor or a ceiling, a definition. 符合条件的 only refers to conditions. */
const STATES_CONDITIONS = /条件|标准|须|应当|(?<!供)需(?!求)|满足|具备|不低于|不少于|不超过|不高于|是指|所称|指标|要求|≥|≤/u;
const REFERS_TO_CONDITIONS = /符合(?:相关|规定|上述)?条件的/gu;
/**
 * Where the asker's own case ends and the scheme begins: 拿到什么名次能算科创项目条件, and a question that ends one
 * sentence with 吗 and no mark before the next (兼职的人 能算进科小的职工总数吗 有什么条件).
 */
const AFTER_THE_CASE = /[，,]|吗|才(?=能|算|可|够|行|符合|满足|达到)|能算|可以算|算不算|够不够|够|达到|满足|符合|(?<![主重])要|需要/u;
/**
 * Words of the question that are not the scheme: how it is asked (能不能作为…的条件, cut by search mode into 不能 and 人能),
 * or a word every scheme shares.
 */
const NOT_THE_SCHEME = /^(?:基本|主要|相关|硬性|详细|认定|申报|评选|评定|入库|备案|入驻|评价|申请|要求|具体|一般|现在|目前|起步|入门|准入|最低|有没有|没有|有无|企业|公司|省|省级|市级|国家级|国家|不能|人能|能否|作为|算进|算作|一个|另外|其他|其它|别的|额外|单独)$/u;

/** A word that only names a place (南通, 海门区): where a scheme applies, not which scheme it is. */
const PLACE_ONLY = new RegExp(`^(?:${[placeNamed(CITY)!, ...COUNTY_DIVISIONS].map(shortName).join('|')})(?:市|区|县)?$`, 'u');
const namesPlaceOnly = (word: string) => PLACE_ONLY.test(word);

/** The scheme whose conditions a question asks, as its content words; null when it asks no conditions. */
export function schemeOfConditions(question: string): string[] | null {
  const m = CONDITIONS_ASKED.exec(question.trim());
  if (!m) return null;
  // the scheme is the phrase right before what is asked (够不够科创项目条件, 省企业重点实验室 申报要什么条件), or the
  // sentence before when none is (专精特新小巨人怎么认定，条件是什么)
  return schemeBefore((m[1] ?? m[2])!.trim().replace(HOW_ASKED_AT_END, ''));
}

/** The scheme named last in what precedes the ask, as its content words (`ignore`: more words that are not it). */
export function schemeBefore(text: string, ignore: (word: string) => boolean = () => false): string[] | null {
  for (const piece of text.split(AFTER_THE_CASE).reverse()) {
    // 科创项目对投资额有没有门槛: what follows 对 is what the threshold is on, the scheme is before it; when only a place
    // is (海门对高企研发费加计扣除享受率有没有硬指标), the place sets the threshold (the place rules judge it) and the scheme
    // is what follows
    const [before, ...after] = piece.split(/对/u);
    for (const phrase of [before!, after.join('对')]) {
      const tokens = tokenize(phrase).filter((t) => [...t].length >= 2 && /\p{Script=Han}/u.test(t) && !STOPWORDS.has(t) && !NOT_THE_SCHEME.test(t) && !namesPlaceOnly(t) && !ignore(t));
      const words = wholeWords(tokens);
      if (words.length > 0) return words;
    }
  }
  return null;
}

/** A word abbreviates the text's term by dropping characters (研发费用 of 研究开发费用): its characters in order, close. */
const abbreviation = (word: string, flags = '') => new RegExp([...word].map(escapeRegExp).join('.{0,2}'), `u${flags}`);
/** A name as the clause's haystack is written (simplified, comparable, lower case), abbreviations allowed. */
const nameIn = (name: string, flags = '') => abbreviation(toSimplified(comparable(name)).toLowerCase(), flags);
/** Whether a haystack (simplified, comparable, lower case) holds a word, by another name or abbreviated. */
export const held = (hay: string, word: string) => [word, ...synonymsOf(word)].some((w) => nameIn(w).test(hay));
/** A word naming what kind of scheme it is, which many schemes share. */
const KIND_OF_SCHEME = /^(?:计划|项目|工程|行动|方案|政策|办法|平台|载体|机构|企业|人才)$/u;
/** How near (in characters) to the scheme's name its conditions must be stated. */
const BESIDE = 30;

/**
 * The scheme's word the clause lacks when the question asks the scheme's conditions and the clause does not state
 * them of it: every word of the scheme must be in the clause (its text, headings or context), and the clause must
 * state conditions. Null when it answers, or no conditions are asked.
 */
export function conditionsOfOtherScheme(store: KnowledgeStore, c: StoredClause, question: string): string | null {
  const scheme = schemeOfConditions(question);
  if (!scheme) return null;
  const hay = clauseHaystack(store, c).replace(REFERS_TO_CONDITIONS, '');
  const missing = scheme.find((w) => !held(hay, w));
  if (missing) return missing;
  // the conditions stated of the scheme: beside one of its words (认定为高新技术企业须同时满足以下条件, 科创项目认定标准), a
  // word of its own: 江海英才计划's 计划 beside a condition is some other 计划's
  const own = scheme.filter((w) => !KIND_OF_SCHEME.test(w));
  const stated = (own.length > 0 ? own : scheme).some((w) => [w, ...synonymsOf(w)].some((name) => {
    for (const m of hay.matchAll(nameIn(name, 'g'))) {
      if (STATES_CONDITIONS.test(hay.slice(Math.max(0, m.index - BESIDE), m.index + m[0].length + BESIDE))) return true;
    }
    return false;
  }));
  return stated ? null : scheme[0]!;
}
