/**
 * A document the question names by its title (…评价办法, …认定评分细则) whose contents it asks, when the corpus does not
 * hold it: a clause citing it (对照《南通市沿江科创带建设评价办法》) tells which document applies, never what it
 * requires; the corpus holds few documents, and the many it cites are not among them. A title the corpus holds
 * (高企认定管理办法) is no such concept, even when it only frames the question (按高企认定管理办法，通州有啥奖励).
 */
import type { DocumentMeta } from '../catalog.js';
import type { KnowledgeStore } from '../store/store.js';
import { comparable } from '../text/normalize.js';
import { toSimplified } from '../text/traditional.js';
import { namedJurisdiction, outsidePlacesNamed } from './jurisdiction.js';
import { held } from './scheme-conditions.js';
import { tokenize, wholeWords } from './segment.js';
import { STOPWORDS } from './terms.js';

/** A title: a few words, then the kind of rules it is (认定办法, 考核办法, 评分细则, 管理规定, 工作指引). */
const TITLE = /([\p{Script=Han}]{2,16}?)的?(?:(?:评价|管理|认定|实施|考核|评分|评定|暂行|认定评分)(?:办法|细则|规定)|工作指引)/u;
/** What is asked of it is which document, who makes it or whether it holds: the citing clause answers that. */
const ASKS_WHICH = /谁|哪个部门|哪个单位|由哪|哪个(?:文件|办法)|什么文件|依据|根据|出自|对照|还有效|有效吗|叫什么/u;
/** Words of a title that place or rank it rather than name it: 南通市, 江苏省, 省级. */
const PLACE_OR_RANK = /^(?:省|市|省级|市级|区级|县级|国家级?|全国)$/u;
/** Words before a title that frame the question by it (按照高企管理办法，…): no part of its name. */
const FRAMING = /^(?:按照|依照|参照|遵照|按)$/u;

/** The title the question names when the corpus holds no document by it; else null. */
export function documentOnlyCited(store: KnowledgeStore, question: string): string | null {
  const m = TITLE.exec(question);
  if (!m || ASKS_WHICH.test(question)) return null;
  const words = tokenize(m[1]!).filter((t) => [...t].length >= 2 && !STOPWORDS.has(t) && !PLACE_OR_RANK.test(t) && !FRAMING.test(t) && !namedJurisdiction(t) && outsidePlacesNamed(t).length === 0);
  const whole = wholeWords(words);
  const titlesOf = (doc: DocumentMeta) => toSimplified(comparable([doc.title, doc.shortTitle, ...doc.parts.map((p) => p.title)].join(' '))).toLowerCase();
  return [...store.documents.values()].some((doc) => whole.every((w) => held(titlesOf(doc), w))) ? null : m[0];
}
