import { Document } from '@langchain/core/documents';
import { describe, expect, it } from 'vitest';
import { Citation } from '../../knowledge/citation.js';
import { TongceRetriever } from '../../knowledge/retriever.js';
import { testKnowledge } from '../helpers/knowledge.js';

const knowledge = testKnowledge();

describe('TongceRetriever (LangChain BaseRetriever)', () => {
  it('returns Documents with a real citation in their metadata, best first, honouring k', async () => {
    const retriever = new TongceRetriever({ knowledge, k: 2 });
    const docs = await retriever.invoke('海安开发区的主攻方向');
    expect(docs).toHaveLength(2);
    for (const d of docs) {
      expect(d).toBeInstanceOf(Document);
      Citation.parse(d.metadata.citation);
      expect(knowledge.isReal(d.metadata.citation)).toBe(true);
      expect(d.pageContent).toContain(d.metadata.citation.quote);
    }
    expect(docs[0]!.pageContent).toContain('机器人及智能制造');
    expect(docs[0]!.metadata.score).toBeGreaterThanOrEqual(docs[1]!.metadata.score);
    expect((await new TongceRetriever({ knowledge, k: 5 }).invoke('高企 研发费用')).length).toBe(5);
  });

  it('flags an uncovered question in the metadata', async () => {
    const docs = await new TongceRetriever({ knowledge }).invoke('个人所得税怎么交');
    expect(docs.every((d) => d.metadata.covered === false)).toBe(true);
  });
});
