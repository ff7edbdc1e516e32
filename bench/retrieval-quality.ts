import Database from 'better-sqlite3';
import { loadSources } from '../knowledge/catalog.js';
import type { Knowledge } from '../knowledge/index.js';
import { parseDocument } from '../knowledge/parse/parser.js';
import { comparable, cleanQuestion } from '../knowledge/text/normalize.js';
import type { GoldQuestion } from './lib/gold.js';
import { round } from './lib/metrics.js';

/** Ranked clause texts for a question, and whether the system claims the corpus covers it. */
export type Ranker = (q: GoldQuestion) => { texts: string[]; covered: boolean; related?: string[] };

export interface QualityReport {
  questions: number;
  recallAt1: number;
  recallAt3: number;
  mrr: number;
  uncovered: number;
  uncoveredDetected: number;
  /** covered questions wrongly answered covered: false */
  falseUncovered: number;
  /** of those, the ones whose possibly-related clauses (top 3) hold the expected clause */
  falseUncoveredPointed: number;
  misses: string[];
}

/** The public harness rule: every snippet appears, after NFKC with white space removed, in one clause's text. */
function matches(text: string, expect: string[]): boolean {
  const t = comparable(text);
  return expect.every((e) => t.includes(comparable(e)));
}

export function measure(gold: GoldQuestion[], rank: Ranker): QualityReport {
  let n = 0, r1 = 0, r3 = 0, rr = 0, unc = 0, uncOk = 0, falseUnc = 0, pointed = 0;
  const misses: string[] = [];
  for (const g of gold) {
    const { texts, covered, related = [] } = rank(g);
    if (!('expect' in g)) {
      unc++;
      if (!covered) uncOk++;
      else misses.push(`uncovered answered: ${g.q}`);
      continue;
    }
    n++;
    if (!covered) {
      falseUnc++;
      if (related.slice(0, 3).some((t) => matches(t, g.expect))) pointed++;
    }
    const at = texts.findIndex((t) => matches(t, g.expect));
    if (at === 0) r1++;
    if (at >= 0 && at < 3) r3++;
    if (at >= 0 && at < 10) rr += 1 / (at + 1);
    if (at < 0 || at >= 3) misses.push(`rank ${at < 0 ? '>10' : at + 1}: ${g.q}`);
  }
  return {
    questions: n, recallAt1: round(r1 / n), recallAt3: round(r3 / n), mrr: round(rr / n),
    uncovered: unc, uncoveredDetected: unc ? round(uncOk / unc) : 0, falseUncovered: falseUnc, falseUncoveredPointed: pointed, misses,
  };
}

/**
 * Tongce as `tongce ask --json` answers: the quotes of its citations. An answer judged uncovered has no
 * citations, so it counts as a miss for a covered question, as it would in the public harness.
 */
export function tongceRanker(knowledge: Knowledge): Ranker {
  return (g) => {
    const r = knowledge.ask(g.q, { k: 10, jurisdiction: g.jurisdiction ?? null });
    return { texts: r.citations.map((c) => c.quote), covered: r.covered, related: r.related.map((c) => c.quote) };
  };
}

/**
 * The baseline the issue names: plain FTS5 trigram search over the raw clause texts, no segmentation, no
 * expansion, no fusion; "covered" whenever anything matches.
 */
export function baselineRanker(): Ranker {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'trigram')");
  const ins = db.prepare('INSERT INTO t (body) VALUES (?)');
  for (const s of loadSources()) for (const c of parseDocument(s)) ins.run(c.text);
  const search = db.prepare('SELECT body FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT 10');
  return (g) => {
    const q = cleanQuestion(g.q).toLowerCase();
    const grams = new Set<string>();
    for (const run of q.match(/[\p{L}\p{N}]{3,}/gu) ?? []) {
      const ch = [...run];
      for (let i = 0; i + 3 <= ch.length; i++) grams.add(ch.slice(i, i + 3).join(''));
    }
    if (grams.size === 0) return { texts: [], covered: false };
    const texts = (search.all([...grams].map((x) => `"${x.replace(/"/g, '""')}"`).join(' OR ')) as Array<{ body: string }>).map((r) => r.body);
    return { texts, covered: texts.length > 0 };
  };
}
