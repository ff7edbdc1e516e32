import { describe, expect, it } from 'vitest';
import { UnresolvedCitationError } from '../../knowledge/citation.js';
import { testKnowledge } from '../helpers/knowledge.js';

const knowledge = testKnowledge();

describe('citation resolver', () => {
  it('finds the most specific clause containing a quote, tolerant of width and white space only', () => {
    const c = knowledge.resolve({ doc: 'hnte-measures-2016-32', quote: '企业申请认定时须注册成立一年以上' });
    expect(c.clauseId).toBe('hnte-measures-2016-32#ch3.a11.p1');
    expect(c.docNumber).toBe('国科发火〔2016〕32号');
    expect(knowledge.resolve({ doc: 'haimen-2022-gaoqi', quote: '组长：宋涯' }).quote).toBe('组长：宋涯');
    expect(knowledge.resolve({ doc: 'tech-sme-2017-115', quote: '不低于６０分' }).path).toContain('第六条');
  });

  it('refuses a quote that is not in the document', () => {
    expect(() => knowledge.resolve({ doc: 'hnte-measures-2016-32', quote: '注册成立两年以上' })).toThrow(UnresolvedCitationError);
    expect(() => knowledge.resolve({ doc: 'no-such-doc', quote: '高企' })).toThrow(UnresolvedCitationError);
    expect(() => knowledge.resolve({ doc: 'hnte-measures-2016-32', quote: '  ' })).toThrow(UnresolvedCitationError);
  });
});

describe('citation verifier', () => {
  const real = knowledge.resolve({ doc: 'tongzhou-2023-20', quote: '市高新技术企业培育入库企业' });

  it('keeps real citations and drops (and logs) invented ones', () => {
    const log: string[] = [];
    const kept = knowledge.verify(
      [
        real,
        { ...real, quote: '市高新技术企业培育入库企业可获奖励100万元' },
        { ...real, clauseId: 'tongzhou-2023-20#att9.i99' },
        { ...real, quote: '' },
        { ...real, quote: '市高新技术企业 培育入库企业' },
      ],
      (m) => log.push(m),
    );
    expect(kept).toHaveLength(2);
    expect(log).toHaveLength(3);
    expect(log.join('\n')).toMatch(/quote not in clause[\s\S]*unknown clause[\s\S]*empty quote/);
  });
});
