import type { Hit, Retrieval } from '../../../knowledge/search/retrieve.js';
import { coverageOf, coverageTerms } from '../../../knowledge/search/coverage.js';
import { queryTerms } from '../../../knowledge/search/retrieve.js';
import type { KnowledgeStore } from '../../../knowledge/store/store.js';

export interface FusionOptions {
  k: number;
  /** the reciprocal-rank constant: rank r of a list scores weight / (rrfK + r) */
  rrfK: number;
  /** the dense list's weight against the lexical one's 1 */
  denseWeight: number;
}

/**
 * The lexical retrieval and a dense ranking fused by reciprocal rank. Whether the corpus covers the question
 * stays the lexical judgement: closeness in a vector space is not evidence that a clause answers it.
 */
export function fuseDense(store: KnowledgeStore, lexical: Retrieval, dense: string[], options: FusionOptions): Retrieval {
  const fused = new Map<string, { score: number; hit: Hit | undefined }>();
  lexical.hits.forEach((hit, rank) => fused.set(hit.clause.id, { score: 1 / (options.rrfK + rank + 1), hit }));
  dense.forEach((id, rank) => {
    const e = fused.get(id) ?? { score: 0, hit: undefined };
    e.score += options.denseWeight / (options.rrfK + rank + 1);
    fused.set(id, e);
  });
  const content = coverageTerms(store, queryTerms(lexical.query).content, lexical.query);
  const hits: Hit[] = [];
  for (const [id, e] of fused) {
    const clause = e.hit?.clause ?? store.clause(id);
    if (!clause) continue;
    const via = e.hit ? (dense.includes(id) ? [...e.hit.via, 'dense'] : e.hit.via) : ['dense'];
    hits.push({ clause, score: e.score, coverage: e.hit?.coverage ?? coverageOf(store, clause, content), via });
  }
  hits.sort((a, b) => b.score - a.score || a.clause.ord - b.clause.ord);
  return { ...lexical, hits: hits.slice(0, options.k) };
}
