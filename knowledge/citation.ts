import { z } from 'zod';

export const SourceKind = z.enum(['policy', 'standard', 'regulation', 'report']);
export type SourceKind = z.infer<typeof SourceKind>;

/** The citation shape of spec/contracts.md; the extra fields after `quote` are additions, never renames. */
export const Citation = z.object({
  docId: z.string(),
  docTitle: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sourceKind: SourceKind,
  clauseId: z.string(),
  path: z.string(),
  quote: z.string().min(1),
  jurisdiction: z.string(),
  /** set when the clause sits in an attachment that is a text of its own (附件1《2023年南通市科创项目认定标准》) */
  partTitle: z.string().optional(),
  /** validity or edition notice from the catalog, e.g. "2023年版认定标准，此后可能已修订" */
  edition: z.string().optional(),
  provenance: z.string(),
});
export type Citation = z.infer<typeof Citation>;

/**
 * How rule code and other answer paths point at a clause: the document and a verbatim piece of the clause.
 * A reviewer can check it against the source text by eye; the resolver finds the clause that contains it.
 */
export interface CitationRef {
  doc: string;
  quote: string;
}

/** Turns a reference into a full citation; throws UnresolvedCitationError when no stored clause contains the quote. */
export type CitationResolver = (ref: CitationRef) => Citation;

export class UnresolvedCitationError extends Error {
  constructor(readonly ref: CitationRef) {
    super(`no clause of ${ref.doc} contains the quote “${ref.quote}”`);
    this.name = 'UnresolvedCitationError';
  }
}
