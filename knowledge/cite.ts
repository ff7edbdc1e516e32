import { Citation, UnresolvedCitationError, type CitationRef } from './citation.js';
import type { KnowledgeStore, StoredClause } from './store/store.js';
import { comparable, containsVerbatim } from './text/normalize.js';

/** The full citation of a clause (or of a verbatim part of it), with its document's metadata. */
export function citationOf(store: KnowledgeStore, clause: StoredClause, quote: string = clause.fullText): Citation {
  const doc = store.documents.get(clause.docId);
  if (!doc) throw new Error(`clause ${clause.id} belongs to no stored document`);
  const part = clause.part ? doc.parts.find((p) => p.heading === clause.part) : undefined;
  const validity = part?.validity ?? doc.validity;
  return {
    docId: doc.id,
    docTitle: doc.title,
    docNumber: doc.docNumber,
    issuer: doc.issuer,
    date: doc.date,
    sourceKind: part?.sourceKind ?? doc.sourceKind,
    clauseId: clause.id,
    path: clause.path,
    quote,
    jurisdiction: part?.jurisdiction ?? doc.jurisdiction,
    ...(part ? { partTitle: part.title } : {}),
    ...(validity?.note ? { edition: validity.note } : doc.dateNote ? { edition: doc.dateNote } : {}),
    provenance: doc.provenance,
  };
}

/**
 * Finds the clause a rule or an answer points at by document and verbatim quote: the most specific clause
 * (the shortest text) that contains the quote.
 */
export function resolveCitation(store: KnowledgeStore, ref: CitationRef): Citation {
  const quote = comparable(ref.quote);
  let best: StoredClause | undefined;
  if (quote) {
    for (const c of store.clausesOf(ref.doc)) {
      if (comparable(c.text).includes(quote) && (!best || c.text.length < best.text.length)) best = c;
    }
  }
  if (!best) throw new UnresolvedCitationError(ref);
  return citationOf(store, best, ref.quote);
}

export type CitationProblem = 'unknown clause' | 'quote not in clause' | 'empty quote';

/** Whether a citation is real: its clause is stored and its quote is a verbatim part of that clause. */
export function checkCitation(store: KnowledgeStore, c: { clauseId: string; quote: string }): CitationProblem | null {
  const clause = store.clause(c.clauseId);
  if (!clause) return 'unknown clause';
  if (comparable(c.quote) === '') return 'empty quote';
  return containsVerbatim(clause.fullText, c.quote) ? null : 'quote not in clause';
}

export type CitationLog = (message: string) => void;

/** The citations that pass the check; each one dropped is logged with its reason. Every answer path uses it. */
export function verifiedCitations<T extends { clauseId: string; quote: string }>(store: KnowledgeStore, citations: T[], log: CitationLog): T[] {
  return citations.filter((c) => {
    const problem = checkCitation(store, c);
    if (problem) log(`citation dropped (${problem}): ${c.clauseId} “${c.quote.slice(0, 60)}”`);
    return problem === null;
  });
}
