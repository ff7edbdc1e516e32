import { splitUnits } from '../parse/departments.js';
import { comparable } from '../text/normalize.js';
import { toSimplified } from '../text/traditional.js';
import type { KnowledgeStore } from '../store/store.js';
import { repairUnitList } from './names.js';
import type { Responsibility } from './responsibilities.js';

/** A piece of a task's text a question can match: a sentence of a task, one duty of a 职责分工 row, or a whole row. */
export interface Passage {
  clauseId: string;
  /** what a citation quotes, verbatim: the sentence, or the whole row */
  text: string;
  /** the task's title and the passage, in the form questions are compared in */
  haystack: string;
}

export interface Topic {
  /** what the task is under: its document's subject and its heading (see titleOf) */
  title: string;
  passages: Passage[];
  /** all of the task's text together, for matching a question whose parts are spread over sentences */
  whole: string;
}

const NOTE = /[（(]责任单位[：:][^）)]*[）)]/gu;
const NUMBERING = /^(?:[（(][一二三四五六七八九十]+[)）]|\d+[.、．]|\(\S+?\))\s*/u;

export function matchable(text: string): string {
  return toSimplified(comparable(text)).toLowerCase();
}

/** Sentences of a text, verbatim, each with its closing mark. */
export function sentencesOf(text: string): string[] {
  return text.match(/[^。；！？]+[。；！？]?/gu)?.filter((s) => s.trim() !== '') ?? [];
}

/** A row's cells that say what the task is: not the cells listing who does it (a task may name a unit too). */
function rowCells(r: Responsibility): string[] {
  const units = new Set(repairUnitList(r.clause.departments).map(comparable));
  const isUnitCell = (cell: string) => {
    const names = repairUnitList(splitUnits(cell));
    return names.length > 0 && names.every((n) => units.has(comparable(n)));
  };
  return r.clause.text.split('\t').filter((cell) => cell.trim() !== '' && !isUnitCell(cell));
}

/**
 * What a task is under: its document's subject (every task of 海门's plan is about 高企培育, every row of the
 * 分解表 about 特色园区), a table's title and group headings, or an item's own short heading.
 */
function titleOf(store: KnowledgeStore, r: Responsibility): string {
  const subject = store.documents.get(r.clause.docId)?.shortTitle ?? '';
  if (r.clause.kind === 'row') {
    const headings = r.clause.context.split('｜').filter((s) => !s.startsWith('列：'));
    return [subject, ...headings.map((h) => h.replace(NUMBERING, ''))].join(' ');
  }
  const first = sentencesOf(r.topicClauses[0]!.text)[0]?.replace(/[。；]$/u, '') ?? '';
  return [subject, first.length <= 24 ? first.replace(NUMBERING, '') : ''].join(' ');
}

const topics = new WeakMap<Responsibility, Topic>();

/** What a responsibility is about, as matchable passages. Cached per responsibility. */
export function topicPassages(store: KnowledgeStore, r: Responsibility): Topic {
  let t = topics.get(r);
  if (t) return t;
  const title = titleOf(store, r);
  const passages: Passage[] = [];
  if (r.clause.kind === 'row') {
    // a row is one record: its unit cells belong to it too ("五接镇去苏州的招商活动" names the organiser)
    const pieces = r.role === 'duty' ? rowCells(r).flatMap(sentencesOf) : [r.clause.text];
    for (const p of pieces) passages.push({ clauseId: r.clause.id, text: r.clause.text, haystack: matchable(`${title} ${p}`) });
  } else {
    for (const c of r.topicClauses) {
      for (const s of sentencesOf(c.text)) {
        const content = s.replace(NOTE, '');
        if (content.trim()) passages.push({ clauseId: c.id, text: s, haystack: matchable(`${title} ${content}`) });
      }
    }
  }
  const whole = matchable(`${title} ${passages.map((p) => p.haystack).join(' ')}`);
  topics.set(r, (t = { title, passages, whole }));
  return t;
}

/** A short label of what a responsibility covers, for the directory. */
export function topicOf(r: Responsibility): string {
  if (r.role === 'duty') return rowCells(r).join(' ').slice(0, 40);
  if (r.clause.kind === 'row') {
    // the first cell that names the task (not a group heading like "(一) 建立健全体制机制", not a number)
    const cell = rowCells(r).map((c) => c.replace(/\s+/gu, '')).find((c) => c.length >= 6 && !/^[（(][一二三四五六七八九十]+[)）]/u.test(c));
    return (cell ?? '').replace(NUMBERING, '').slice(0, 40);
  }
  const heading = sentencesOf(r.topicClauses[0]!.text)[0]?.replace(/[。；]$/u, '') ?? '';
  return heading.replace(NUMBERING, '').slice(0, 40);
}
