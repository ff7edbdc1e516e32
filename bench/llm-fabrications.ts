import type { GroundedDraft } from '../bot/llm/answer-checks.js';
import { SHOWN_CLAUSES } from '../bot/llm/assistant.js';
import { numbersIn } from '../bot/llm/numbers.js';
import type { Knowledge } from '../knowledge/index.js';
import type { StoredClause } from '../knowledge/store/store.js';
import { containsVerbatim } from '../knowledge/text/normalize.js';
import type { GoldQuestion } from './lib/gold.js';

export type FabricationKind = 'quote' | 'clause' | 'number';

/** One lookup as a scripted model answers it: honestly, and with one thing made up. */
export interface FabricationCase {
  question: string;
  jurisdiction: string | null;
  kind: FabricationKind;
  /** how it was made up, for the report */
  how: string;
  honest: GroundedDraft;
  fabricated: GroundedDraft;
}

const NUMERAL = /[\d零〇一二两三四五六七八九十百千万亿.,%]/u;

/** A verbatim piece of the clause to quote: its first sentence of a readable length, never cut inside a figure. */
export function honestQuote(clause: StoredClause): string | null {
  const sentences = clause.fullText.split(/[。；;\n]/u).map((s) => s.trim());
  const whole = sentences.find((s) => s.length >= 8 && s.length <= 80);
  if (whole) return whole;
  const text = clause.fullText.replace(/\n/gu, '');
  let end = Math.min(60, text.length);
  while (end < text.length && NUMERAL.test(text[end]!)) end++;
  const piece = text.slice(0, end).trim();
  return piece.length >= 8 ? piece : null;
}

/** A figure that none of the texts states. */
function absentFigure(texts: string[], seed: number): number {
  const present = new Set(texts.flatMap(numbersIn));
  for (let n = 37 + seed * 13; ; n += 7) if (!present.has(n)) return n;
}

function alteredQuote(clause: StoredClause, quote: string, variant: number): { quote: string; how: string } {
  const digits = /\d+/u.exec(quote);
  const candidates: Array<{ quote: string; how: string }> = [
    ...(digits ? [{ quote: quote.replace(digits[0], String(Number(digits[0]) + 1)), how: 'a figure in the quote changed' }] : []),
    { quote: `${quote}，并给予一次性奖励`, how: 'words added to the quote' },
    { quote: [...quote].reverse().join(''), how: 'the quote scrambled' },
    { quote: quote.replace(/(.)(.)/u, '$2$1'), how: 'two characters of the quote swapped' },
  ];
  const start = variant % candidates.length;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[(start + i) % candidates.length]!;
    if (!containsVerbatim(clause.fullText, c.quote)) return c;
  }
  throw new Error(`no alteration of “${quote}” leaves the clause ${clause.id}`);
}

/**
 * Fabrications for the grounding checks, built from real lookups of the gold set: for each covered question,
 * an honest draft (a verbatim quote of the top clause, restated) and the same draft with one thing made up —
 * a quote the clause does not contain, a clause id that is invented or not the one quoted, or a figure in the
 * wording that the cited clause does not state. Kinds rotate, so each is about a third of the set.
 */
export function fabricationCases(knowledge: Knowledge, gold: GoldQuestion[], count: number): FabricationCase[] {
  const out: FabricationCase[] = [];
  const kinds: FabricationKind[] = ['quote', 'clause', 'number'];
  for (const g of gold) {
    if (out.length >= count) break;
    if (!('expect' in g)) continue;
    const jurisdiction = g.jurisdiction ?? null;
    const retrieval = knowledge.retrieve(g.q, { k: SHOWN_CLAUSES, jurisdiction });
    const top = retrieval.hits[0]?.clause;
    const quote = top ? honestQuote(top) : null;
    if (!retrieval.covered || !top || !quote) continue;
    const honest: GroundedDraft = { answer: `相关条款规定：${quote}。`, citations: [{ clauseId: top.id, quote }] };
    const i = out.length;
    const kind = kinds[i % kinds.length]!;
    const variant = Math.floor(i / kinds.length);
    let fabricated: GroundedDraft;
    let how: string;
    if (kind === 'quote') {
      const altered = alteredQuote(top, quote, variant);
      fabricated = { answer: honest.answer, citations: [{ clauseId: top.id, quote: altered.quote }] };
      how = altered.how;
    } else if (kind === 'clause') {
      const other = retrieval.hits.slice(1).find((h) => !containsVerbatim(h.clause.fullText, quote))?.clause;
      const elsewhere = [...knowledge.store.clauses.values()].filter((c) => c.docId !== top.docId);
      const unshown = elsewhere[(variant * 97) % elsewhere.length];
      const options = [
        { clauseId: `${top.docId}#${top.id.split('#')[1] ?? ''}-99`, how: 'an invented clause id' },
        ...(other ? [{ clauseId: other.id, how: 'the quote attributed to another clause it was shown' }] : []),
        ...(unshown ? [{ clauseId: unshown.id, how: 'a real clause it was not shown' }] : []),
      ];
      const pick = options[variant % options.length]!;
      fabricated = { answer: honest.answer, citations: [{ clauseId: pick.clauseId, quote }] };
      how = pick.how;
    } else {
      const sources = [top.fullText, top.context, top.path];
      const n = absentFigure(sources, variant);
      const digits = /\d+/u.exec(quote);
      if (digits && variant % 2 === 0) {
        fabricated = { answer: `相关条款规定：${quote.replace(digits[0], String(n))}。`, citations: honest.citations };
        how = 'a figure of the clause restated wrongly';
      } else {
        fabricated = { answer: `${honest.answer}符合条件的最高可获得${n}万元支持。`, citations: honest.citations };
        how = 'an amount the clause does not state';
      }
    }
    out.push({ question: g.q, jurisdiction, kind, how, honest, fabricated });
  }
  return out;
}
