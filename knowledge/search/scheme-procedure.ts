/**
 * The procedure of a scheme asked about ("科创项目网上怎么申报"): only a clause giving the steps OF that scheme answers.
 * The texts give the steps of 高企 and 科小; 高企's 认定程序 is not how a 科创项目 is filed, however alike the words.
 * Compared as the conditions are (scheme-conditions.ts): every word of the scheme must be in the clause.
 */
import type { KnowledgeStore, StoredClause } from '../store/store.js';
import { procedureAsked } from './answer-kind.js';
import { held, schemeBefore } from './scheme-conditions.js';
import { clauseHaystack } from './scope.js';

/** Where or in what manner one files (网上怎么申报, 线上如何办理): not the scheme. */
const HOW_FILED = /^(?:网上|线上|在线|网络|现场|窗口|具体|流程|程序|步骤|手续)$/u;

/** The scheme's word the clause lacks when the question asks a scheme's procedure; null when it holds them all or none is asked. */
export function procedureOfOtherScheme(store: KnowledgeStore, c: StoredClause, question: string): string | null {
  const asked = procedureAsked(question);
  const scheme = asked && schemeBefore(question.slice(0, asked.at), (w) => HOW_FILED.test(w));
  if (!scheme) return null;
  const hay = clauseHaystack(store, c);
  return scheme.find((w) => !held(hay, w)) ?? null;
}
