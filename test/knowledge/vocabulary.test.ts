import { describe, expect, it } from 'vitest';
import { SECTORS, sectorsIn } from '../../knowledge/records/sectors.js';
import { OUT_OF_CORPUS } from '../../knowledge/search/out-of-corpus.js';
import { COLLOQUIAL } from '../../knowledge/search/synonyms.js';
import { comparable } from '../../knowledge/text/normalize.js';
import { toSimplified } from '../../knowledge/text/traditional.js';
import { testKnowledge } from '../helpers/knowledge.js';

const knowledge = testKnowledge();
// the texts as retrieval reads them: 科小's FAQ is in traditional characters, and a word matches it simplified
const readable = (text: string) => toSimplified(comparable(text)).toLowerCase();
const corpus = [...knowledge.store.clauses.values()].map((c) => readable(`${c.fullText} ${c.context}`));

describe('colloquial vocabulary (knowledge/vocabulary/colloquial.yaml)', () => {
  it.each(COLLOQUIAL.map((e) => [e.words.join('、'), e] as const))('%s: means what the texts say, and its example finds its clause', (_, entry) => {
    for (const m of entry.means) expect(corpus.some((t) => t.includes(readable(m))), m).toBe(true);
    if (!entry.example) return;
    const { q, expect: snippet } = entry.example;
    const hits = knowledge.retrieve(q, { k: 3 }).hits.map((h) => readable(h.clause.fullText));
    expect(hits.some((t) => t.includes(readable(snippet))), `${q} → ${snippet}`).toBe(true);
  });
});

describe('out-of-corpus concepts (knowledge/vocabulary/out-of-corpus.yaml)', () => {
  it.each(OUT_OF_CORPUS.map((a) => [a.area, a] as const))('%s: no text uses its words, and a question naming one is declined', (_, area) => {
    const sentences = corpus.flatMap((t) => t.split(/[。；;]/u));
    const beside = area.with ?? [''];
    for (const w of area.words) {
      for (const b of beside) {
        const uses = sentences.some((t) => t.includes(comparable(w).toLowerCase()) && t.includes(comparable(b).toLowerCase()));
        expect(uses, `${w} ${b}`).toBe(false);
        const r = knowledge.retrieve(`高新技术企业的${w}${b}有什么规定`);
        expect(r.covered, w).toBe(false);
        expect(r.uncovered, w).toBe('concept');
      }
    }
  });

  it('a word named only beside another is no concept of its own: 社保 as a condition of 市外招引 is asked about', () => {
    expect(knowledge.retrieve('交社保多久才算市外招引').uncovered).not.toBe('concept');
    expect(knowledge.retrieve('公司给研发人员交社保有没有补贴').uncovered).toBe('concept');
  });

  it('叠加 beside a benefit asks whether two combine, which no text settles', () => {
    expect(knowledge.retrieve('高企15%税率 能不能再叠加小微企业优惠').uncovered).toBe('concept');
  });

  it('a request to write something is no lookup, while what a text writes is asked about', () => {
    expect(knowledge.retrieve('帮我写个年终总结，科技口的').uncovered).toBe('concept');
    expect(knowledge.retrieve('海门联合服务方案要写哪些内容').uncovered).not.toBe('concept');
  });
});

describe('sector vocabulary (knowledge/vocabulary/sectors.ts)', () => {
  it.each(SECTORS.map((s) => [s.id, s] as const))('%s: its words are read as it, whole', (_, sector) => {
    for (const w of sector.words) expect(sectorsIn(w).map((m) => m.sector), w).toContain(sector.id);
  });

  it('reads whole words only, the longest first', () => {
    expect(sectorsIn('智慧交通信号控制系统').map((m) => m.sector)).not.toContain('communications');
    expect(sectorsIn('交通信号灯').map((m) => m.sector)).not.toContain('communications');
    expect(sectorsIn('氢燃料电池电堆').map((m) => m.sector)).toEqual(['hydrogen']);
    expect(sectorsIn('MCU芯片设计').map((m) => m.sector)).toEqual(['ic-design']);
    expect(sectorsIn('EMAIL营销').map((m) => m.sector)).not.toContain('ai');
  });
});

describe('the asker’s errand (knowledge/search/terms.ts)', () => {
  it('帮客户问, 意向客户: whom 招商 staff ask for takes nothing from how much of the question a clause holds', () => {
    for (const q of ['高企整体迁移到别的省资格还有效吗', '科小职工总数上限是多少']) {
      const plain = knowledge.retrieve(q).evidence!.coverage;
      for (const errand of ['帮客户问一下，', '意向客户问：']) expect(knowledge.retrieve(errand + q).evidence!.coverage, errand + q).toBeCloseTo(plain, 6);
    }
  });
});
