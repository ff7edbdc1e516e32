/**
 * Whether a case is rewarded ("通州认定高企有奖励吗"): a clause granting rewards answers only when it grants them to
 * that case. One granting a reward to projects settling in 通州 says nothing of 高企 recognised there.
 */
import type { KnowledgeStore, StoredClause } from '../store/store.js';
import { grantAskedAt } from './answer-kind.js';
import { namedJurisdiction, outsidePlacesNamed } from './jurisdiction.js';
import { held, schemeBefore } from './scheme-conditions.js';
import { clauseHaystack } from './scope.js';

/** A place is not the case: the place checks compare it. Nor is the act of asking (了, 的话). */
const notTheCase = (w: string) => namedJurisdiction(w) !== null || outsidePlacesNamed(w).length > 0 || /^(?:的话|以后|之后|成功)$/u.test(w);

/** The case's words when the question asks whether it is rewarded and the clause holds none of them; else null. */
export function rewardOfOtherCase(store: KnowledgeStore, c: StoredClause, question: string): string[] | null {
  const at = grantAskedAt(question);
  const words = at === null ? null : schemeBefore(question.slice(0, at), notTheCase);
  if (!words) return null;
  const hay = clauseHaystack(store, c);
  return words.some((w) => held(hay, w)) ? null : words;
}
