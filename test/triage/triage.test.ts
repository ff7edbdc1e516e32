import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../bench/lib/gold.js';
import { isExpected, TriageGold } from '../../bench/lib/triage-gold.js';
import { Citation } from '../../knowledge/citation.js';
import { DepartmentDirectory } from '../../knowledge/triage/directory.js';
import { triage } from '../../knowledge/triage/triage.js';
import { testKnowledge } from '../helpers/knowledge.js';

const knowledge = testKnowledge();
const directory = DepartmentDirectory.of(knowledge.store);
const PUBLIC = join(import.meta.dirname, '..', 'fixtures', 'public-triage.jsonl');

describe('triage', () => {
  const publicExamples = readJsonl(PUBLIC, TriageGold);

  it.each(publicExamples.map((g) => [g.q, g] as const))('routes the public example “%s”', (_q, g) => {
    const r = triage(knowledge, g.q, { jurisdiction: g.jurisdiction });
    expect(r.handoff).toBe(false);
    expect(isExpected(directory, g, r.departments[0]!)).toBe(true);
    expect(r.departments[0]!.jurisdiction).toBe(g.jurisdiction);
  });

  it('routes 研发辅助账 in 海门 to the 区税务局 by its own 职责分工 line, quoted verbatim', () => {
    const r = triage(knowledge, '我们公司研发费用加计扣除怎么归集，要设辅助账吗', { jurisdiction: '海门区' });
    const tax = r.departments[0]!;
    expect(tax).toMatchObject({ name: '区税务局', jurisdiction: '海门区', role: 'duty' });
    expect(tax.citations[0]!.path).toContain('职责分工');
    expect(tax.citations[0]!.quote).toContain('指导企业按要求设立研发辅助账');
  });

  it('cites only real clauses with verbatim quotes, in the contract’s Citation shape', () => {
    const questions = ['申报高企时知识产权材料谁来审核', '想了解江海英才计划怎么申报', '特色园区的新增建设用地指标找哪个部门', '通州去合肥的科技招商专题活动由哪个部门承办', '研发费用加计扣除和高企所得税减免在启东找哪个部门'];
    for (const q of questions) {
      const r = triage(knowledge, q, { jurisdiction: q.includes('启东') || q.includes('通州') ? undefined : '海门区' });
      const citations = r.departments.flatMap((d) => d.citations);
      expect(citations.length).toBeGreaterThanOrEqual(r.departments.length);
      const dropped: string[] = [];
      expect(knowledge.verify(citations, (m) => dropped.push(m))).toHaveLength(citations.length);
      expect(dropped).toEqual([]);
      for (const c of citations) Citation.parse(c);
    }
  });

  it('gives at most three departments, best first, with confidences in 0..1 that differ with the evidence', () => {
    const strong = triage(knowledge, '高企申报材料里的税务审核意见由谁出', { jurisdiction: '海门区' });
    const weak = triage(knowledge, '公司有失信记录想做信用修复，找谁', { jurisdiction: '海门区' });
    for (const r of [strong, weak]) {
      expect(r.departments.length).toBeLessThanOrEqual(3);
      const c = r.departments.map((d) => d.confidence);
      expect(c).toEqual([...c].sort((a, b) => b - a));
      for (const x of c) expect(x).toBeGreaterThanOrEqual(0), expect(x).toBeLessThanOrEqual(1);
    }
    expect(strong.departments[0]!.confidence).toBeGreaterThan(weak.departments[0]!.confidence);
  });

  it('routes only to offices serving the caller: the county’s own, then the city’s', () => {
    const haimen = triage(knowledge, '知识产权保护找哪个部门', { jurisdiction: '海门' });
    expect(haimen.jurisdiction).toBe('海门区');
    for (const d of haimen.departments) expect(['海门区', '南通市']).toContain(d.jurisdiction);
    const rugao = triage(knowledge, '我们在如皋高新区，想申请市里的科技创新型特色园区认定，找哪个部门', { jurisdiction: '如皋市' });
    expect(rugao.departments[0]).toMatchObject({ name: '市科技局', jurisdiction: '南通市' });
  });

  it('takes the jurisdiction a question names when none is given', () => {
    const r = triage(knowledge, '启东的科技型企业想贷款，风险补偿资金池是哪个部门管');
    expect(r.jurisdiction).toBe('启东市');
    expect(r.departments[0]).toMatchObject({ name: '市地方金融监管局', jurisdiction: '启东市' });
    expect(r.needsJurisdiction).toBe(false);
  });

  it('asks for the jurisdiction when the route depends on it, and trusts its routes less', () => {
    const unknown = triage(knowledge, '众创空间、孵化器的建设归谁管');
    expect(unknown.needsJurisdiction).toBe(true);
    expect(unknown.candidateJurisdictions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(unknown.departments.map((d) => d.jurisdiction)).size).toBeGreaterThanOrEqual(2);
    const known = triage(knowledge, '众创空间、孵化器的建设归谁管', { jurisdiction: '海门区' });
    expect(known.needsJurisdiction).toBe(false);
    expect(known.departments[0]!.confidence).toBeGreaterThan(unknown.departments[0]!.confidence);
  });

  it('needs no jurisdiction for a city-wide task', () => {
    const r = triage(knowledge, '科技创新型特色园区的评审认定和授牌由谁负责');
    expect(r.needsJurisdiction).toBe(false);
    expect(r.departments[0]).toMatchObject({ name: '市科技局', jurisdiction: '南通市' });
    expect(r.coResponsible).toEqual(expect.arrayContaining(['各县(市、区)人民政府']));
  });

  it.each([
    ['个人所得税专项附加扣除怎么填', undefined],
    ['住房公积金提取需要什么材料', undefined],
    ['我想把户口迁到海门，落户找谁', '海门区'],
    ['杭州的人才落户政策有哪些', undefined],
    ['如皋的企业研发费用加计扣除找哪个部门', '如皋市'],
  ])('hands “%s” to a person', (q, jurisdiction) => {
    const r = triage(knowledge, q, { jurisdiction });
    expect(r.handoff).toBe(true);
    expect(r.handoffReason).toBeDefined();
  });

  it('hands off an empty question and a place it holds no documents for', () => {
    expect(triage(knowledge, '   ')).toMatchObject({ handoff: true, handoffReason: 'empty question', departments: [] });
    expect(triage(knowledge, '研发辅助账找谁', { jurisdiction: '上海' })).toMatchObject({ handoff: true, handoffReason: 'jurisdiction not covered', departments: [] });
  });

  it('says which edition its sources are', () => {
    const r = triage(knowledge, '年度汇算清缴不太会弄，有部门指导吗', { jurisdiction: '海门区' });
    expect(r.notices.join('\n')).toContain('2022—2024');
  });

  it('answers the same question the same way every time', () => {
    const q = '海门这边苏科贷、通科贷这些科技贷款找谁对接';
    expect(JSON.stringify(triage(knowledge, q))).toBe(JSON.stringify(triage(knowledge, q)));
  });

  it('never fails on odd input', () => {
    for (const q of ['？？？', 'a'.repeat(5000), '\u0000\u200b', '区税务局', '🙂 谁负责']) {
      const r = triage(knowledge, q);
      expect(typeof r.handoff).toBe('boolean');
    }
  });
});

describe('public triage fixture', () => {
  it('is the shared public file, and the gold set holds all of it', () => {
    const fixture = readFileSync(PUBLIC, 'utf8').trim().split('\n');
    const gold = readFileSync(join(import.meta.dirname, '..', '..', 'bench', 'gold', 'triage.jsonl'), 'utf8').split('\n');
    for (const line of fixture) expect(gold).toContain(line);
  });
});
