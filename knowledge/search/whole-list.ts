/**
 * "高企认定条件是什么" asks for a whole list. Each condition shares the question's words as much as the article that
 * introduces them (第十一条 认定为高新技术企业须同时满足以下条件：), and there are eight of them, so one condition
 * ranks first; the introduction, which quotes them all, is the answer.
 */
import type { KnowledgeStore } from '../store/store.js';
import { coverageOf, type CoverageTerm } from './coverage.js';
import type { Hit } from './retrieve.js';
import type { RankingWeights } from './weights.js';

/** 条件是什么, 有哪些条件, 要满足什么条件, 门槛是啥 */
export const CONDITIONS_ASKED = /条件(?:是|有|为)?(?:什么|啥|哪些|哪几)|(?:什么|哪些|啥|哪几(?:个|条)?)条件|门槛(?:是|有)?(?:什么|啥|哪些)/u;
/** 须同时满足以下条件, 符合下列条件: the clause introducing a list of conditions */
const INTRODUCES_CONDITIONS = /(?:满足|符合|具备)(?:以下|下列|如下)[^。；]{0,8}条件/u;

/**
 * Raises the introduction of a list of conditions to its best item's score, times the weight of a clause giving
 * the kind of answer asked — when the introduction itself names what is asked ("兼职的算不算科技人员，有啥条件"
 * asks about one condition, which its item answers).
 */
export function rankListsWhole(store: KnowledgeStore, hits: Hit[], terms: CoverageTerm[], w: RankingWeights): void {
  const bestItem = new Map<string, number>();
  for (const h of hits) if (h.clause.parentId) bestItem.set(h.clause.parentId, Math.max(bestItem.get(h.clause.parentId) ?? 0, h.score));
  for (const h of hits) {
    const items = bestItem.get(h.clause.id);
    if (items === undefined || h.clause.fullText === h.clause.text || !INTRODUCES_CONDITIONS.test(h.clause.text)) continue;
    if (coverageOf(store, { ...h.clause, fullText: h.clause.text }, terms) >= w.listNamesQuestion) h.score = Math.max(h.score, items * w.givesAnswerKind);
  }
}
