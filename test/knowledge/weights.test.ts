import { describe, expect, it } from 'vitest';
import { RANKING_WEIGHTS } from '../../knowledge/search/weights.js';
import { testKnowledge } from '../helpers/knowledge.js';

const knowledge = testKnowledge();
const ranked = (q: string, weights?: typeof RANKING_WEIGHTS) =>
  knowledge.retrieve(q, { k: 5, ...(weights ? { weights } : {}) }).hits.map((h) => [h.clause.id, h.score]);

describe('ranking weights', () => {
  it('the tuned weights are the default', () => {
    for (const q of ['高企认定对注册时间有什么要求', '海门每年招引多少科创项目', '附件1第7条']) expect(ranked(q, RANKING_WEIGHTS)).toEqual(ranked(q));
  });

  it('weights given to retrieve are the ones it ranks by', () => {
    const silent = { ...RANKING_WEIGHTS, lists: { address: 0, record: 0, tokens: 0, synonyms: 0, names: 0, trigrams: 0 } };
    const scores = ranked('研发费用加计扣除比例', silent).map(([, score]) => score);
    expect(scores.length).toBeGreaterThan(0);
    expect(scores.every((s) => s === 0)).toBe(true);
    const doubled = { ...RANKING_WEIGHTS, lists: Object.fromEntries(Object.entries(RANKING_WEIGHTS.lists).map(([k, v]) => [k, v * 2])) as typeof RANKING_WEIGHTS.lists };
    expect(ranked('研发费用加计扣除比例', doubled).map(([, s]) => s)).toEqual(ranked('研发费用加计扣除比例').map(([, s]) => (s as number) * 2));
  });
});
