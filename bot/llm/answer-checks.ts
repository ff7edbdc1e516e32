import type { Knowledge } from '../../knowledge/index.js';
import type { StoredClause } from '../../knowledge/store/store.js';
import { comparable } from '../../knowledge/text/normalize.js';
import { unsupportedNumbers } from './numbers.js';

/** What a model drafts for a lookup: its wording, and the clause pieces it rests on. */
export interface GroundedDraft {
  answer: string;
  citations: Array<{ clauseId: string; quote: string }>;
}

/** A quote shorter than this says nothing a reader could check ("的", "企业"). */
const MIN_QUOTE_CHARS = 4;

/**
 * An answer that tells the asker whether they qualify ("您符合高企条件", "可以，贵公司能申报"): a lookup never
 * decides that — the rules do, on confirmed facts — whatever the question asked the model to do.
 */
const VERDICT =
  /(您|你|贵(?:公司|企业|单位)|你们|您们|你司)[^。！？!?\n]{0,15}?(符合|满足|不符合|不满足|(?:可以|能够?|不能|无法)(?:申报|认定|申请|入库|享受|通过)|(?:有|具备|没有|不具备)(?:申报)?资格|已经?达到)|^(?:是的?|对|可以|能|不能|不可以|符合|满足|不符合)[，,。！!]/u;

/** Everything a cited clause says, including where it sits, for the figures an answer may repeat. */
function sourcesOf(knowledge: Knowledge, clause: StoredClause): string[] {
  const doc = knowledge.store.documents.get(clause.docId);
  return [clause.fullText, clause.context, clause.path, doc?.title ?? '', doc?.docNumber ?? '', doc?.date ?? ''];
}

/**
 * Why a drafted answer may not be shown, or null when it may: every citation real (the verifier: the clause
 * exists and the quote is verbatim in it) and one of the clauses the model was shown; every figure in the
 * wording stated by a cited clause; no verdict on the asker. One failure rejects the whole draft — its wording
 * may lean on the part that failed.
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
  const unsupported = unsupportedNumbers(draft.answer, cited.flatMap((c) => sourcesOf(knowledge, c)));
  if (unsupported.length > 0) return `figure ${unsupported.join(', ')} is in no cited clause`;
  if (VERDICT.test(comparable(draft.answer))) return 'the answer judges the asker’s eligibility';
  return null;
}
