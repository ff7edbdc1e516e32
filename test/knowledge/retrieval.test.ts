import { describe, expect, it } from 'vitest';
import { Citation } from '../../knowledge/citation.js';
import { comparable } from '../../knowledge/text/normalize.js';
import { testKnowledge } from '../helpers/knowledge.js';

const knowledge = testKnowledge();
const topTexts = (q: string, k = 3) => knowledge.retrieve(q, { k }).hits.map((h) => comparable(h.clause.fullText));
const inTop = (q: string, snippet: string, k = 3) => topTexts(q, k).some((t) => t.includes(comparable(snippet)));

describe('retrieval', () => {
  it('finds clauses asked in everyday words, through abbreviations', () => {
    expect(inTop('高企认定对注册时间有什么要求', '注册成立一年以上')).toBe(true);
    expect(inTop('科小多少分合格', '不低于60分')).toBe(true);
    expect(inTop('海安开发区的主攻方向', '机器人及智能制造')).toBe(true);
    expect(inTop('苏科贷新增规模排名', '连续四年位列全省第二')).toBe(true);
  });

  it('honours k and returns hits best first', () => {
    for (const k of [1, 3, 7]) expect(knowledge.retrieve('研发费用加计扣除比例', { k }).hits.length).toBe(k);
    const scores = knowledge.retrieve('研发费用加计扣除比例', { k: 10 }).hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('addresses clauses directly by attachment, article and 文号', () => {
    expect(knowledge.retrieve('附件1第7条').hits[0]!.clause.id).toBe('tongzhou-2023-20#att1.i7');
    expect(knowledge.retrieve('附件一解释说明第五条').hits[0]!.clause.id).toBe('tongzhou-2023-20#att1.g2.i5');
    expect(knowledge.retrieve('高企认定管理办法第十一条').hits[0]!.clause.id).toBe('hnte-measures-2016-32#ch3.a11');
    expect(knowledge.retrieve('第十一条第（四）项').hits[0]!.clause.text).toContain('不低于10%');
    expect(knowledge.retrieve('通政办发〔2024〕37号讲了什么').hits[0]!.clause.docId).toBe('nantong-2024-37');
    expect(knowledge.retrieve('通政办发(2023)20号').hits[0]!.clause.docId).toBe('tongzhou-2023-20');
  });

  it('prefers the jurisdiction the user names', () => {
    expect(knowledge.retrieve('海门每年招引多少科创项目').hits[0]!.clause.docId).toBe('haimen-2022-gaoqi');
    expect(knowledge.retrieve('启东每年招引多少科创项目').hits[0]!.clause.docId).toBe('qidong-2023-10');
    expect(knowledge.retrieve('每年招引多少科创项目', { jurisdiction: '海门区' }).hits[0]!.clause.docId).toBe('haimen-2022-gaoqi');
  });

  it('says covered: false when nothing answers, instead of passing noise off as an answer', () => {
    for (const q of ['今天天气怎么样', '个人所得税怎么交', '', '   ', '😀😀😀', '？？？']) {
      expect(knowledge.retrieve(q).covered, q).toBe(false);
    }
  });

  it('does not answer for places beyond 南通 from local texts, but national rules hold everywhere', () => {
    for (const q of ['杭州的特色园区主攻方向', '杭州未来科技城的特色园区有哪些']) expect(knowledge.retrieve(q).covered, q).toBe(false);
    expect(knowledge.retrieve('深圳科技型中小企业评价多少分合格').covered).toBe(true);
    expect(knowledge.retrieve('通州在深圳办过什么招商活动').covered).toBe(true);
    expect(knowledge.retrieve('我们母公司是上海的高企，在南通新设的子公司能认定科创项目吗').covered).toBe(true);
  });

  it('does not answer another city\'s rewards or subsidies from a national text: no national text here sets one', () => {
    // the 工作指引's "激励奖励制度 (≤4分)" shares 高企 and 奖励 with the question; it is not 苏州's reward
    for (const q of ['苏州的高企奖励是多少', '无锡高企认定奖励多少钱', '杭州未来科技城人才引进补贴', '昆山高企有没有税收返还']) {
      const r = knowledge.retrieve(q);
      expect(r.covered, q).toBe(false);
      expect(r.uncovered, q).toBe('place');
    }
    // what a national text does set (recognition, its tax rate) holds in 苏州 as anywhere
    for (const q of ['苏州的企业能认定高企吗', '苏州高企有什么税收优惠']) expect(knowledge.retrieve(q).covered, q).toBe(true);
  });

  it('does not let a mis-cut or an unknown piece of phrasing count against the clause that answers', () => {
    // jieba cuts 设科创 and 会不会 → 不会; neither is a concept the corpus lacks
    const r = knowledge.retrieve('通州会不会设科创人才方面的子基金');
    expect(r.covered).toBe(true);
    expect(comparable(r.hits[0]!.clause.fullText)).toContain('探索设立科创人才专业子基金');
    // a year scopes the question: the paragraph that names 2027 answers, not rows that share its other words
    expect(inTop('到2027年南通要建多少个科技创新型特色园区', '全市科技创新型特色园区达到30个左右')).toBe(true);
    // a slip of the pen in a longer word (净姿产) is the one word of the texts a character away (净资产)
    expect(knowledge.store.variantOf('净姿产')).toBe('净资产');
    expect(knowledge.store.variantOf('设科创')).toBeUndefined();
    const slip = knowledge.retrieve('净姿产增长率怎么算');
    expect(slip.covered).toBe(true);
    expect(topTexts('净姿产增长率怎么算').some((t) => t.includes('净资产增长率'))).toBe(true);
  });

  it('calls a question covered only when the best clause gives the kind of answer asked for', () => {
    // the clause on the 东疆科技计划 exists, but states no amount
    const amount = knowledge.retrieve('启东东疆科技计划攻关项目每个补助多少钱');
    expect(amount.hits[0]!.clause.docId).toBe('qidong-2023-10');
    expect(amount.covered).toBe(false);
    expect(knowledge.retrieve('海门区科技局高企业务咨询电话是多少').covered).toBe(false);
    expect(knowledge.retrieve('通州区五接镇的镇长是谁').covered).toBe(false);
    // and a clause that states the figure is preferred and answers
    const firms = knowledge.retrieve('启东到2025年高企要达到多少家');
    expect(firms.covered).toBe(true);
    expect(comparable(firms.hits[0]!.clause.fullText)).toContain('高新技术企业数达到500家以上');
    expect(knowledge.retrieve('股东在外地拿过人才政策资助，要多少钱以上才符合科创项目条件').covered).toBe(true);
  });

  it('answers a question about a maximum only from a clause that states one, and office hours from none', () => {
    // the clauses on 通创币 and on 技改 state no cap: the nearest clause is not the maximum asked for
    expect(knowledge.retrieve('海门通创币一家企业一年最多能领多少').uncovered).toBe('figure');
    expect(knowledge.retrieve('启东技改贴息最多贴多少').uncovered).toBe('figure');
    // a clause that states the cap (≤4分, 不超过500人) answers
    expect(knowledge.retrieve('高企研发组织管理水平里，成果转化激励奖励制度这一条最多几分').covered).toBe(true);
    expect(knowledge.retrieve('科小企业人数营收上限是多少？？').covered).toBe(true);
    expect(knowledge.retrieve('南通市科技局的办公时间是几点到几点').uncovered).toBe('figure');
    // a firm's or a scheme's revenue, investment or R&D spend is an amount: only a clause stating one answers
    expect(knowledge.retrieve('南通海星电子去年营收多少').uncovered).toBe('figure');
    expect(knowledge.retrieve('拿到社会资本投资多少能认定科创项目').covered).toBe(true);
  });

  it('does not answer a question about one 区/县 from another county\'s plan', () => {
    expect(knowledge.retrieve('如皋市高新技术企业培育三年行动方案的目标是多少家').covered).toBe(false);
    expect(knowledge.retrieve('崇川区科技招商突破年实施方案给各街道的科创项目招引任务是多少').covered).toBe(false);
    expect(knowledge.retrieve('海门每年新增省级以上双创载体几家').covered).toBe(true);
  });

  it('never breaks on hostile input: FTS syntax, control characters, 10 KB questions', () => {
    const hostile = ['"', '""', 'NEAR(高企 科小)', '高企 AND OR NOT', '*', '(((', 'body:高企', '高企" OR "1"="1', '\u0000\u0007高企\u001b[31m',
      '高企'.repeat(5000), 'a'.repeat(10_240), '\u202e高企', '^高企$', '{"q": 1}'];
    for (const q of hostile) {
      const r = knowledge.retrieve(q);
      expect(r.hits.length).toBeLessThanOrEqual(3);
      expect(r.query.length).toBeLessThanOrEqual(500);
      expect(r.query).not.toMatch(/[\u0000-\u0008\u001b\u202e]/);
    }
  });
});

describe('ask (the extractive answer)', () => {
  it('answers with contract-shaped citations whose quotes are verbatim', () => {
    const r = knowledge.ask('高新技术企业科技人员占比要求');
    expect(r.covered).toBe(true);
    expect(r.citations.length).toBeGreaterThan(0);
    for (const c of r.citations) {
      Citation.parse(c);
      expect(knowledge.isReal(c)).toBe(true);
    }
    expect(r.answer).toContain(r.citations[0]!.path);
    expect(r.answer).toContain('国科发火〔2016〕32号');
  });

  it('says where a text comes from: a report is not a policy, an old plan may be outdated, a copy is not official', () => {
    const report = knowledge.ask('全市有多少家高新技术企业');
    expect(report.citations[0]!.sourceKind).toBe('report');
    expect(report.answer).toContain('新闻报道，不是政策文件');
    const haimen = knowledge.ask('海门高企培育的主要目标', { k: 1 });
    expect(haimen.answer).toContain('2022—2024');
    const kechuang = knowledge.ask('附件1第7条', { k: 1 });
    expect(kechuang.citations[0]!.partTitle).toBe('2023年南通市科创项目认定标准');
    expect(kechuang.answer).toContain('2023年版');
  });

  it('offers a person instead of an answer when the corpus is silent, and says why an empty question fails', () => {
    const r = knowledge.ask('深圳市人才公寓怎么申请');
    expect(r).toMatchObject({ covered: false, citations: [] });
    expect(r.answer).toContain('转人工');
    expect(knowledge.ask('').answer).toContain('问题是空的');
  });

  it('points to the closest clauses, as possibly related and not as the answer, when they hold only part of the question', () => {
    // the item names 东疆科技计划 among its measures; whether that says what the plan is, the decision is not sure
    const r = knowledge.ask('东疆科技计划是干什么的');
    expect(r).toMatchObject({ covered: false, citations: [] });
    expect(r.related.map((c) => c.clauseId)).toContain('qidong-2023-10#s3.p2.i4');
    expect(r.answer).toContain('不能确定回答了它');
    expect(r.answer).toContain('转人工');
    for (const c of r.related) expect(knowledge.isReal(c)).toBe(true);
    // never for a question about another place, a figure the clauses lack, or one that shares almost nothing
    for (const q of ['苏州工业园区新认定高企奖励多少钱', '启东东疆科技计划攻关项目每个补助多少钱', '明天南通天气怎么样']) {
      expect(knowledge.ask(q).related, q).toEqual([]);
    }
  });
});
