import type { Knowledge } from '../../knowledge/index.js';
import type { StoredClause } from '../../knowledge/store/store.js';
import { comparable } from '../../knowledge/text/normalize.js';
import { unsupportedSentence } from './answer-support.js';

/** What a model drafts for a lookup: its wording, and the clause pieces it rests on. */
export interface GroundedDraft {
  answer: string;
  citations: Array<{ clauseId: string; quote: string }>;
}

/** A quote shorter than this says nothing a reader could check ("的", "企业"). */
const MIN_QUOTE_CHARS = 4;

/** Everything a cited clause says, including where it sits and its document's name, for what an answer may repeat. */
function sourcesOf(knowledge: Knowledge, clause: StoredClause): string[] {
  const doc = knowledge.store.documents.get(clause.docId);
  return [clause.fullText, clause.context, clause.path, doc?.title ?? '', doc?.shortTitle ?? '', doc?.issuer ?? '', doc?.jurisdiction ?? '', doc?.docNumber ?? '', doc?.date ?? ''];
}

/**
 * Why a drafted answer may not be shown, or null when it may: every citation real (the verifier: the clause
 * exists and the quote is verbatim in it) and one of the clauses the model was shown; every sentence of the
 * wording supported by the cited clauses (answer-support.ts): its figures with their units and its content words
 * stated there, nothing about the asker or their status. One failure rejects the whole draft — its wording may
 * lean on the part that failed.
 */
export function groundingProblem(knowledge: Knowledge, draft: GroundedDraft, shown: ReadonlySet<string>): string | null {
  if (draft.citations.length === 0) return 'no citations';
  const dropped: string[] = [];
  const real = knowledge.verify(draft.citations, (m) => dropped.push(m));
  if (dropped.length > 0 || real.length !== draft.citations.length) return dropped[0] ?? 'citation dropped';
  const unseen = draft.citations.find((c) => !shown.has(c.clauseId));
  if (unseen) return `cites ${unseen.clauseId}, which it was not shown`;
  const short = draft.citations.find((c) => comparable(c.quote).length < MIN_QUOTE_CHARS);
  if (short) return `quote “${short.quote}” is too short to check`;
  const cited = [...new Set(draft.citations.map((c) => c.clauseId))].map((id) => knowledge.store.clause(id)!);
  const unsupported = unsupportedSentence(draft.answer, cited.flatMap((c) => sourcesOf(knowledge, c)));
  return unsupported ? `“${unsupported.sentence}”: ${unsupported.problem}` : null;
}
