import type { StoredClause } from '../store/store.js';
import { comparable } from '../text/normalize.js';
import type { Responsibility } from './responsibilities.js';
import type { Passage } from './topics.js';

/** A verbatim piece of a clause that a route cites. */
export interface Quote {
  clause: StoredClause;
  quote: string;
}

/** Longest span of sentences quoted together; beyond it the matched sentence and the naming one are quoted apart. */
const MAX_SPAN = 300;

interface Sentence {
  start: number;
  end: number;
}

function sentenceSpans(text: string): Sentence[] {
  return [...text.matchAll(/[^。；！？]+[。；！？]?/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** The sentence of the clause that names the unit: its （责任单位：…） note, or the sentence it is the subject of. */
function namingSentence(r: Responsibility, spans: Sentence[]): number {
  const text = r.clause.text;
  const note = spans.findIndex((s) => /责任单位/u.test(text.slice(s.start, s.end)));
  if (note >= 0) return note;
  const name = comparable(r.written);
  const named = spans.findIndex((s) => comparable(text.slice(s.start, s.end)).includes(name));
  return named >= 0 ? named : spans.length - 1;
}

/**
 * What to quote for a route: a table row whole (its cells name the task and the units together); in prose, the
 * sentences from the one that matches the question to the one naming the unit, or both apart when that is long.
 */
export function quotesFor(r: Responsibility, best: Passage): Quote[] {
  const clause = r.clause;
  if (clause.kind === 'row') return [{ clause, quote: clause.fullText }];
  const text = clause.text;
  const spans = sentenceSpans(text);
  const naming = namingSentence(r, spans);
  const piece = (from: number, to: number) => text.slice(spans[from]!.start, spans[to]!.end).trim();
  if (best.clauseId !== clause.id) {
    // the task began in the item above (a page break split it from its note)
    const topic = r.topicClauses.find((c) => c.id === best.clauseId)!;
    return [{ clause, quote: piece(naming, naming) }, { clause: topic, quote: best.text.trim() }];
  }
  const matched = Math.max(0, spans.findIndex((s) => text.slice(s.start, s.end) === best.text));
  const [from, to] = matched <= naming ? [matched, naming] : [naming, matched];
  const span = piece(from, to);
  if ([...span].length <= MAX_SPAN) return [{ clause, quote: span }];
  return [{ clause, quote: piece(matched, matched) }, { clause, quote: piece(naming, naming) }];
}
