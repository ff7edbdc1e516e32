import { answerKindsOf, type AnswerKind } from './search/answer-kind.js';
import { queryTerms } from './search/retrieve.js';
import { ANSWER_FRAMES } from './search/terms.js';
import { comparable } from './text/normalize.js';

/** What in a clause answers a question: the kinds of figure it asks for and the words it uses. */
export interface AnswerFocus {
  kinds: AnswerKind[];
  /** the question's words (and their synonyms), each with how much finding it says */
  terms: Array<{ text: string; weight: number }>;
  /** whether the question asks for a figure or a date (多少, 几, 目标, 何时): a piece with a number is likelier the answer */
  asksFigure: boolean;
  /** whether it asks for a name (谁, 哪个部门): a piece naming an office is likelier the answer */
  asksName: boolean;
}

const ASKS_FIGURE = /多少|几[个项家名人件次年月天批所]?|目标|比例|数量|金额|额度|标准|期限|时限|何时|什么时候|哪年|哪天|日期|多久|多长|上限|最高|最多|不低于|不少于/u;
const ASKS_NAME = /谁|哪个部门|哪些部门|哪个单位|哪家|什么单位|什么部门|牵头|负责/u;
const FIGURE = /\d|[一二两三四五六七八九十百千万]+(?:个|项|家|名|人|件|次|年|月|日|万|亿|元|%|％)/u;
const OFFICE = /局|委|办|政府|管委会|中心|部门|人民|街道|镇/u;
/** the label a text puts before the names a who-question asks for */
const NAMES_LABEL = /责任单位|牵头|负责|主办|承办|组长/u;
/** where a clause may be cut: after a sentence or a clause of a sentence */
const PIECE = /[^。；;！？!?，,\n]*(?:[。；;！？!?，,\n]|$)/gu;
const ELLIPSIS = '……';

export function focusOf(question: string): AnswerFocus {
  const { content, expansions } = queryTerms(question);
  const weighted = (t: string, scale: number) => ({ text: comparable(t).toLowerCase(), weight: scale * (ANSWER_FRAMES.has(t) ? 0.3 : Math.min([...t].length, 4)) });
  const terms = [...content.map((t) => weighted(t, 1)), ...expansions.map((t) => weighted(t, 0.5))]
    .filter((t) => [...t.text].length > 1 || /\d/u.test(t.text));
  return { kinds: answerKindsOf(question), terms, asksFigure: ASKS_FIGURE.test(question), asksName: ASKS_NAME.test(question) };
}

/** How much a piece of a clause looks like the answer: the figure asked for first, then the question's words. */
function scoreOf(piece: string, focus: AnswerFocus): number {
  const flat = comparable(piece).toLowerCase();
  let score = 0;
  for (const t of focus.terms) if (flat.includes(t.text)) score += t.weight;
  if (focus.kinds.some((k) => k.holds(piece))) score += 8;
  if (focus.asksFigure && FIGURE.test(piece)) score += 3;
  if (focus.asksName && OFFICE.test(piece)) score += NAMES_LABEL.test(piece) ? 8 : 2;
  return score;
}

/** The clause cut where it may be cut, each piece at most `max` long (a run-on piece is split evenly). */
function piecesOf(text: string, max: number): string[] {
  const out: string[] = [];
  for (const p of text.match(PIECE) ?? []) {
    if (!p) continue;
    for (let i = 0; i < p.length; i += max) out.push(p.slice(i, i + max));
  }
  return out;
}

/**
 * A clause shortened to at most about `max` characters around what answers the question: the pieces that hold
 * the figure or the words asked about, widened by their neighbours while room is left, "……" wherever text is left
 * out. Every piece is verbatim text of `text`; nothing before the answer is kept at the answer's expense.
 */
export function excerptFor(text: string, focus: AnswerFocus, max = 160): string {
  const flat = text.replace(/\n/gu, '');
  if (flat.length <= max) return flat;
  // a line ends a piece (a list's entries each answer on their own), though the answer text reads without breaks
  const pieces = piecesOf(text, max).map((p) => p.replace(/\n/gu, '')).filter(Boolean);
  const scores = pieces.map((p) => scoreOf(p, focus));
  const best = Math.max(...scores);
  const chosen = new Set<number>();
  let length = 0;
  const take = (i: number) => { chosen.add(i); length += pieces[i]!.length; };
  // the answering pieces first (the best, then any near as good), then their neighbours
  const ranked = pieces.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  // at most two more pieces as good as the best: more would leave their neighbours, which make them read, no room
  for (const i of ranked.slice(0, 3)) {
    if (scores[i]! < best * 0.8 || (best === 0 && i > 0)) break;
    if (chosen.size === 0 || length + pieces[i]!.length <= max) take(i);
  }
  for (;;) {
    const neighbours = [...chosen].flatMap((i) => [i - 1, i + 1]).filter((j) => j >= 0 && j < pieces.length && !chosen.has(j));
    const fitting = neighbours.filter((j) => length + pieces[j]!.length <= max);
    if (fitting.length === 0) break;
    // the better neighbour; on a tie the one before (the sentence's start: 到2027年，… reads the figure in its frame)
    fitting.sort((a, b) => scores[b]! - scores[a]! || a - b);
    take(fitting[0]!);
  }
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    if (chosen.has(i)) out += pieces[i];
    else if (!out.endsWith(ELLIPSIS)) out += ELLIPSIS;
  }
  return out.replace(/[，,、]……/gu, '……');
}

/** Layout spaces a web copy left inside a wrapped cell ("建立 细分赛 道"), which a reader must not see. */
const unwrap = (cell: string) => cell.trim().replace(/\n/gu, '').replace(/(?<=[\p{Script=Han}\p{P}])\s+(?=[\p{Script=Han}\p{P}])/gu, '');

/**
 * A table row's cells, each after its column's name where they line up (the clause text joins cells by a tab;
 * its context records "表名｜…｜列：序号、单位、…"). Cells before the columns are the row's group labels
 * ("(一) 建立健全体制机制"); a total row's label spans the leading columns (合  计 under 序号 and 单位); where
 * neither explains the count the header goes before the row.
 */
export function labelledCells(text: string, context: string): string[] {
  const cells = text.split('\t').map(unwrap);
  const columns = columnsOf(context);
  if (!columns) return cells;
  if (cells.length >= columns.length) {
    const groups = cells.length - columns.length;
    return [...cells.slice(0, groups), ...cells.slice(groups).map((c, i) => `${columns[i]}：${c}`)];
  }
  if (/^[合总小]计$/u.test(cells[0]!)) {
    const span = columns.length - cells.length + 1;
    return [`${columns.slice(0, span).join('/')}：${cells[0]}`, ...cells.slice(1).map((c, i) => `${columns[span + i]}：${c}`)];
  }
  return [`（表头：${columns.join('｜')}）${cells[0]}`, ...cells.slice(1)];
}

/** A table row's column names, as its context records them after 列： (none outside tables). */
export function columnsOf(context: string): string[] | undefined {
  return /列：(.+)$/u.exec(context)?.[1]?.split('、').map(unwrap);
}

const SHORT_CELL = 40;

/**
 * How the answer text quotes a clause: the part that answers; a table row with its header, the short cells
 * (names, figures, dates: what a row answers) whole and only long cells shortened around the question's words.
 */
export function answerExcerpt(quote: string, context: string, focus: AnswerFocus, max = 160): string {
  // a clause that holds a small table of its own (a scoring table in a paragraph) is text with cells, not a row
  if (!quote.includes('\t') || !columnsOf(context)) return excerptFor(quote.replace(/\t/gu, ' ｜ '), focus, max);
  const cells = labelledCells(quote, context);
  const long = cells.filter((c) => c.length > SHORT_CELL).length;
  const room = max - cells.filter((c) => c.length <= SHORT_CELL).reduce((n, c) => n + c.length, 0);
  const budget = Math.max(SHORT_CELL, Math.floor(room / Math.max(long, 1)));
  return cells.map((c) => (c.length > SHORT_CELL ? excerptFor(c, focus, budget) : c)).join(' ｜ ');
}
