import type { Citation } from './citation.js';
import { citationOf, verifiedCitations, type CitationLog } from './cite.js';
import { answerExcerpt, columnsOf, focusOf, type AnswerFocus } from './excerpt.js';
import { OWN_CASE } from './search/answerability.js';
import { retrieve, MAX_QUERY_CHARS, type RetrieveOptions } from './search/retrieve.js';
import type { KnowledgeStore } from './store/store.js';
import { cleanQuestion } from './text/normalize.js';

/** The `tongce ask --json` document of contracts.md, with notices added. */
export interface AskResult {
  query: string;
  covered: boolean;
  answer: string;
  citations: Citation[];
  /**
   * When not covered only because the best clauses hold too little of the question: the closest ones, offered as
   * possibly related and never as the answer (an extension of contracts.md; empty otherwise).
   */
  related: Citation[];
  /** edition, validity and source-kind notices for the cited documents */
  notices: string[];
  /** who worded `answer` (contracts.md): set where an answer leaves for a user; absent means extractive */
  source?: 'extractive' | 'model';
}

export const NOT_COVERED_ANSWER =
  '现有政策文件中没有找到能回答这个问题的条款，我不作推测。建议咨询相关主管部门，或转人工服务。';
const RELATED_INTRO = '现有政策文件中没有找到明确回答这个问题的条款，我不作推测。以下条款与问题有关，但不能确定回答了它，仅供参考：';
const RELATED_CLOSE = '如需确切答复，建议咨询相关主管部门，或转人工服务。';
/** The offer of the eligibility check, in the words the chat understands ("评估" starts it). */
export const CHECK_OFFER = '以上是条款原文。要判断您的企业是否符合，可发送“评估”，我会逐项询问需要的信息并给出结论。';

const RECORD_INTRO = {
  park: '科技创新型特色园区空间布局表中主攻方向相符的园区（最贴合的在前）',
  target: '目标任务',
  task: '任务分解表中的牵头部门与责任单位',
  activity: '活动安排表中的相关活动',
  document: '文件的文号与印发日期',
} as const;

/** The least share of the question a clause must hold to be offered as possibly related. */
export const RELATED_FLOOR = 0.5;

/** Notices a reader needs about where a cited text comes from and whether it is still current. */
export function noticesFor(citations: Citation[], today: string): string[] {
  const out = new Set<string>();
  for (const c of citations) {
    const name = c.partTitle ? `《${c.partTitle}》` : `《${c.docTitle}》`;
    if (c.sourceKind === 'report') out.add(`${name}是新闻报道，不是政策文件；其中的数字是报道时的情况，不能作为申报依据。`);
    if (c.edition) out.add(`${name}：${c.edition}。`);
    if (/非官方|第三方/u.test(c.provenance)) out.add(`${name}引自第三方转载，不是官方原件，请以官方发布文本为准。`);
  }
  void today;
  return [...out];
}

/** An extractive answer: the best clauses, quoted with document, 文号 and path. No model involved. */
export function ask(store: KnowledgeStore, rawQuestion: string, options: RetrieveOptions & { log?: CitationLog; today?: string } = {}): AskResult {
  const question = cleanQuestion(rawQuestion);
  if (!question) {
    return { query: '', covered: false, answer: '问题是空的：请用一句话描述您想查的政策内容，例如“高企认定对研发费用有什么要求”。', citations: [], related: [], notices: [] };
  }
  const result = retrieve(store, question, options);
  const log = options.log ?? (() => {});
  const cut = question.length > MAX_QUERY_CHARS ? `（问题过长，只按前${MAX_QUERY_CHARS}字检索。）` : '';
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!result.covered) {
    const close = result.uncovered === 'weak' ? result.hits.filter((h) => h.coverage >= RELATED_FLOOR) : [];
    const related = verifiedCitations(store, close.map((h) => citationOf(store, h.clause)), log);
    if (related.length === 0) return { query: result.query, covered: false, answer: NOT_COVERED_ANSWER + cut, citations: [], related: [], notices: [] };
    const notices = noticesFor(related, today);
    const answer = [RELATED_INTRO + cut, ...quoted(store, related, focusOf(question)), RELATED_CLOSE, ...notices.map((n) => `注：${n}`)].join('\n');
    return { query: result.query, covered: false, answer, citations: [], related, notices };
  }
  const citations = verifiedCitations(store, result.hits.map((h) => citationOf(store, h.clause)), log);
  if (citations.length === 0) return { query: result.query, covered: false, answer: NOT_COVERED_ANSWER + cut, citations: [], related: [], notices: [] };
  const notices = noticesFor(citations, today);
  // what the table rows say, read as records, before the rows themselves are quoted
  const facts = result.records
    ? [`${RECORD_INTRO[result.records.kind]}${cut}：`, ...result.records.rows.map((r) => `· ${r.line}`), `出处${headerOf(store, result.records.rows[0]!.clauseId)}：`]
    : [`与您的问题最相关的条款${cut}：`];
  // a question about the asker's own case is answered by the clause that defines it; whether the enterprise meets
  // it is the check's to say
  const offer = OWN_CASE.test(question) ? [CHECK_OFFER] : [];
  const answer = [...facts, ...quoted(store, citations, focusOf(question)), ...notices.map((n) => `注：${n}`), ...offer].join('\n');
  return { query: result.query, covered: true, answer, citations, related: [], notices };
}

/** A table row's header, as its context records it ("科技创新型特色园区空间布局｜列：板块/园区、主攻方向"). */
function headerOf(store: KnowledgeStore, clauseId: string): string {
  const context = store.clause(clauseId)?.context ?? '';
  const title = context.split('｜')[0];
  const columns = columnsOf(context);
  return title && columns ? `（${title}，表头：${columns.join('、')}）` : '';
}

/**
 * The cited clauses as the answer text quotes them: the part that answers, a table row under its header. The
 * citations themselves keep the whole clause (contracts.md), so a reader can always see what was left out.
 */
function quoted(store: KnowledgeStore, citations: Citation[], focus: AnswerFocus): string[] {
  return citations.map((c, i) => {
    const source = `《${c.partTitle ?? c.docTitle}》${c.docNumber ? `（${c.docNumber}）` : ''}${c.path}`;
    return `${i + 1}. ${source}：“${answerExcerpt(c.quote, store.clause(c.clauseId)?.context ?? '', focus)}”`;
  });
}
