/**
 * Questions asking for a whole list. "高企认定条件是什么": each condition shares the question's words as much as the
 * article that introduces them, so one condition ranks first; the introduction, which quotes them all, is the
 * answer (第十一条 认定为高新技术企业须同时满足以下条件：). "梯次培育五级是哪五级", "四有具体指啥": the clause that names the
 * numbered set and lists its members.
 */
import type { KnowledgeStore, StoredClause } from '../store/store.js';
import { chineseNumeral } from '../text/normalize.js';
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

/**
 * 四有, 五级, 三懂, 七群, 五大工程: a numbered set as the texts name them (“四有型”, “五级梯次”), of two or more
 * members. Not 类 or 个, which count anything (二类知识产权, 三个产业).
 */
const NUMBERED_SET = /([二两三四五六七八九十])(有|级|懂|化|大|链|群|新|高|强|心|园|区|带)/gu;
/** 哪五级, 具体指啥, 包括哪些, 分别是: the members are asked for */
const MEMBERS_ASKED = /哪|什么|啥|具体|指|包括|分别|内容/u;
/** what separates the members of a list in running text */
const SEPARATOR = /[、—]/gu;

const WHICH_OF_SET = new RegExp(`哪${NUMBERED_SET.source}`, 'gu');

/** The question without its "哪四有", "哪五级": which of a set is how the members are asked for, not what about. */
export function withoutWhichOfSet(question: string): string {
  return question.replace(WHICH_OF_SET, ' ');
}

/** The numbered sets a question asks the members of, with how many members each has. */
export function numberedSetsAsked(question: string): Array<{ name: string; members: number }> {
  if (!MEMBERS_ASKED.test(question)) return [];
  const out = new Map<string, number>();
  for (const m of question.matchAll(NUMBERED_SET)) out.set(m[0], chineseNumeral(m[1]!));
  return [...out].map(([name, members]) => ({ name, members }));
}

/** Whether a clause names the set and lists as many members: “…—…—…—…—…”五级梯次, “有…、有…、有…、有…”的“四有型”. */
export function listsNumberedSet(c: StoredClause, set: { name: string; members: number }): boolean {
  return c.text.includes(set.name) && (c.text.match(SEPARATOR) ?? []).length >= set.members - 1;
}

/** The clauses that name one of the sets and list its members, in document order. */
export function clausesListingSets(store: KnowledgeStore, sets: Array<{ name: string; members: number }>): string[] {
  if (sets.length === 0) return [];
  return [...store.clauses.values()].filter((c) => sets.some((s) => listsNumberedSet(c, s))).map((c) => c.id);
}
