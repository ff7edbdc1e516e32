import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLookupKnowledge } from '../../cli/lookup-knowledge.js';
import { checkCitation } from '../../knowledge/cite.js';
import { answerExcerpt, excerptFor, focusOf, labelledCells } from '../../knowledge/excerpt.js';
import { comparable, containsVerbatim } from '../../knowledge/text/normalize.js';

// Issue 14 item 6: the answer text quotes the part of a clause that answers, a table row with its header.
const knowledge = openLookupKnowledge({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-excerpt-')) });
const has = (text: string, snippet: string) => comparable(text).includes(comparable(snippet));

describe('excerptFor', () => {
  const long = `${'为加快科技创新，推动产业集聚发展，'.repeat(12)}到2027年，全市科技创新型特色园区达到30个左右，${'强化要素保障，优化营商环境，'.repeat(8)}`;

  it('keeps the figure asked for when it lies past the length an answer shows, with …… on both sides', () => {
    const out = excerptFor(long, focusOf('到2027年全市特色园区要达到多少个'));
    expect(out).toContain('到2027年，全市科技创新型特色园区达到30个左右');
    expect(out.startsWith('……')).toBe(true);
    expect(out.endsWith('……')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(170);
  });

  it('is made of verbatim pieces of the clause', () => {
    const out = excerptFor(long, focusOf('到2027年全市特色园区要达到多少个'));
    for (const piece of out.split('……').filter(Boolean)) expect(containsVerbatim(long, piece), piece).toBe(true);
  });

  it('leaves a short clause whole, and a question it shares nothing with reads the clause from its start', () => {
    expect(excerptFor('到2027年，全市达到30个。', focusOf('多少个'))).toBe('到2027年，全市达到30个。');
    expect(excerptFor(long, focusOf('天气')).startsWith('为加快科技创新')).toBe(true);
  });
});

describe('labelledCells', () => {
  const targets = '2023年科创项目招引目标任务表｜列：序号、单位、招引目标任务数、其中高企招引数';

  it('puts each cell after its column', () => {
    expect(labelledCells('3\t川姜镇\t6\t1', targets)).toEqual(['序号：3', '单位：川姜镇', '招引目标任务数：6', '其中高企招引数：1']);
  });

  it('spans a total row’s label over the leading columns', () => {
    expect(labelledCells('合  计\t180\t20', targets)).toEqual(['序号/单位：合计', '招引目标任务数：180', '其中高企招引数：20']);
  });

  it('keeps group cells before the columns, and the header before a row it cannot line up', () => {
    expect(labelledCells('(一) 建立健全 体制 机制\t任务\t市科技局\t\t2025年3月', '表｜列：任务分工、牵头部门、责任单位、完成时限'))
      .toEqual(['(一)建立健全体制机制', '任务分工：任务', '牵头部门：市科技局', '责任单位：', '完成时限：2025年3月']);
    expect(labelledCells('甲\t乙', '表｜列：一、二、三')).toEqual(['（表头：一｜二｜三）甲', '乙']);
  });

  it('a long row keeps its short cells (the names and dates a row answers) whole', () => {
    const task = '制定实施专项产业规划和招商计划，'.repeat(20);
    const out = answerExcerpt(`${task}\t市商务局\t各县（市、区）人民政府\t2025年3月`, '表｜列：任务分工、牵头部门、责任单位、完成时限', focusOf('招商计划这项任务什么时候完成'));
    expect(out).toContain('牵头部门：市商务局 ｜ 责任单位：各县（市、区）人民政府 ｜ 完成时限：2025年3月');
    expect(out.length).toBeLessThan(task.length);
  });
});

describe('tongce ask: the answer text shows the answer', () => {
  it('到2027年，全市科技创新…… shows 30个左右 in the quote (issue 14)', () => {
    const r = knowledge.ask('到2027年全市特色园区要达到多少个');
    const quote = r.answer.split('\n').find((l) => l.startsWith('1. '))!;
    expect(has(quote, '到2027年，全市科技创新型特色园区达到30个左右')).toBe(true);
  });

  it('the 合计 row comes with its header (issue 14)', () => {
    const r = knowledge.ask('通州区科技招商突破年今年要新招多少个科创项目，里面高企占几家', { jurisdiction: '通州区' });
    expect(r.answer).toContain('序号/单位：合计 ｜ 招引目标任务数：180 ｜ 其中高企招引数：20');
    expect(r.answer).not.toContain('“合  计 ｜ 180 ｜ 20”');
  });

  // from bench/gold/questions.jsonl and questions-dev2.jsonl: answers whose text cut the snippet off before
  const gold: Array<{ q: string; expect: string[]; jurisdiction?: string }> = [
    { q: '创新30条市本级已经兑现了多少资金', expect: ['已兑现“创新30条”政策资金89616.59万元'] },
    { q: '启东技能人才培养目标多少万人', expect: ['技能人才不少于 3 万人'], jurisdiction: '启东市' },
    { q: '国企参与特色园区运营这一条谁牵头、什么时候完成', expect: ['市场化成熟机构+内部培育专业团队', '市科技局、国资委', '2026年12月'] },
    { q: '特色园区细分产业规划和招商计划这项任务什么时候完成，谁负责', expect: ['制定实施专项产业规划和招商计划', '市商务局，各县（市、区）人民政府', '2025年3月'] },
    { q: '海门有效期内的高企每年要申报几项知识产权', expect: ['有效期内高企每年申报知识产权不少于5项', '其中Ⅰ类知识产权至少1项'], jurisdiction: '海门区' },
    { q: '南通国家农业科技园区验收结果怎么样', expect: ['以第一的成绩通过科技部验收'] },
    { q: '特色园区要集聚多少家高企和专精特新', expect: ['集聚高新技术企业和专精特新中小企业1000家左右'] },
    { q: '启东到2025年新增高层次人才多少', expect: ['新增高层次人才1000人'], jurisdiction: '启东市' },
    { q: '完善金融支持创新体系谁牵头', expect: ['（责任单位：市地方金融监管局、财政局、科技局）'], jurisdiction: '启东市' },
    { q: '启东领军人才引进谁负责', expect: ['（责任单位：市人才办、科技局、人力资源社会保障局）'], jurisdiction: '启东市' },
    { q: '有一件发明专利，科小科技成果指标得几分', expect: ['1项及以上Ⅰ类知识产权(30分)'] },
  ];
  for (const g of gold) {
    it(`${g.q}: the answer text holds ${g.expect.join(' + ')}`, () => {
      const r = knowledge.ask(g.q, { jurisdiction: g.jurisdiction ?? null });
      expect(r.covered).toBe(true);
      for (const e of g.expect) expect(has(r.answer, e), e).toBe(true);
      // the citations still quote their clause whole, and pass the verifier
      for (const c of r.citations) expect(checkCitation(knowledge.store, c)).toBeNull();
    });
  }
});
