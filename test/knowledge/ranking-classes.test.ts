import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../knowledge/index.js';
import { asksPoints, asksTopTier, bandHolds, holdsTopTier, lineHolds, namedShare, scoreLineOf, valuesOf } from '../../knowledge/search/score-item.js';
import { gradeOf, revenueOf } from '../../knowledge/search/revenue-band.js';
import { numberedSetsAsked, withoutWhichOfSet } from '../../knowledge/search/whole-list.js';
import { cuesOf } from '../../knowledge/search/answer-cue.js';
import { ratesProposed, statesRateProposed } from '../../knowledge/search/proposed-figure.js';
import { comparable } from '../../knowledge/text/normalize.js';

// Classes of question the ranking missed on blind sets (issue 15, round 7), each asked here in other words than
// the blind sets': what must generalise is the class, not the sentence.
const knowledge = openKnowledge({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-ranking-')) });
const store = knowledge.store;
/** The rank (0-based) of the first clause quoting the snippet, -1 when none of the first ten does. */
const rankOf = (q: string, snippet: string) => knowledge.retrieve(q, { k: 10 }).hits.findIndex((h) => comparable(h.clause.fullText).includes(comparable(snippet)));
const inTop3 = (q: string, snippet: string) => {
  const at = rankOf(q, snippet);
  return at >= 0 && at < 3;
};
const clauseWith = (doc: string, text: string) => store.clausesOf(doc).find((c) => c.text === text && c.kind !== 'table')!;

describe('score tables: the line scoring the item named, the band holding the value given', () => {
  it('reads what a line of a scoring scheme scores, and the tiers of a band line', () => {
    const row = scoreLineOf(store, clauseWith('hnte-guidelines-2016-195', '知识产权\t≤30'))!;
    expect(row.names[0]!.words).toEqual(['知识产权']);
    expect(row.bands).toEqual([]);
    const band = scoreLineOf(store, clauseWith('tech-sme-2017-115', 'B. 25%(含)-30%(16分)'))!;
    expect(band.names[0]!.words).toContain('科技人员');
    expect(band.bands).toEqual([{ unit: '%', min: 25, max: 30, minIncluded: true, maxIncluded: false }]);
    const two = scoreLineOf(store, clauseWith('hnte-guidelines-2016-195', 'A. 1项及以上 (Ⅰ类)(7-8分) B. 5项及以上 (Ⅱ类)(5-6分)'))!;
    expect(two.bands.map((b) => [b.min, b.ipClass])).toEqual([[1, 'i类'], [5, 'ii类']]);
    // an item's name is what it scores, not that it is scored (科技成果指标 → 科技成果)
    expect(scoreLineOf(store, store.clausesOf('tech-sme-2017-115').find((c) => c.text.startsWith('3. 科技成果指标'))!)!.names[0]!.words).toEqual(['科技成果']);
    // a growth rate's tiers (≥35% … ≤0) are no points
    expect(scoreLineOf(store, store.clausesOf('hnte-guidelines-2016-195').find((c) => c.kind === 'row' && c.text.startsWith('增长率'))!)).toBeNull();
    // a paragraph stating the whole scheme's total is no line of it; nor is a heading
    expect(scoreLineOf(store, store.clausesOf('hnte-guidelines-2016-195').find((c) => c.text.startsWith('企业创新能力主要从'))!)).toBeNull();
  });

  it('a value is in a tier of its unit, its ends and its class', () => {
    const band = scoreLineOf(store, clauseWith('tech-sme-2017-115', 'B. 25%(含)-30%(16分)'))!.bands[0]!;
    expect(valuesOf('研发人员比例26.5%').some((v) => bandHolds(band, v))).toBe(true);
    expect(valuesOf('占比25%').some((v) => bandHolds(band, v))).toBe(true);
    expect(valuesOf('占比30%').some((v) => bandHolds(band, v))).toBe(false);
    expect(valuesOf('有28个').some((v) => bandHolds(band, v))).toBe(false);
    expect(valuesOf('3个发明专利')).toEqual([{ unit: '项', value: 3, ipClass: 'i类' }]);
    expect(valuesOf('2项外观设计专利')).toEqual([{ unit: '项', value: 2, ipClass: 'ii类' }]);
    expect(valuesOf('80个员工里有20个人搞研发')).toEqual([]);
    // open tiers overlap: 4 items reach ≥4项, not the ≥3项 or ≥1项 below it
    const transfer = (text: string) => scoreLineOf(store, store.clausesOf('hnte-guidelines-2016-195').find((c) => c.text.startsWith(text) && c.kind === 'item')!)!;
    const four = valuesOf('转化了4项成果')[0]!;
    expect(lineHolds(transfer('A. 转化能力强'), four)).toBe(true);
    expect(lineHolds(transfer('C. 转化能力一般'), four)).toBe(false);
    expect(lineHolds(transfer('E. 转化能力弱'), four)).toBe(false);
  });

  it('the share of a line’s name the question names, counting 研发 for 研究开发', () => {
    const line = scoreLineOf(store, clauseWith('hnte-guidelines-2016-195', '研究开发组织管理水平\t≤20'))!;
    expect(namedShare(line, '研发组织管理水平占几分', ['研究', '开发'])).toBe(1);
    expect(namedShare(line, '组织管理这块占几分', [])).toBeLessThan(1);
  });

  it('asks for points, not for money or a count', () => {
    expect(asksPoints('成果转化这项能得几分')).toBe(true);
    expect(asksPoints('知识产权满分是多少')).toBe(true);
    expect(asksPoints('补贴能拿多少')).toBe(false);
    expect(asksPoints('每年招多少个项目')).toBe(false);
  });

  it('ranks the row of the item named, not the rows that merely share its words', () => {
    expect(inTop3('高企打分时知识产权这一大项总分多少', '知识产权 | ≤30 |')).toBe(true);
    expect(inTop3('高企企业成长性满分是几分', '企业成长性 | ≤20 |')).toBe(true);
    expect(inTop3('研发组织管理那一项高企最高给多少分', '研究开发组织管理水平 | ≤20')).toBe(true);
  });

  it('ranks the band a value falls in, under the item named', () => {
    expect(inTop3('科小评价，研发人员占职工总数22%，科技人员指标几分', 'C. 20%(含)-25%(12分)')).toBe(true);
    expect(inTop3('科小评价，研发费用占销售收入4.5%，这项得分多少', 'C. 4%(含)-5%(30分)')).toBe(true);
    expect(inTop3('高企知识产权数量，我们有3个外观设计专利，能打几分', 'C. 3~4项 (Ⅱ类)(3-4分)')).toBe(true);
    expect(inTop3('科小评价里2个发明专利，科技成果指标几分', 'A. 1项及以上Ⅰ类知识产权(30分)')).toBe(true);
  });
});

describe('which class: the clause sorting things into classes', () => {
  it('ranks the 指引’s sorting (…按Ⅱ类评价) over the tiers that count a class', () => {
    // 软著 is not the texts' word: only the synonyms find the clause, which the tiers' 知识产权 then outnumbers
    for (const q of ['软著是算一类知识产权还是二类知识产权', '软著属于哪类知识产权', '软著知识产权算哪一类']) {
      expect(inTop3(q, '实用新型专利、外观设计专利、软件著作权等（不含商标）按Ⅱ类评价'), q).toBe(true);
    }
  });
});

describe('what are the conditions of X: the clause introducing the list of them', () => {
  it('ranks 第十一条 (须同时满足以下条件) first for 高企, 第六条 for 科小', () => {
    const first = (q: string) => knowledge.retrieve(q, { k: 3 }).hits[0]!.clause.id;
    expect(first('高企认定条件是什么')).toBe('hnte-measures-2016-32#ch3.a11');
    expect(first('高企的认定条件有哪些')).toBe('hnte-measures-2016-32#ch3.a11');
    expect(first('科技型中小企业评价条件有哪些')).toBe('tech-sme-2017-115#h1.ch2.a6');
  });

  it('not when the question asks about one condition: the item answers', () => {
    const top = knowledge.retrieve('兼职人员能不能算进科技人员，有啥条件', { k: 3 }).hits.map((h) => h.clause.id);
    expect(top).not.toContain('hnte-measures-2016-32#ch3.a11');
    expect(top).not.toContain('tech-sme-2017-115#h1.ch2.a6');
  });
});

describe('a park named with a sector: its own row before the other parks of the sector', () => {
  it('吕四港经济开发区的新材料 ranks 吕四港’s row first', () => {
    const first = knowledge.retrieve('吕四港经济开发区特色园区主攻啥，新材料包括哪些', { k: 3 }).hits[0]!.clause;
    expect(first.text).toContain('吕四港经济开发区：临港高端装备制造');
  });
});

describe('a numbered set (四有, 五级): the clause naming it and listing its members', () => {
  it('reads the sets a question asks the members of', () => {
    expect(numberedSetsAsked('五级梯次分别是哪五级')).toEqual([{ name: '五级', members: 5 }]);
    expect(numberedSetsAsked('“四有型”企业指的是什么')).toEqual([{ name: '四有', members: 4 }]);
    // a span of years, a class, a count are no sets; nor is a set named without asking its members
    expect(numberedSetsAsked('高企三年行动方案是哪年发的')).toEqual([]);
    expect(numberedSetsAsked('软著是二类还是一类')).toEqual([]);
    expect(numberedSetsAsked('五级梯次机制建立了')).toEqual([]);
    expect(withoutWhichOfSet('四有是哪四有')).toBe('四有是 ');
  });

  it('ranks the list of the set’s members', () => {
    expect(inTop3('企业梯次培育的五级都有哪些', '泛科技型企业—科技型中小企业')).toBe(true);
    for (const q of ['海门说要招“四有”企业，是哪四有', '海门科技招商讲的四有指什么']) {
      expect(inTop3(q, '有高科技含量、有高层次人才、有高成长潜力、有社会资本关注'), q).toBe(true);
    }
  });

  it('a place’s own set is not answered by another place’s list of the same name', () => {
    const first = knowledge.retrieve('海门的五级梯次培育库是哪几个库', { k: 3, jurisdiction: '海门区' }).hits[0]!.clause;
    expect(first.docId).toBe('haimen-2022-gaoqi');
  });
});

describe('a whole place’s target, not a row counting a sub-category', () => {
  it('海门’s 2024 高企 target is the plan’s own figure (全区有效高新技术企业达400家)', () => {
    for (const q of ['按海门高企三年行动方案，2024年全区高企总数目标多少家', '海门高企三年行动方案到期末全区高企数量达到几家']) {
      const first = knowledge.retrieve(q, { k: 3, jurisdiction: '海门区' }).hits[0]!.clause;
      expect(comparable(first.fullText), q).toContain(comparable('全区有效高新技术企业达400家'));
    }
  });

  it('“到2024年底” is a target’s deadline; “2023年底有多少” asks the state then, which no target row answers', () => {
    expect(knowledge.retrieve('南通2023年底有多少家高企', { k: 3 }).records).toBeUndefined();
  });

  it('a word inside a longer quoted name (“高企贷”) is not what a target counts; a quoted name asked whole is', () => {
    const first = (q: string, j: string) => knowledge.retrieve(q, { k: 3, jurisdiction: j }).hits[0]!.clause.fullText;
    expect(first('海门高企三年行动方案 全区高企数量目标', '海门区')).not.toContain('高企贷');
    expect(first('启东新增专精特新企业的目标多少家', '启东市')).toContain('专精特新');
  });
});

describe('which members: a clause listing them', () => {
  it('创新能力评价包括哪些方面 ranks the sentence listing the four', () => {
    expect(inTop3('高企的企业创新能力评价包括哪些方面', '知识产权、科技成果转化能力、研究开发组织管理水平、企业成长性')).toBe(true);
  });
});

describe('which park: the row the question points at, first (issue 15, round 8)', () => {
  const firstRow = (q: string) => knowledge.retrieve(q, { k: 3 }).hits[0]!.clause.fullText;

  it('among parks fitting the sector alike, the one writing the asker’s own words (高端碳材料, PE新材料) comes first', () => {
    expect(firstRow('高端碳材料项目落在哪个特色园区好')).toContain('通州湾示范区');
    expect(firstRow('PE新材料的项目放哪个园区')).toContain('吕四港经济开发区');
  });

  it('a park of the place the question names (吕四港, 海门, 崇川) before better fits elsewhere', () => {
    expect(firstRow('吕四港那块有适合新材料企业的园区吗')).toContain('吕四港经济开发区');
    expect(firstRow('海门那边做合成生物的去哪个园区')).toContain('海门临江');
    expect(firstRow('崇川有没有适合人工智能企业的特色园区')).toContain('崇川开发区');
  });

  it('a park named as people shorten it (吕四港园区, 通州湾那边) is asked about by name', () => {
    expect(firstRow('吕四港园区聚焦哪些赛道')).toContain('吕四港经济开发区');
    expect(firstRow('通州湾那边定位做什么产业')).toContain('通州湾示范区');
  });

  it('南通 in 南通高新区 is the city, not a place narrowing the parks', () => {
    expect(firstRow('做高端算力和推理算力的企业，南通哪个园区合适')).toContain('南通创新区');
  });
});

describe('who holds a post: the roster line of the post named', () => {
  it('组长 is the 组长’s line, not the 副组长’s that also holds the word; 副组长 is the deputy’s', () => {
    const first = (q: string) => comparable(knowledge.retrieve(q, { k: 3 }).hits[0]!.clause.text);
    expect(first('海门区高企培育工作领导小组的组长由哪位担任')).toMatch(/^组长:/u);
    expect(first('海门高企领导小组的副组长是谁')).toMatch(/^副组长:/u);
  });
});

describe('which field: the group naming the class and its items', () => {
  it('a field question ranks the group (301 航空技术 with its items) before the one item it holds', () => {
    const first = (q: string) => knowledge.retrieve(q, { k: 3 }).hits[0]!.clause;
    for (const [q, group] of [['无人机属于高新技术领域哪一类', '301 航空技术'], ['工业机器人在高新技术领域哪个二级目录下面', '804 先进制造工艺与装备'], ['核能技术属于高新技术领域哪一块', '602 核能及氢能']]) {
      expect(first(q!).text, q).toBe(group);
    }
  });
});

describe('when: the clause stating the month or the day', () => {
  it('几月份之前, 哪个月: the clause with the date (每年5月底前, 2021年4月) before those sharing only the words', () => {
    const first = (q: string) => knowledge.retrieve(q, { k: 3 }).hits[0]!.clause.text;
    expect(first('高企年报要在几月份之前填')).toContain('5月底前');
    expect(first('创新30条哪一年哪个月出台的')).toContain('2021年4月');
  });
});

describe('a rule graded by sales: the grade holding the asker’s revenue', () => {
  it('reads the revenue a question gives, in 万元, and a grade’s band', () => {
    expect(revenueOf('年销售额八千万的企业')).toBe(8000);
    expect(revenueOf('营业收入3亿元的公司')).toBe(30000);
    expect(revenueOf('我们去年营收3000w左右')).toBe(3000);
    expect(revenueOf('营收超过2亿')).toBeGreaterThan(20000);
    expect(revenueOf('研发费用占比5%，职工80个')).toBeUndefined();
    const grade = (text: string) => gradeOf(store, clauseWith('hnte-measures-2016-32', text));
    expect(grade('2. 最近一年销售收入在5,000万元至2亿元（含）的企业，比例不低于4%；')).toEqual({ min: 5000, max: 20000, minIncluded: false, maxIncluded: true });
    // a lone ceiling bounds who may apply and grades nothing
    expect(gradeOf(store, store.clausesOf('tech-sme-2017-115').find((c) => c.text.includes('年销售收入不超过2亿元'))!)).toBeUndefined();
  });

  it('the grade’s own line comes first, before the rule quoting all three', () => {
    const first = (q: string) => knowledge.retrieve(q, { k: 3 }).hits[0]!.clause.text;
    expect(first('年销售额八千万的企业，高企研发费用占比要达到多少')).toContain('比例不低于4%');
    expect(first('营业收入3亿元的公司 研发费用比例多少才行')).toContain('比例不低于3%');
    expect(first('公司一年营收四千万 高企研发费用比例是多少')).toContain('比例不低于5%');
  });
});

describe('how many entries a classification has: the line stating its counts', () => {
  it('几大类, 几个二级 of the field catalogue, named by its title’s end, is answered by its counts line', () => {
    for (const q of ['高新技术领域一共分几大类', '国家重点支持的高新技术领域下面有多少个二级']) {
      const r = knowledge.retrieve(q, { k: 3 });
      expect(r.hits[0]!.clause.text).toMatch(/^Counts: 8 level-1, 52 level-2/u);
    }
    // a count asked of a catalogue the question does not name is not this one's
    expect(knowledge.retrieve('科技型中小企业评价有几大类指标', { k: 3 }).hits.some((h) => h.clause.text.startsWith('Counts:'))).toBe(false);
  });
});

describe('a plan’s target: the plan’s item before the task table’s row summing it up', () => {
  it('每年引进几个人才团队, 贷款余额超多少: the item stating its own target first, the row next', () => {
    for (const [q, item] of [
      ['海门领军型人才团队项目每年引进多少个', '（六）集聚创新创业人才'],
      ['海门科技金融的贷款余额要做到几个亿', '（八）做优科技金融服务'],
    ] as const) {
      const hits = knowledge.retrieve(q, { k: 3 }).hits;
      expect(hits[0]!.clause.text.startsWith(item)).toBe(true);
      expect(hits.slice(1).some((h) => h.clause.kind === 'row')).toBe(true);
    }
  });

  it('an item only naming the task, with no target in the row’s units, leaves the row first', () => {
    // （七）加强知识产权创造 counts no 家; the row's 800家 is the only target
    expect(knowledge.retrieve('海门有知识产权的泛科技型企业要达到多少家', { k: 3 }).hits[0]!.clause.kind).toBe('row');
  });
});

describe('who leads: the sentence giving an office the charge, before the task-table rows naming it in a cell', () => {
  it('哪个单位牵头, 由哪个部门统筹: 市科技局负责统筹推进…, not a row whose own cell names 市科技局', () => {
    for (const q of ['特色园区工作归哪个单位牵头', '南通的特色园区由哪个部门统筹推进']) expect(rankOf(q, '市科技局负责统筹推进全市科技创新型特色园区建设')).toBe(0);
  });
});

describe('when a body meets: the clause stating its meetings, before the ones setting it up', () => {
  it('多久开一次会: 定期会议一般每年两次（每年9月上旬和3月上旬…）', () => {
    expect(rankOf('海门的高企领导小组多久开一次会', '定期会议一般每年两次')).toBe(0);
  });
});

describe('a bound asked: the clause setting it, before those only naming the measure', () => {
  it('营收上限, 有没有封顶: (二)职工总数不超过500人、年销售收入不超过2亿元…', () => {
    for (const q of ['科技型中小企业年销售收入上限是多少', '科小的营收有没有封顶']) expect(rankOf(q, '年销售收入不超过2亿元')).toBe(0);
  });
});

describe('a count so far: 一共, 总共 ask what has been reached, as 已经, 目前 do', () => {
  it('全市高企一共几家: the report (目前全市高企达到2370家) first; 现在 alone asks today’s rule, not a count', () => {
    expect(cuesOf('全市高企一共几家').map((c) => c.name)).toContain('state so far');
    expect(cuesOf('研发费用加计扣除现在是按百分之多少').map((c) => c.name)).not.toContain('state so far');
    expect(rankOf('全市高企一共几家', '目前全市高企达到2370家')).toBe(0);
  });
});

describe('a rule restated years later: the text in force first, unless the older text is asked', () => {
  it('无形资产摊销比例: the 2023 announcement’s 200% before the 2019 regulation’s 150%; 实施条例原来 keeps the article', () => {
    expect(rankOf('研发费用形成无形资产以后税前摊销比例是多少', '按照无形资产成本的200%在税前摊销')).toBe(0);
    expect(rankOf('实施条例原来规定无形资产按多少摊销', '第九十五条')).toBe(0);
  });
});

describe('an article before its paragraph that holds the question only through the article’s opening', () => {
  it('小微企业所得税税率: 第二十八条 符合条件的小型微利企业，减按20％…, not its 高企 15% paragraph', () => {
    for (const q of ['小微企业所得税按多少税率交', '小微企业的企业所得税税率是多少']) expect(rankOf(q, '符合条件的小型微利企业，减按20％')).toBe(0);
  });
});

describe('a rate the asker proposes to check: the clause stating that very rate first', () => {
  it('reads 百分之二十五 and 25％ as one rate, and only when the question checks it', () => {
    expect(ratesProposed('高企税率是百分之十五吧')).toEqual([15]);
    expect(ratesProposed('加计扣除是不是100%')).toEqual([100]);
    expect(ratesProposed('加计扣除比例百分之几')).toEqual([]);
    expect(statesRateProposed('企业所得税的税率为25％。', [25])).toBe(true);
    expect(statesRateProposed('减按20％的税率征收企业所得税。', [25])).toBe(false);
  });

  it('企业所得税 是25%吧: 第四条 税率为25％, not the 20％ or 15％ reductions', () => {
    for (const q of ['企业所得税的税率一般是25%吧', '企业所得税税率是不是百分之二十五']) expect(rankOf(q, '企业所得税的税率为25％')).toBe(0);
  });
});

describe('the top tier asked (最高档): the line of the top tier, before the rule of counting', () => {
  it('reads which band line holds its scheme’s top tier', () => {
    const top = scoreLineOf(store, store.clausesOf('hnte-guidelines-2016-195').find((c) => c.text.startsWith('A. 转化能力强'))!)!;
    const low = scoreLineOf(store, store.clausesOf('hnte-guidelines-2016-195').find((c) => c.text.startsWith('E. 转化能力弱'))!)!;
    expect([holdsTopTier(top), holdsTopTier(low)]).toEqual([true, false]);
    expect([asksTopTier('要几项才能拿最高一档'), asksTopTier('成果转化怎么打分')]).toEqual([true, false]);
  });

  it('成果转化 每年平均几项才能进最高档: ≥5项 (25-30分), not 近3年内…年平均数', () => {
    for (const q of ['科技成果转化近三年平均每年几项能评最高档', '高企科技成果转化 平均每年要转化几项才算最高等级']) expect(rankOf(q, '转化能力强, ≥5项')).toBe(0);
  });
});

describe('the whole place’s target asked: the plan’s sentence before the table breaking it down by township', () => {
  it('通州科技招商 全区/一共 招多少科创项目: 新招引科创项目180个以上，其中高新技术企业20家, not 五接镇’s row', () => {
    for (const q of ['通州23年科技招商突破年 科创项目总目标是多少个，高企几家', '通州科技招商突破年全区科创项目一共招引多少，其中高新技术企业几家']) expect(rankOf(q, '新招引科创项目180个以上')).toBe(0);
  });

  it('a township named keeps its own row first', () => {
    expect(rankOf('通州科技招商突破年 五接镇总共要招几个科创项目', '五接镇')).toBe(0);
  });
});
