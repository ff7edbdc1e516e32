import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { Citation } from './citation.js';
import { citationOf } from './cite.js';
import type { Knowledge } from './index.js';

export interface TongceRetrieverInput extends BaseRetrieverInput {
  knowledge: Knowledge;
  /** how many clauses to return (default 4) */
  k?: number;
  jurisdiction?: string | null;
}

/** Metadata of each returned Document: the citation, and the retrieval's judgement of the question. */
export interface ClauseMetadata {
  citation: Citation;
  clauseId: string;
  score: number;
  coverage: number;
  /** false when the corpus has nothing that answers the question: the documents are then the nearest misses */
  covered: boolean;
}

/**
 * The clause retriever as a LangChain retriever, so chains get Documents whose metadata carries a real
 * citation (document, 文号, path, verbatim quote).
 */
export class TongceRetriever extends BaseRetriever {
  override lc_namespace = ['tongce', 'retrievers'];
  private readonly knowledge: Knowledge;
  private readonly k: number;
  private readonly jurisdiction: string | null;

  constructor(fields: TongceRetrieverInput) {
    super(fields);
    this.knowledge = fields.knowledge;
    this.k = fields.k ?? 4;
    this.jurisdiction = fields.jurisdiction ?? null;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<ClauseMetadata>[]> {
    const result = this.knowledge.retrieve(query, { k: this.k, jurisdiction: this.jurisdiction });
    return result.hits.map(
      (h) =>
        new Document<ClauseMetadata>({
          pageContent: h.clause.context ? `${h.clause.context}\n${h.clause.text}` : h.clause.text,
          metadata: {
            citation: citationOf(this.knowledge.store, h.clause),
            clauseId: h.clause.id,
            score: h.score,
            coverage: h.coverage,
            covered: result.covered,
          },
          id: h.clause.id,
        }),
    );
  }
}
