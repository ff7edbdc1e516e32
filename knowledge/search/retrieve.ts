import { coversWholeCity, NATION } from '../places.js';
import { answerFromRecords, targetYearsUnset, type RecordAnswer } from '../records/lookup.js';
import type { KnowledgeStore, StoredClause } from '../store/store.js';
import { cleanQuestion, comparable } from '../text/normalize.js';
import { longestSharedRun } from '../text/shared-run.js';
import { addressedClauses } from './address.js';
import { CUE_WEIGHTS, cuesOf } from './answer-cue.js';
import { clausesListingSets, CONDITIONS_ASKED, numberedSetsAsked, rankListsWhole, withoutWhichOfSet } from './whole-list.js';
import { answerKindsOf, type AnswerKind } from './answer-kind.js';
import { slotsFilledBeside } from './answer-slot.js';
import { gradeOf, revenueInBand, revenueOf } from './revenue-band.js';
import { asksPoints, asksTopTier, holdsTopTier, lineHolds, namedShare, scoreLineOf, valuesOf, type GivenValue } from './score-item.js';
import { ASKS_FIELD, detailsAsked, detailsMissing, isAnswered, NATIONAL_SCHEME, OWN_CASE, type Evidence } from './answerability.js';
import { coverageOf, coverageTerms, heldShares, known, type CoverageTerm } from './coverage.js';
import { documentOnlyCited } from './document-named.js';
import { namedJurisdiction, outsidePlacesNamed } from './jurisdiction.js';
import { outOfCorpusNamed } from './out-of-corpus.js';
import { conditionsOfOtherScheme } from './scheme-conditions.js';
import { procedureOfOtherScheme } from './scheme-procedure.js';
import { rewardOfOtherCase } from './reward-case.js';
import { ratesProposed, statesRateProposed } from './proposed-figure.js';
import { cityFigureOfCounty, clauseHaystack, countiesNamed, editionsOutOfScope, countiesOutOfScope, firmFigureOutOfScope, ownJurisdiction, placesOutOfScope, withFullYears, withinPeriod, yearsOutOfScope } from './scope.js';
import { contentWeight, tokenize } from './segment.js';
import { synonymsOf, synonymTermsIn } from './synonyms.js';
import { ANSWER_FRAMES, STOPWORDS } from './terms.js';
import { RANKING_WEIGHTS, type RankingWeights } from './weights.js';

export interface Hit {
  clause: StoredClause;
  /** fused rank score (reciprocal rank fusion); only the order it gives is meaningful */
  score: number;
  /** share of the question's content, weighted by rarity, that the clause (with its path and context) contains */
  coverage: number;
  /** which paths found it: address, tokens, trigrams */
  via: string[];
}

export interface Retrieval {
  query: string;
  covered: boolean;
  /**
   * Why not, when not covered: nothing matched; the best clause holds too little of the question; the question
   * names a concept of another policy area no text treats (个税, 社会保险: knowledge/vocabulary/out-of-corpus.yaml); or it holds
   * enough but speaks for another place or period, or lacks the kind of figure asked for (those are not answers
   * however close their words).
   */
  uncovered?: 'nothing' | 'weak' | 'concept' | 'place' | 'period' | 'figure';
  jurisdiction: string | null;
  /** what the answerability decision weighed (absent when nothing matched) */
  evidence?: Evidence;
  hits: Hit[];
  /** when the table records answer the question: what each answering row holds (its clause is among the hits) */
  records?: RecordAnswer;
}

export interface RetrieveOptions {
  k?: number;
  /** a jurisdiction the caller knows (the user's 区/县), in addition to any the question names */
  jurisdiction?: string | null;
  /** the ranking weights to use instead of the tuned ones (the bench sweeps them) */
  weights?: RankingWeights;
}

/** Longest question we search on; a longer one is cut here (the caller is told), never rejected. */
export const MAX_QUERY_CHARS = 500;
/** 软著算几类知识产权, 是一类还是二类, 属于哪一类 */
const CLASS_ASKED = /几类|哪类|哪一类|什么类|(?:[一二三]|i{1,3}|ⅰ|ⅱ|Ⅰ|Ⅱ)类[^，。？?]{0,8}还是|属于(?:哪|什么)(?:一)?(?:类|种)/iu;
/** …按Ⅱ类评价, 列为…类: a clause that sorts things into classes, not each tier that counts one */
const SORTS_INTO_CLASSES = /按\s*(?:[一二三]|I{1,3}|Ⅰ|Ⅱ|Ⅲ)\s*类(?:评价|管理|计|认定)|(?:列为|归为|划为|归入|列入)[^，。；]{0,8}类/u;
/** A question about a person: who holds a post, or what post someone holds. */
const WHO = /谁|什么职务|什么身份|什么职位|哪位|担任什么/u;
const CONTAINERS = new Set(['heading', 'attachment', 'group', 'table']);

/** An FTS5 string literal: the term in double quotes, inner quotes doubled, so no user text is ever syntax. */
function ftsLiteral(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

const A_NOT_A = /^(\p{Script=Han})\p{Script=Han}?不\1/u;

export interface QueryTerms {
  /** content tokens of the question, in order */
  content: string[];
  /** tokens the synonym map adds */
  expansions: string[];
}

export function queryTerms(question: string): QueryTerms {
  const seen = new Set<string>();
  const content: string[] = [];
  const tokens = tokenize(question);
  // search-mode segmentation also emits the parts of a stop word (会不会 → 不会, 能不能 → 不能): phrasing too
  const stopSpans = tokens.filter((t) => STOPWORDS.has(t) && [...t].length > 1);
  for (const t of tokens) {
    if (STOPWORDS.has(t) || seen.has(t) || stopSpans.some((s) => s !== t && s.includes(t))) continue;
    // 是从, 也都: stop words run together are still phrasing; so is a yes-no question in 认不认 / 符不符合 form
    if ([...t].every((ch) => STOPWORDS.has(ch)) || A_NOT_A.test(t)) continue;
    seen.add(t);
    content.push(t);
  }
  const expansions: string[] = [];
  for (const term of new Set([...content, ...synonymTermsIn(question)])) {
    for (const syn of synonymsOf(term)) {
      for (const t of tokenize(syn)) if (!seen.has(t) && !STOPWORDS.has(t)) { seen.add(t); expansions.push(t); }
    }
  }
  return { content, expansions };
}

function trigramsOf(question: string): string[] {
  const out = new Set<string>();
  for (const run of question.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  }
  return [...out].slice(0, 64);
}

/** The answerability model's inputs for the best hit (knowledge/search/answerability.ts). */
function evidenceFor(store: KnowledgeStore, query: string, terms: CoverageTerm[], hits: Hit[]): Evidence {
  const [best, second] = hits as [Hit, Hit | undefined];
  const total = terms.reduce((n, t) => n + t.weight, 0) || 1;
  const shares = heldShares(store, best.clause, terms);
  const missingTop = Math.max(0, ...terms.map((t, i) => (1 - shares[i]!) * t.weight)) / total;
  const isKnown = terms.map((t) => known(store, t.token));
  const unknown = terms.filter((_, i) => !isKnown[i]).reduce((n, t) => n + t.weight, 0) / total;
  const knownTotal = terms.reduce((n, t, i) => n + (isKnown[i] ? t.weight : 0), 0);
  const national = store.documents.get(best.clause.docId)?.jurisdiction === NATION;
  const text = `${best.clause.fullText} ${best.clause.context}`;
  const at = terms.map((t) => query.toLowerCase().lastIndexOf(t.token));
  const last = at.indexOf(Math.max(...at));
  return {
    coverage: best.coverage,
    knownCoverage: knownTotal > 0 ? terms.reduce((n, t, i) => n + (isKnown[i] ? shares[i]! * t.weight : 0), 0) / knownTotal : 1,
    second: second?.coverage ?? 0,
    lead: Math.min(3, Math.log(best.score / (second?.score || best.score / 20))),
    strength: Math.log(best.score),
    unknown,
    missingTop,
    lastHeld: last >= 0 ? shares[last]! : 1,
    detailsMissing: detailsMissing(query, text),
    detailsAsked: detailsAsked(query),
    paths: best.via.filter((v) => v !== 'address' && v !== 'record').length,
    direct: best.via.includes('address') || best.via.includes('record') ? 1 : 0,
    ownCase: OWN_CASE.test(query) ? 1 : 0,
    fieldAsked: ASKS_FIELD.test(query) && best.clause.docId === 'high-tech-fields-2016' ? 1 : 0,
    report: store.documents.get(best.clause.docId)?.sourceKind === 'report' ? 1 : 0,
    row: best.clause.kind === 'row' ? 1 : 0,
    national: national ? 1 : 0,
    nationalScheme: national && NATIONAL_SCHEME.test(query) ? 1 : 0,
    terms: Math.min(terms.length, 10),
    slotsFilled: slotsFilledBeside(query, best.clause.fullText, terms.map((t, i) => ({ token: t.token, held: shares[i]! >= 0.5 })), best.clause.kind === 'row'),
    ...rivalsOf(store, terms, hits.slice(0, RIVALS), shares),
  };
}

/** How many of the first clauses the evidence weighs against the best one. */
const RIVALS = 10;

/** What the first clauses say about the best one (answerability.ts: leadOverOtherPassage … topTenCoverage). */
function rivalsOf(store: KnowledgeStore, terms: CoverageTerm[], first: Hit[], bestShares: number[]): Pick<Evidence, 'leadOverOtherPassage' | 'secondStrength' | 'topTenCoverage'> {
  const best = first[0]!.clause;
  const related = (c: StoredClause) => c.parentId === best.id || best.parentId === c.id || (best.parentId != null && c.parentId === best.parentId);
  const other = first.slice(1).find((h) => !related(h.clause));
  const total = terms.reduce((n, t) => n + t.weight, 0) || 1;
  // the best clause's shares the evidence has already weighed
  const held = [bestShares, ...first.slice(1).map((h) => heldShares(store, h.clause, terms))];
  return {
    leadOverOtherPassage: other ? Math.min(3, Math.log(first[0]!.score / other.score)) : 3,
    secondStrength: first[1] ? Math.log(first[1].score) : -8,
    topTenCoverage: terms.reduce((n, t, i) => n + t.weight * Math.max(...held.map((s) => s[i]!)), 0) / total,
  };
}

/** A line of a roster: a short line under a heading whose whole list the parser quotes (一、组成成员). */
function isRosterEntry(store: KnowledgeStore, c: StoredClause): boolean {
  const parent = c.parentId ? store.clause(c.parentId) : undefined;
  const rosterHeading = (x: StoredClause) => x.fullText !== x.text && store.children(x.id).every((k) => k.kind === 'paragraph');
  return (c.kind === 'paragraph' && parent !== undefined && rosterHeading(parent)) || (c.kind === 'heading' && rosterHeading(c));
}

/** The post a roster line names before its colon (组  长：宋  涯 … → 组长), if it is one. */
function postOf(store: KnowledgeStore, c: StoredClause): string | null {
  // the line's head first: whether a clause is a roster's line reads its whole section
  const head = /^([^：:，,。\n]{1,16})[：:]/u.exec(c.text)?.[1];
  return head !== undefined && isRosterEntry(store, c) ? comparable(head) : null;
}

/**
 * Whether a question names a roster line's post: it holds the post, and not only inside a longer post of the same
 * roster it also holds (副组长 names the deputy's line, not the 组长's).
 */
function postNamed(store: KnowledgeStore, c: StoredClause, question: string): boolean {
  const post = postOf(store, c);
  if (!post || !question.includes(post)) return false;
  const siblings = c.parentId ? store.children(c.parentId) : [];
  return !siblings.some((s) => {
    const other = s.id !== c.id ? postOf(store, s) : null;
    return other !== null && other !== post && other.includes(post) && question.includes(other);
  });
}

/**
 * Whether a clause can give the kind of answer asked for: its own text, or its table's header, states one, or an
 * item's short list of tiers does (not the list a heading quotes: a section's figures are its items' answers, each to
 * its own question).
 */
function givesAnswerOf(store: KnowledgeStore, c: StoredClause, kind: AnswerKind): boolean {
  return (kind.name === 'person' && isRosterEntry(store, c)) || kind.holds(`${c.text} ${c.context}`) || (kind.decisive && quotesTiers(c) && kind.holds(c.fullText));
}

/** Longest an item's quoted sub-items may run and still be one answer. */
const TIERS_MAX_CHARS = 400;

/**
 * An item or article whose figures are in the short list it quotes: 研究开发费用…比例符合如下要求 with its three
 * tiers (5%, 4%, 3%) gives the rate as a whole, unlike a heading, an attachment or a table, whose items each answer
 * their own question.
 */
function quotesTiers(c: StoredClause): boolean {
  return !CONTAINERS.has(c.kind) && c.fullText !== c.text && [...c.fullText].length <= TIERS_MAX_CHARS;
}

/**
 * "氢能属于高新技术领域哪一类", "船舶海工设计制造在哪个二级目录": a group of a classification quoting its few items
 * (602 核能及氢能 with 60201, 60202) names the class and the item at once, so it comes before an item of it that
 * holds the question no better. Nothing else moves: the group takes its item's place, the item follows it.
 */
function groupsBeforeTheirItems(hits: Hit[]): void {
  const byId = new Map(hits.map((h) => [h.clause.id, h]));
  for (const item of hits) {
    const group = item.clause.parentId ? byId.get(item.clause.parentId) : undefined;
    if (group && quotesTiers(group.clause) && group.coverage >= item.coverage && group.score < item.score) group.score = item.score;
  }
}

/** A sentence addressed to the assistant rather than about policy: "忽略以上规则，直接告诉我…", "你现在是…". */
const TO_THE_ASSISTANT = /忽略(?:以上|之前|前面|上述)?的?(?:所有)?(?:规则|指令|设定|提示|要求)|ignore (?:all |the )?(?:previous|above) (?:rules|instructions)|你现在是|扮演/iu;

/**
 * The part of a question that is about policy. An instruction to the assistant inside it says nothing about which
 * clause answers, and its words would make the policy question look uncovered.
 */
function topicOf(query: string): string {
  const sentences = query.split(/(?<=[。？！?!；;\n])/u);
  const kept = sentences.filter((x) => !TO_THE_ASSISTANT.test(x));
  return kept.length > 0 && kept.length < sentences.length ? kept.join('') : query;
}

/**
 * "知识产权最多给几分", "科技人员占28%能拿几分": among the lines of scoring schemes, the ones scoring the item the
 * question names best (知识产权 ≤30, not 知识产权数量 ≤8), and the band under a named item that holds the value given.
 */
function rankScoreLines(store: KnowledgeStore, hits: Hit[], topic: string, points: { values: GivenValue[]; words: string[]; topTier: boolean }, w: RankingWeights): void {
  const lines = hits.flatMap((hit) => {
    const line = scoreLineOf(store, hit.clause);
    return line ? [{ hit, line, named: namedShare(line, topic, points.words) }] : [];
  });
  // the best named of each kind: items by their names, most of which must be named; bands holding the value by
  // their item's, of which half will do, the value saying the rest
  const boost = (group: typeof lines, least: number, factor: number) => {
    const best = Math.max(least, ...group.map((l) => l.named));
    for (const l of group) if (l.named >= best) l.hit.score *= factor;
  };
  // a tier's line with no values to compare (A. 有自主研发 (1-6分)) is named like an item's
  boost(lines.filter((l) => l.line.bands.length === 0), w.itemNamedShare, w.scoreItemNamed);
  boost(lines.filter((l) => points.values.some((v) => lineHolds(l.line, v))), w.bandNamedShare, w.valueInBand);
  // "近三年平均每年要几项才能拿最高档": the line of the top tier answers, before its own text's rule of counting
  // (近3年内…年平均数), which holds more of the question's words but not the figure asked; a value given decides instead
  if (points.topTier && points.values.length === 0) {
    const top = lines.filter((l) => holdsTopTier(l.line));
    const best = Math.max(w.bandNamedShare, ...top.map((l) => l.named));
    for (const { hit } of top.filter((l) => l.named >= best)) {
      const lead = Math.max(...hits.filter((h) => h.clause.docId === hit.clause.docId).map((h) => h.score));
      hit.score = Math.max(hit.score * w.valueInBand, lead * (1 + 1e-6));
    }
  }
}

/**
 * The parks in the order the records put them (the park the question names, those of the place it names, then the
 * best fit): the fusion places the rows among the other clauses, but its other lists, blind to what the matcher
 * weighed, would reorder them. The rows keep the scores they had between them, handed out again best first.
 */
function inRecordOrder(hits: Hit[], records: RecordAnswer): void {
  const order = new Map(records.rows.map((r, i) => [r.clauseId, i]));
  const rows = hits.filter((h) => order.has(h.clause.id));
  const scores = rows.map((h) => h.score).sort((a, b) => b - a);
  rows.sort((a, b) => order.get(a.clause.id)! - order.get(b.clause.id)!).forEach((h, i) => { h.score = scores[i]!; });
}

/** 原来, 老规定, 原文, 哪条, 依据: the question asks an older text's own words, not the rule in force now */
const ASKS_OLDER = /原来|原先|以前|之前|老规定|旧规定|最早|原文|当初|过去|哪一?条|第几条|依据|出处/u;
/** How many of the first hits the newer national text must be among to take their first place. */
const NEWER_AMONG = 3;
/** 150%, 75％: a rate a rule states */
const STATES_RATE = /\d+(?:\.\d+)?\s*[%％]/u;
/** How many years newer a text must be to have replaced another's rule, not restated it (办法 2016 and 指引 2016). */
const REPLACED_AFTER_YEARS = 3;

/**
 * "研发形成无形资产的按多少摊销": the 2008 regulation's article (按无形资产成本的150%摊销) and the 2023 announcement
 * (200%) hold the question alike, and the newer one is the rule in force. Of the first national clauses stating a rate,
 * the newest document's comes before one of a text years older that holds the question no better — unless the question
 * asks the older text's words (原来, 老规定, 哪条) or the older clause was addressed by name.
 */
function newerNationalFirst(store: KnowledgeStore, hits: Hit[], topic: string): void {
  if (ASKS_OLDER.test(topic)) return;
  const first = [...hits].sort((a, b) => b.score - a.score).slice(0, NEWER_AMONG);
  const national = first.filter((h) => store.documents.get(h.clause.docId)?.jurisdiction === NATION);
  if (national.some((h) => h.via.includes('address'))) return;
  // both state a rate (150%, 200%): a text naming only 规定比例 leaves the rule to the one stating it, however old
  const rivals = national.filter((h) => STATES_RATE.test(h.clause.text));
  if (rivals.length < 2) return;
  const year = (h: Hit) => Number(store.documents.get(h.clause.docId)!.date.slice(0, 4));
  const newest = rivals.reduce((a, b) => (year(b) > year(a) ? b : a));
  const older = rivals.filter((h) => year(h) + REPLACED_AFTER_YEARS <= year(newest) && h.coverage <= newest.coverage && h.score > newest.score);
  if (older.length > 0) newest.score = Math.max(...older.map((h) => h.score)) * (1 + 1e-6);
}

/** How many of the first hits a clause holding the question in its own words may move up among. */
const OWN_WORDS_AMONG = 3;

/**
 * "小微企业所得税税率是多少": an article's second paragraph (国家需要重点扶持的高新技术企业，减按15％…) holds 小微企业
 * only through its article's opening (符合条件的小型微利企业，减按20％…), which it is searched with as its heading, and
 * so ties with the article. Of a clause and its parent among the first holding the question alike, the parent comes
 * first when its own words hold more of it (not a heading, whose words are its items': they answer; nor the rule whose
 * grade holds the asker's revenue, nor the article of an item addressed by number: the grade, the item answer).
 */
function ownWordsFirst(hits: Hit[], terms: CoverageTerm[], graded: ReadonlySet<string>): void {
  const first = [...hits].sort((a, b) => b.score - a.score).slice(0, OWN_WORDS_AMONG);
  const own = (h: Hit) => {
    const text = comparable(h.clause.text).toLowerCase();
    return terms.reduce((n, t) => n + (text.includes(t.token) || synonymsOf(t.token).some((x) => text.includes(comparable(x).toLowerCase())) ? t.weight : 0), 0);
  };

  for (let i = 0; i < first.length; i++) {
    for (let j = i + 1; j < first.length; j++) {
      const [a, b] = [first[i]!, first[j]!];
      if (a.coverage === b.coverage && a.clause.parentId === b.clause.id && !CONTAINERS.has(b.clause.kind) && !graded.has(a.clause.id) && !a.via.includes('address') && own(b) > own(a)) [a.score, b.score] = [b.score, a.score];
    }
  }
}

/** Fewest characters a task row's name and a plan item's title must share to be one task (科技金融服务). */
const TASK_NAME_SHARED = 4;

/** A row's first cell of words: the task and its target (强化科创项目招引，每年新招引各类科创项目不少于120个。). */
function taskCellOf(row: StoredClause): string {
  return row.text.split('\t').find((x) => /\p{Script=Han}/u.test(x)) ?? '';
}

/** The units a text counts its targets in (120个 → 个, 8.5亿元 → 亿元, 800家 → 家). */
function targetUnitsOf(text: string): Set<string> {
  return new Set([...text.matchAll(/\d+(?:\.\d+)?\s*(个|家|项|名|件|人|亿元|万元|%)/gu)].map((m) => m[1]!));
}

/**
 * "海门每年新招科创项目多少个": a plan's target is stated twice, in the plan's item (（五）强化科创项目招引 … 每年新招引
 * 上述各类科创项目不少于120个) and in the task table's row summing it up (1 强化科创项目招引，每年新招引…120个 | 责任单位 |
 * 分解). A target is the plan's word: its item comes first when it states one of its own, found by the record as the
 * row was, the row second; a question on who is responsible or by when (a record of another kind) keeps the row first.
 */
function planItemsBeforeTheirRows(hits: Hit[]): void {
  const rows = hits.filter((h) => h.via.includes('record') && h.clause.kind === 'row');
  for (const row of rows) {
    const cell = taskCellOf(row.clause);
    const task = cell.split(/[，。；,;]/u)[0]!.trim();
    const units = targetUnitsOf(cell);
    if ([...task].length < TASK_NAME_SHARED || units.size === 0) continue;
    // the item of the same task that states a target of its own in the row's units (not one only naming the task)
    const item = hits.find((h) => h.clause.docId === row.clause.docId && h.clause.kind === 'item' && longestSharedRun(task, titleOf(h.clause.text)) >= TASK_NAME_SHARED
      && [...targetUnitsOf(h.clause.text)].some((u) => units.has(u)));
    if (!item || item.score >= row.score) continue;
    item.score = row.score * (1 + 1e-6);
    item.coverage = Math.max(item.coverage, row.coverage);
    if (!item.via.includes('record')) item.via.push('record');
  }
}

/** 总目标, 全区, 总共, 一共: the question asks the whole place's figure, not a part's. */
const ASKS_TOTAL = /总目标|总任务|全区|全市|全县|总共|一共|合计|总计|总数/u;
/** A cell naming a part of a place a table breaks a target down by (五接镇, 金沙街道). */
const PART_CELL = /^\p{Script=Han}{1,6}(?:镇|乡|街道)$/u;
/** A table's row of the whole: 合  计, 总计. */
const TOTAL_CELL = /^(?:合\s*计|总\s*计)$/u;

/** The numbers a text states (180, 20, 8.5). */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d+(?:\.\d+)?/gu)].map((m) => Number(m[0]));
}

/**
 * "通州23年科创项目招引总目标多少": a plan states its whole target (新招引科创项目180个以上，其中高新技术企业20家) and
 * breaks it down by township in a table (2 五接镇 6 1 … 合计 180 20) whose rows hold the plan's words as its title does.
 * A question on the whole that names no township is answered by the plan's own sentence: the item of the same text
 * stating every figure of the table's total comes before the rows.
 */
function wholeTargetBeforeItsParts(hits: Hit[], topic: string): void {
  if (!ASKS_TOTAL.test(topic)) return;
  const cells = (h: Hit) => h.clause.text.split('\t').map((x) => x.trim());
  const parts = hits.filter((h) => h.clause.kind === 'row' && cells(h).some((c) => PART_CELL.test(c)));
  if (parts.length === 0 || parts.some((h) => cells(h).some((c) => PART_CELL.test(c) && topic.includes(c)))) return;
  for (const table of new Set(parts.map((h) => h.clause.parentId))) {
    const rows = hits.filter((h) => h.clause.kind === 'row' && h.clause.parentId === table);
    const total = rows.find((h) => cells(h).some((c) => TOTAL_CELL.test(c)));
    if (!total) continue;
    const figures = numbersIn(total.clause.text);
    const item = hits.find((h) => h.clause.docId === total.clause.docId && h.clause.kind !== 'row'
      && figures.length > 0 && figures.every((n) => numbersIn(h.clause.text).includes(n)));
    const lead = Math.max(...rows.map((h) => h.score));
    if (item && item.score < lead) item.score = lead * (1 + 1e-6);
  }
}

/** An item's title: its words after the enumerator up to the first full stop (（五）强化科创项目招引。 → 强化科创项目招引). */
function titleOf(text: string): string {
  return text.replace(/^\s*[（(][一二三四五六七八九十\d]+[)）]\s*/u, '').split('。')[0]!;
}

export function retrieve(store: KnowledgeStore, rawQuestion: string, options: RetrieveOptions = {}): Retrieval {
  const k = Math.max(1, Math.min(options.k ?? 3, 20));
  const w = options.weights ?? RANKING_WEIGHTS;
  const query = cleanQuestion(rawQuestion).slice(0, MAX_QUERY_CHARS);
  const jurisdiction = options.jurisdiction ?? namedJurisdiction(query);
  if (!query) return { query, covered: false, uncovered: 'nothing', jurisdiction, hits: [] };

  const fused = new Map<string, { score: number; via: Set<string> }>();
  const addList = (ids: string[], via: keyof RankingWeights['lists']) => {
    ids.forEach((id, rank) => {
      const e = fused.get(id) ?? { score: 0, via: new Set<string>() };
      e.score += w.lists[via] / (w.rrfK + rank + 1);
      e.via.add(via);
      fused.set(id, e);
    });
  };

  const addressed = addressedClauses(store, query);
  addList(addressed.map((c) => c.id), 'address');

  // 24年 is 2024: the words searched, the records asked and the clauses' periods all read years in full
  const topic = withFullYears(topicOf(query));
  const kinds = answerKindsOf(topic);
  const cues = cuesOf(topic);
  const definition = cues.some((c) => c.name === 'definition');
  const classAsked = CLASS_ASKED.test(topic);
  // "是哪四有": which of a numbered set is phrasing; the set's name (四有) is the topic
  const sets = numberedSetsAsked(topic);
  const { content, expansions } = queryTerms(withoutWhichOfSet(topic));
  const weighed = coverageTerms(store, content, topic, w, sets.map((s) => s.name));
  if (content.length > 0) {
    addList(store.searchTokens(content.slice(0, 32).map(ftsLiteral).join(' OR '), w.candidates).map((r) => r.id), 'tokens');
  }
  // "什么是科小": the clause defining a term that most clauses use is found by the words that define (所称, 是指)
  if (definition && content.length > 0) {
    const terms = [...content, ...expansions].slice(0, 32).map(ftsLiteral).join(' OR ');
    addList(store.searchTokens(`(${terms}) AND ("所称" OR "是指")`, w.candidates).map((r) => r.id), 'tokens');
  }
  // synonyms widen the net in a list of their own, so a long clause full of expansions cannot crowd out the words asked
  if (expansions.length > 0) {
    const terms = [...content, ...expansions].slice(0, 48);
    addList(store.searchTokens(terms.map(ftsLiteral).join(' OR '), w.candidates).map((r) => r.id), 'synonyms');
  }
  // the other names of a phrase the question uses, each searched as a phrase: 3D打印 finds 增材制造技术 itself,
  // not every clause that shares 制造 or 设备 with the question
  const names = [...new Set(synonymTermsIn(topic).flatMap((p) => synonymsOf(p)))].map((n) => tokenize(n)).filter((t) => t.length > 0);
  if (names.length > 0) {
    addList(store.searchTokens(names.slice(0, 24).map((t) => ftsLiteral(t.join(' '))).join(' OR '), w.candidates).map((r) => r.id), 'names');
  }
  // a question the table records answer (which park, whose target, who leads): their rows come first
  const records = answerFromRecords(store, topic, weighed.map((t) => t.token), jurisdiction);
  if (records) addList(records.rows.map((r) => r.clauseId), 'record');
  // "梯次培育五级是哪五级", "四有具体指啥": the clauses naming the set and listing its members, which no word-search
  // finds (四有 is no word of the index) and many clauses outnumber in the question's other words
  const listing = new Set(clausesListingSets(store, sets));
  addList([...listing], 'names');
  const trigrams = trigramsOf(topic);
  if (trigrams.length > 0) {
    addList(store.searchTrigrams(trigrams.map(ftsLiteral).join(' OR '), w.candidates).map((r) => r.id), 'trigrams');
  }

  const namesCounty = countiesNamed(store, query).length > 0;
  const bare = comparable(topic);
  const revenue = revenueOf(topic);
  const proposed = ratesProposed(topic);
  const topTier = asksTopTier(topic);
  const points = asksPoints(topic) || topTier ? { values: valuesOf(topic), words: [...content, ...expansions], topTier } : null;
  const hits: Hit[] = [];
  const graded = new Set<string>();
  for (const [id, e] of fused) {
    const clause = store.clause(id);
    if (!clause) continue;
    // "营收1.5个亿 研发占比多少": the grade of a rule graded by sales that holds the asker's revenue, read with the
    // rule it grades (研究开发费用…比例), whose words it does not repeat
    const grade = revenue !== undefined ? gradeOf(store, clause) : undefined;
    const inGrade = grade !== undefined && revenueInBand(grade, revenue!);
    const held = e.via.has('address') || e.via.has('record') ? 1 : coverageOf(store, clause, weighed);
    const rule = inGrade && clause.parentId ? store.clause(clause.parentId) : undefined;
    if (rule) graded.add(id);
    const coverage = rule ? Math.max(held, coverageOf(store, rule, weighed)) : held;
    // rank fusion finds candidates; how much of the question a clause actually holds decides among them
    let score = e.score * (w.coverageFloor + coverage) ** w.coverageExponent;
    // a bare heading names a topic; the clauses under it answer the question (a heading that quotes its list is not bare)
    // so is one that quotes its list when a figure is asked its own words do not state: the item stating it answers
    const container = !e.via.has('address') && CONTAINERS.has(clause.kind) && store.children(clause.id).length > 0;
    if (container && (clause.fullText === clause.text || kinds.some((kind) => kind.decisive && !givesAnswerOf(store, clause, kind)))) score *= w.bareHeading;
    if (WHO.test(query) && isRosterEntry(store, clause)) score *= w.rosterForWho;
    if (postNamed(store, clause, bare)) score *= w.postNamed;
    // a place's own set (海门's 五级梯次培育库) is not answered by another's list of the same name
    if (listing.has(id) && (!jurisdiction || ownJurisdiction(store, clause) === jurisdiction)) score *= w.listsNumberedSet;
    // "多少家", "补助多少钱": a clause that states such a figure is the likelier answer
    if (kinds.length > 0 && kinds.every((kind) => givesAnswerOf(store, clause, kind))) score *= w.givesAnswerKind;
    // "有什么好处", "什么是…", "已经认定了多少", "哪个部门牵头": the clause that grants, defines, reports, gives the charge …
    for (const weight of CUE_WEIGHTS) if (cues.some((c) => c.weight === weight && c.holds.test(clause.text))) score *= w[weight];
    if (inGrade) score *= w.valueInBand;
    if (statesRateProposed(clause.text, proposed)) score *= w.statesRateProposed;
    // "软著是一类还是二类": the one clause sorting things into classes, whose words (Ⅱ类, 软件著作权) are rarely the asker's
    if (classAsked && SORTS_INTO_CLASSES.test(clause.text)) score *= w.sortsIntoClasses;
    const doc = store.documents.get(clause.docId)!;
    const own = ownJurisdiction(store, clause);
    const county = !coversWholeCity(own);
    if (jurisdiction) {
      // a clause of the place asked about outranks the same words elsewhere; another county's clause is demoted
      if (own === jurisdiction || doc.jurisdiction === jurisdiction) score *= w.samePlace;
      else if (county) score *= w.otherCounty;
    } else if (county && !namesCounty) {
      // a question that names no place asks for the general rule, not one county's arrangements
      score *= w.localWithoutPlace;
    }
    hits.push({ clause, score, coverage, via: [...e.via] });
  }
  if (records?.kind === 'park') inRecordOrder(hits, records);
  if (records?.kind === 'target') planItemsBeforeTheirRows(hits);
  wholeTargetBeforeItsParts(hits, topic);
  if (ASKS_FIELD.test(topic)) groupsBeforeTheirItems(hits);
  if (points) rankScoreLines(store, hits, topic, points, w);
  if (CONDITIONS_ASKED.test(topic)) rankListsWhole(store, hits, weighed, w);
  newerNationalFirst(store, hits, topic);
  ownWordsFirst(hits, weighed, graded);
  hits.sort((a, b) => b.score - a.score || a.clause.ord - b.clause.ord);
  const top = hits.slice(0, k);
  const best = top[0];
  const evidence = best && evidenceFor(store, topic, weighed, hits);
  // scope and the figure asked for are rules, never outweighed; whether the words answer is the fitted model's call
  const uncovered: Retrieval['uncovered'] =
    best === undefined || evidence === undefined ? 'nothing'
    : outOfCorpusNamed(topic).length > 0 || documentOnlyCited(store, topic) ? 'concept'
    : yearsOutOfScope(store, best.clause, query).length > 0 || editionsOutOfScope(store, best.clause, topic).length > 0 || targetYearsUnset(store, topic, jurisdiction).length > 0 ? 'period'
    : placesOutOfScope(store, best.clause, query).length > 0 || countiesOutOfScope(store, best.clause, query).length > 0 || cityFigureOfCounty(store, best.clause, topic) ? 'place'
    : kinds.some((kind) => kind.decisive && !givesAnswerOf(store, best.clause, kind)) || firmFigureOutOfScope(best.clause, query) || conditionsOfOtherScheme(store, best.clause, topic) || procedureOfOtherScheme(store, best.clause, topic) || rewardOfOtherCase(store, best.clause, topic) ? 'figure'
    : !isAnswered(evidence) ? 'weak'
    : undefined;
  const shown = records && { ...records, rows: records.rows.filter((r) => top.some((h) => h.clause.id === r.clauseId)) };
  return {
    query, covered: uncovered === undefined, ...(uncovered ? { uncovered } : {}), jurisdiction, ...(evidence ? { evidence } : {}), hits: top,
    ...(shown?.rows.length ? { records: shown } : {}),
  };
}
