import { coversWholeCity, NATION } from '../places.js';
import { answerFromRecords, targetYearsUnset, type RecordAnswer } from '../records/lookup.js';
import type { KnowledgeStore, StoredClause } from '../store/store.js';
import { cleanQuestion, comparable } from '../text/normalize.js';
import { addressedClauses } from './address.js';
import { cuesOf } from './answer-cue.js';
import { clausesListingSets, CONDITIONS_ASKED, numberedSetsAsked, rankListsWhole, withoutWhichOfSet } from './whole-list.js';
import { answerKindsOf, type AnswerKind } from './answer-kind.js';
import { slotsFilledBeside } from './answer-slot.js';
import { asksPoints, lineHolds, namedShare, scoreLineOf, valuesOf, type GivenValue } from './score-item.js';
import { ASKS_FIELD, detailsAsked, detailsMissing, isAnswered, NATIONAL_SCHEME, OWN_CASE, type Evidence } from './answerability.js';
import { coverageOf, coverageTerms, heldShares, known, type CoverageTerm } from './coverage.js';
import { documentOnlyCited } from './document-named.js';
import { namedJurisdiction, outsidePlacesNamed } from './jurisdiction.js';
import { outOfCorpusNamed } from './out-of-corpus.js';
import { conditionsOfOtherScheme } from './scheme-conditions.js';
import { procedureOfOtherScheme } from './scheme-procedure.js';
import { rewardOfOtherCase } from './reward-case.js';
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
    ...rivalsOf(store, terms, hits.slice(0, RIVALS)),
  };
}

/** How many of the first clauses the evidence weighs against the best one. */
const RIVALS = 10;

/** What the first clauses say about the best one (answerability.ts: leadOverOtherPassage … topTenCoverage). */
function rivalsOf(store: KnowledgeStore, terms: CoverageTerm[], first: Hit[]): Pick<Evidence, 'leadOverOtherPassage' | 'secondStrength' | 'topTenCoverage'> {
  const best = first[0]!.clause;
  const related = (c: StoredClause) => c.parentId === best.id || best.parentId === c.id || (best.parentId != null && c.parentId === best.parentId);
  const other = first.slice(1).find((h) => !related(h.clause));
  const total = terms.reduce((n, t) => n + t.weight, 0) || 1;
  const held = first.map((h) => heldShares(store, h.clause, terms));
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
function rankScoreLines(store: KnowledgeStore, hits: Hit[], topic: string, points: { values: GivenValue[]; words: string[] }, w: RankingWeights): void {
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
  const points = asksPoints(topic) ? { values: valuesOf(topic), words: [...content, ...expansions] } : null;
  const hits: Hit[] = [];
  for (const [id, e] of fused) {
    const clause = store.clause(id);
    if (!clause) continue;
    const coverage = e.via.has('address') || e.via.has('record') ? 1 : coverageOf(store, clause, weighed);
    // rank fusion finds candidates; how much of the question a clause actually holds decides among them
    let score = e.score * (w.coverageFloor + coverage) ** w.coverageExponent;
    // a bare heading names a topic; the clauses under it answer the question (a heading that quotes its list is not bare)
    // so is one that quotes its list when a figure is asked its own words do not state: the item stating it answers
    const container = !e.via.has('address') && CONTAINERS.has(clause.kind) && store.children(clause.id).length > 0;
    if (container && (clause.fullText === clause.text || kinds.some((kind) => kind.decisive && !givesAnswerOf(store, clause, kind)))) score *= w.bareHeading;
    if (WHO.test(query) && isRosterEntry(store, clause)) score *= w.rosterForWho;
    // a place's own set (海门's 五级梯次培育库) is not answered by another's list of the same name
    if (listing.has(id) && (!jurisdiction || ownJurisdiction(store, clause) === jurisdiction)) score *= w.listsNumberedSet;
    // "多少家", "补助多少钱": a clause that states such a figure is the likelier answer
    if (kinds.length > 0 && kinds.every((kind) => givesAnswerOf(store, clause, kind))) score *= w.givesAnswerKind;
    // "有什么好处", "什么是…", "已经认定了多少": the clause that grants, defines or reports
    if (cues.some((c) => c.holds.test(clause.text))) score *= w.givesAnswerKind;
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
  if (points) rankScoreLines(store, hits, topic, points, w);
  if (CONDITIONS_ASKED.test(topic)) rankListsWhole(store, hits, weighed, w);
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
