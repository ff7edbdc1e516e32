import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openLookupKnowledge } from '../../cli/lookup-knowledge.js';
import { cuesOf } from '../../knowledge/search/answer-cue.js';
import { answerKindsOf } from '../../knowledge/search/answer-kind.js';
import { schemeOfConditions } from '../../knowledge/search/scheme-conditions.js';
import { cityFigureOfCounty, firmFigureAsked, firmStatusAsked, withFullYears, yearsNamed } from '../../knowledge/search/scope.js';
import { comparable } from '../../knowledge/text/normalize.js';

// The lookups issue 15 found declined or answered wrong, as new users asked them, and the guarantees beside them.
const knowledge = openLookupKnowledge({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-lookups-')) });
const quotes = (q: string, options = {}) => knowledge.ask(q, options).citations.map((c) => comparable(c.quote));
const inTop = (q: string, snippet: string, n = 3) => quotes(q).slice(0, n).some((t) => t.includes(comparable(snippet)));
/** The ranking alone, whatever the answerability decision makes of it. */
const ranked = (q: string, snippet: string, n = 3) => knowledge.retrieve(q, { k: n }).hits.some((h) => comparable(h.clause.fullText).includes(comparable(snippet)));

describe('lookups that answer', () => {
  it('高企有什么好处: the benefits, with 企业所得税法第二十八条, and the offer of the check', () => {
    const r = knowledge.ask('高企有什么好处');
    expect(r.covered).toBe(true);
    expect(r.answer).toContain('减按15%税率');
    expect(r.citations.some((c) => c.docId === 'cit-law-2018' && comparable(c.quote).includes(comparable('减按15％的税率')))).toBe(true);
    expect(r.answer).toContain('评估');
  });

  it('我是海归博士，个人出资的，算不算市外招引: 解释说明1, and the offer of the check', () => {
    const r = knowledge.ask('我是海归博士，个人出资的，算不算市外招引？');
    expect(r.covered).toBe(true);
    expect(inTop('我是海归博士，个人出资的，算不算市外招引？', '或为海外人才、市外高校院所任职')).toBe(true);
    expect(r.answer).toContain('评估');
  });

  it('通州区科技招商工作领导小组组长是谁 is answered as “由谁任组长” is', () => {
    for (const q of ['通州区科技招商工作领导小组组长是谁？', '通州区科技招商工作领导小组由谁任组长']) {
      expect(knowledge.ask(q).covered, q).toBe(true);
      expect(inTop(q, '由区人民政府区长任组长'), q).toBe(true);
    }
  });

  it("海门's 2024 高企 target is the 400, not the 雏鹰/瞪羚 row", () => {
    const r = knowledge.ask('海门2024年高企目标是多少');
    expect(r.covered).toBe(true);
    expect(comparable(r.citations[0]!.quote)).toContain(comparable('全区有效高新技术企业达400家'));
    expect(r.answer).toContain('海门区2024年目标：全区有效高新技术企业达400家');
  });

  it('a sector named inside a longer 主攻方向 phrase finds its park, the row cited with its header', () => {
    const r = knowledge.ask('做合成生物的去哪个园区');
    expect(r.covered).toBe(true);
    const parks = r.citations.map((c) => c.path);
    expect(parks.every((p) => p.includes('空间布局'))).toBe(true);
    expect(r.answer).toMatch(/如皋高新区（如皋市）主攻方向：合成生物/u);
    expect(knowledge.ask('磁性材料企业适合落户哪个园区').answer).toMatch(/海安高新区（海安市）主攻方向：新型储能、新材料（铝镁合金、磁性材料）/u);
    expect(knowledge.ask('无人机企业去哪个园区').answer).toContain('港闸开发区');
  });

  it('a task table row answers who leads, with its 牵头部门 and 时限', () => {
    const r = knowledge.ask('未来产业母基金由谁牵头');
    expect(r.covered).toBe(true);
    expect(r.answer).toContain('牵头部门：市科技局、财政局');
    expect(comparable(r.citations[0]!.quote)).toContain(comparable('联合设立未来产业母基金'));
  });

  it("a document's 文号 and date, from its cover matter", () => {
    expect(knowledge.ask('南通培育特色园区方案的文号').answer).toContain('文号：通政办发〔2024〕37号');
    expect(inTop('南通特色园区行动方案是哪天印发的', '2024年11月15日', 1)).toBe(true);
  });
});

describe('odd input', () => {
  it('a long run of characters no text uses is looked up in words no longer than the corpus has, not at every length', () => {
    const lookups = vi.spyOn(knowledge.store, 'documentFrequency');
    expect(knowledge.retrieve('a'.repeat(2000)).covered).toBe(false);
    // 24 lengths at most from each start: about 11,000 lookups; every length from every start is over 120,000
    expect(lookups.mock.calls.length).toBeLessThan(30_000);
    lookups.mockRestore();
  });
});

describe('guarantees kept', () => {
  it('never covered for another place, another period, or a figure the clauses lack', () => {
    expect(knowledge.ask('苏州的高企培育库有什么好处').covered).toBe(false);
    expect(knowledge.ask('海门2030年高企目标是多少').covered).toBe(false);
    expect(knowledge.ask('启东对首次认定的高企给多少奖励').covered).toBe(false);
    expect(knowledge.ask('深圳的特色园区去哪个').covered).toBe(false);
    expect(knowledge.ask('常熟高企培育库入库奖励').covered).toBe(false);
    expect(knowledge.ask('通州区科技招商经费预算有多少').covered).toBe(false);
  });

  it("a unit the question names places it in its county: 南通高新区 is 通州's, not answered by 海门's plan", () => {
    const r = knowledge.retrieve('南通高新区2024年科创项目招引任务数');
    expect(r.covered).toBe(false);
    expect(r.uncovered).toBe('place');
  });
});

describe("the decision's evidence, read as owners write", () => {
  it('coverage over the words the texts use leaves out the asker\'s own (法定), and a national clause on the scheme named counts', () => {
    const e = knowledge.retrieve('企业所得税法定税率多少').evidence!;
    expect(e.knownCoverage).toBe(1);
    expect(e.coverage).toBeLessThan(0.7);
    expect(e.nationalScheme).toBe(1);
    expect(knowledge.retrieve('通州区科技招商工作领导小组组长是谁').evidence!.nationalScheme).toBe(0);
    // a national clause alone is not enough: the question must name the scheme
    const unnamed = knowledge.retrieve('小型微利企业是指什么').evidence!;
    expect([unnamed.national, unnamed.nationalScheme]).toEqual([1, 0]);
  });
});

describe('rules that decide before the model, read as people write', () => {
  it('a year written short is the year: 24年 is 2024, a span is no year', () => {
    expect(withFullYears('海门24年高企目标多少家')).toBe('海门2024年高企目标多少家');
    expect(yearsNamed('26年度的招引任务')).toEqual([2026]);
    for (const span of ['成立满15年的企业', '近20年', '有效期20年以上', '10年内', '公司成立15年能申报科小吗', '我们办了16年了', '做了20年的历史']) expect(yearsNamed(span), span).toEqual([]);
    const r = knowledge.ask('海门24年有效高企目标多少家');
    expect(r.covered).toBe(true);
    expect(comparable(r.citations[0]!.quote)).toContain(comparable('全区有效高新技术企业达400家'));
    // 海门's plan runs 2022–2024: its figures are not 2026's, whatever another text says of 2026
    expect(knowledge.retrieve('海门26年科创项目招引数').uncovered).toBe('period');
    expect(knowledge.retrieve('海门2023年科创项目招引数').covered).toBe(true);
    // 几个高新区 says which zones a report's figure is of, not a count asked of a plan's targets
    expect(knowledge.retrieve('南通几个高新区2022年拿了多少省财政奖励？').covered).toBe(true);
    expect(ranked('南通几个高新区2022年拿了多少省财政奖励？', '4100万元省财政奖励')).toBe(true);
  });

  it('什么时候前出台 asks a task\'s 完成时限', () => {
    const r = knowledge.retrieve('特色园区专项产业规划要在什么时候前完成');
    expect(r.records?.kind).toBe('task');
    expect(r.records?.rows[0]!.line).toContain('时限');
  });

  it('an item that names its 责任单位 answers who leads it, for its own place only', () => {
    const r = knowledge.ask('启东企业研发平台建设由哪个部门负责');
    expect(r.covered).toBe(true);
    expect(r.answer).toContain('责任单位：市发展改革委、科技局，各区镇');
    const talent = knowledge.retrieve('启东领军人才引进归谁管');
    expect(talent.covered).toBe(true);
    expect(talent.hits[0]!.clause.docId).toBe('qidong-2023-10');
    expect(talent.records?.rows.every((row) => row.clauseId.startsWith('qidong-2023-10'))).toBe(true);
  });

  it('比例要多少 asks a rate as 比例是多少 does', () => {
    expect(answerKindsOf('高企研发费用比例要多少').map((k) => k.name)).toContain('rate');
    // a rate named to check is asked (按15%交吗); named while asking when it applies, it is known, and the time is asked
    expect(answerKindsOf('高企所得税是不是按15%交').map((k) => k.name)).toContain('rate');
    expect(answerKindsOf('证书12月份才发下来，当年能不能按15%交税').map((k) => k.name)).not.toContain('rate');
    // a day asked is stated only by a clause giving a day, never by one giving the month alone
    const day = answerKindsOf('第十九届高洽会具体是11月几号开').find((k) => k.name === 'day')!;
    expect(day.holds('通州区第十九届高端产业与高层次人才项目合作洽谈会 2023年11月')).toBe(false);
    expect(day.holds('2024年11月15日印发')).toBe(true);
    expect(answerKindsOf('今年高企申报 截止日期是哪天').map((k) => k.name)).toContain('day');
    expect(knowledge.retrieve('第十九届高洽会具体是11月几号开').covered).toBe(false);
    // so is a month: a clause naming the scheme without its calendar does not say when
    const month = answerKindsOf('科小评价每年几月份开始填报').find((k) => k.name === 'month')!;
    expect(month.holds('企业在填报上一年及当年内未发生重大安全、重大质量事故')).toBe(false);
    expect(month.holds('每年9月上旬和3月上旬各召开一次')).toBe(true);
  });

  it('哪个平台负责 asks who, not where online', () => {
    expect(answerKindsOf('成果转化由哪个平台负责统筹').map((k) => k.name)).not.toContain('web');
    expect(answerKindsOf('高企在哪个平台申报').map((k) => k.name)).toContain('web');
    expect(knowledge.retrieve('通州科技成果转化由哪个平台统筹负责').covered).toBe(true);
  });

  it('a figure asked of a list is its item, not the attachment quoting the list', () => {
    const r = knowledge.retrieve('科创项目认定时属地国资最多能占多少比例');
    expect(r.covered).toBe(true);
    expect(comparable(r.hits[0]!.clause.fullText)).toContain(comparable('属地国有资本占比不超过10%'));
  });

  it("the whole city's figure is not a county's: 海门's 全区 count does not answer 南通全市", () => {
    const row = [...knowledge.store.clauses.values()].find((c) => c.docId === 'haimen-2022-gaoqi' && c.kind === 'row' && c.text.includes('全区累计培育雏鹰企业'))!;
    expect(cityFigureOfCounty(knowledge.store, row, '南通全市雏鹰企业累计有多少家')).toBe(true);
    expect(cityFigureOfCounty(knowledge.store, row, '海门雏鹰企业累计有多少家')).toBe(false);
    expect(cityFigureOfCounty(knowledge.store, row, '南通全市雏鹰企业由谁负责培育')).toBe(false);
  });

  it('…了多少 of an event asks what came of it: a plan\'s row does not say, a report of the state so far does', () => {
    expect(answerKindsOf('江海风云赛总决赛签了多少项目').map((k) => k.name)).toContain('outcome');
    expect(knowledge.retrieve('江海风云赛总决赛签了多少项目').covered).toBe(false);
    expect(knowledge.retrieve('全市认定了多少个招引科创项目').covered).toBe(true);
  });

  it('a reward or subsidy asked in sums needs a sum the text grants, not a threshold of a condition nor 给予奖励', () => {
    for (const q of ['通州孵化器认定为省级后 奖多少', '启东东疆科技计划攻关项目 每个补助具体多少万', '海门通创币 一年能领多少', '2023年南通科创项目认定后，企业能拿多少奖励']) {
      expect(answerKindsOf(q).map((k) => k.name), q).toContain('award');
      expect(knowledge.retrieve(q).covered, q).toBe(false);
    }
    // a threshold asked is no award; a sum granted answers
    for (const q of ['股东在外地拿过人才政策资助，要多少钱以上才符合科创项目条件', '海门区知识产权质押融资贴息比例是多少']) expect(answerKindsOf(q).map((k) => k.name), q).not.toContain('award');
    for (const q of ['建成省企业重点实验室 市里奖多少', '市区新认定高企免申即享能拿多少奖励']) expect(knowledge.retrieve(q).covered, q).toBe(true);
  });

  it('补多少 and 能给到多少 ask a sum granted as 补助多少 does; 补缴多少 and 给多少分 do not', () => {
    for (const q of ['攻关项目每个补多少钱', '重大项目一事一议最多能给到多少']) {
      expect(answerKindsOf(q).map((k) => k.name), q).toContain('award');
      expect(knowledge.retrieve(q).uncovered, q).toBe('figure');
    }
    for (const q of ['高企被取消了要补缴多少税款', '科技人员那项能给多少分']) expect(answerKindsOf(q).map((k) => k.name), q).not.toContain('award');
  });

  it('多少个点 asks a rate as 几个点 does; 现在有多少 asks the state so far, which a plan\'s target does not give', () => {
    expect(answerKindsOf('技改贴息能贴多少个点').map((k) => k.name)).toEqual(expect.arrayContaining(['rate', 'benefit rate']));
    expect(answerKindsOf('通州现在一共有多少家高企').map((k) => k.name)).toContain('outcome');
    expect(knowledge.retrieve('通州现在一共有多少家高企').covered).toBe(false);
    expect(knowledge.retrieve('南通全市现在一共有多少家高企').covered).toBe(true);
  });

  it('有没有奖励 needs a clause that grants: a target for the thing or its name is no reward', () => {
    expect(answerKindsOf('科技型中小企业入库以后区里有没有奖励').map((k) => k.name)).toContain('grant');
    expect(answerKindsOf('高企奖励多少').map((k) => k.name)).not.toContain('grant');
    // the best clause is 通州's target row (科技型中小企业入库评价600家), which grants nothing
    expect(knowledge.retrieve('通州区科技型中小企业入库成功了区里有奖励吗').uncovered).toBe('figure');
    expect(knowledge.retrieve('中小企业买检测服务启东有补贴吗').covered).toBe(true);
    // 政策支持 alone is said of any policy, and a sum the asker must have had is a condition, not a reward
    const grant = answerKindsOf('通州认定高企有奖励吗').find((k) => k.name === 'grant')!;
    expect(grant.holds('项目股东在南通市外地区获评资助总额超30万元的县、市级及以上科技人才政策支持；')).toBe(false);
    expect(grant.holds('通过政府补贴等方式，鼓励中小企业购买公共服务')).toBe(true);
  });

  it('出台了吗 needs a clause reporting the policy out, not a plan to issue it (加快出台)', () => {
    expect(answerKindsOf('未来产业专项政策现在出台了没有').map((k) => k.name)).toContain('issued');
    for (const q of ['研发费用占比我自己算得出来吗', '高企认定办法刚出台没多久，现在还能按老办法吗']) expect(answerKindsOf(q).map((k) => k.name), q).not.toContain('issued');
    for (const q of ['高企名单出来了没', '南通人才新政发布了没']) expect(answerKindsOf(q).map((k) => k.name), q).toContain('issued');
    expect(knowledge.retrieve('未来产业专项政策现在出台了没有').uncovered).toBe('figure');
    expect(knowledge.retrieve('创新30条出台了吗').covered).toBe(true);
  });

  it('怎么申请 / 如何补办 / 怎么领取 need the steps, which only 高企 and 科小 have; 怎么办 asks what to do', () => {
    for (const q of ['科技创新券怎么领取', '发明专利预审通道如何申请']) {
      expect(answerKindsOf(q).map((k) => k.name), q).toContain('procedure');
      expect(knowledge.retrieve(q).covered, q).toBe(false);
    }
    expect(answerKindsOf('公司改名了，高企证书怎么办').map((k) => k.name)).not.toContain('procedure');
    // an act other than applying must be the clause's own: 第十七条's 向认定机构报告 is not how a lost certificate is replaced
    expect(knowledge.retrieve('高企证书遗失了如何补办').uncovered).toBe('figure');
    expect(knowledge.retrieve('高企认定怎么申请').covered).toBe(true);
  });

  it('the contents of a document the texts only cite (…评价办法, …认定办法) are not in the corpus; which one applies is', () => {
    for (const q of ['南通沿江科创带建设评价办法里都考核啥指标', '江苏省级特色产业园区认定办法']) expect(knowledge.retrieve(q).uncovered, q).toBe('concept');
    for (const q of ['启东沿江科创带对照哪个评价办法', '高企认定办法对研发费用有什么要求', '科技型中小企业评价办法第六条']) expect(knowledge.retrieve(q).covered, q).toBe(true);
    // a 工作指引 is such a title too: the 科小 服务工作指引 is only cited, the 高企 认定管理工作指引 is held
    for (const q of ['科技型中小企业评价服务工作指引怎么填报', '科小评价服务工作指引里企业信息怎么填']) expect(knowledge.retrieve(q).uncovered, q).toBe('concept');
    expect(knowledge.retrieve('高企认定管理工作指引里研发费用怎么归集').covered).toBe(true);
  });

  it('a sector before 是不是…企业 is no firm: 智能制造 and 生物医药 are asked about, 中天科技 is a firm', () => {
    for (const q of ['智能制造是不是专精特新企业', '生物医药是不是高企', '新材料是不是高新技术企业']) expect(firmStatusAsked(q), q).toBeNull();
    expect(firmStatusAsked('中天科技是不是高企')).toBe('中天科技');
    expect(knowledge.retrieve('智能制造是不是专精特新企业').uncovered).not.toBe('figure');
  });

  it('a tax benefit is given as a rate: 所得税能给到多少 asks no sum; 现在有几个领域 asks no outcome', () => {
    for (const q of ['高企所得税能给到多少优惠', '加计扣除现在能给到多少']) {
      expect(answerKindsOf(q).map((k) => k.name), q).not.toContain('award');
      expect(knowledge.retrieve(q).covered, q).toBe(true);
    }
    // the eight fields are in the national text itself, not a count reported so far
    expect(answerKindsOf('国家重点支持的高新技术领域现在有几个').map((k) => k.name)).not.toContain('outcome');
    expect(knowledge.retrieve('国家重点支持的高新技术领域现在有几个').uncovered).not.toBe('figure');
    // a count of what exists by now still asks the state so far
    expect(knowledge.retrieve('南通目前有多少个新型研发机构').uncovered).toBe('figure');
  });

  it('免申即享 says how a reward is collected: without applying; 领 in 领域 is no collecting', () => {
    for (const q of ['市区新认定高企的奖励怎么兑现', '免申即享的钱怎么领']) expect(knowledge.retrieve(q).covered, q).toBe(true);
    const procedure = answerKindsOf('科技创新券怎么领').find((k) => k.name === 'procedure')!;
    expect(procedure.holds('向区科技局提交申请材料，重点支持新兴领域')).toBe(false);
    expect(procedure.holds('企业登录平台填报后领取创新券')).toBe(true);
    // a 全流程服务 offered is no procedure: 人才子女入学怎么申请 is not answered by 做好…申报认定“全流程”服务
    expect(procedure.holds('做好项目洽谈、落地、申报认定“全流程”服务')).toBe(false);
    expect(knowledge.retrieve('人才子女入学怎么申请，找哪个学校').covered).toBe(false);
  });

  it('出台了吗 of a document the corpus holds is answered by the notice issuing it (关于修订印发《…》的通知)', () => {
    expect(knowledge.retrieve('高新技术企业认定管理办法发布了吗').covered).toBe(true);
  });

  it('a title the corpus holds is no concept it lacks, even when it only frames the question (按照高企管理办法，…)', () => {
    for (const q of ['按照高企管理办法，海门有什么支持', '按高企认定管理办法，通州有啥奖励']) expect(knowledge.retrieve(q).uncovered, q).not.toBe('concept');
    expect(knowledge.retrieve('按照南通沿江科创带建设评价办法要考核啥指标').uncovered).toBe('concept');
    // a 管理规定 is such a title as a 管理办法 is
    expect(knowledge.retrieve('南通市科技创新券管理规定里怎么用').uncovered).toBe('concept');
    expect(knowledge.retrieve('高企认定管理规定里研发费用要求').covered).toBe(true);
  });

  it('the conditions of a scheme must be stated of that scheme, not of a neighbour nor by 符合条件的', () => {
    expect(schemeOfConditions('省企业重点实验室 申报要什么条件')).toEqual(['省企业重点实验室']);
    expect(schemeOfConditions('认定科创项目对投资额或者销售有没有门槛，大概要多少')).toEqual(['科创项目']);
    // a place before 对 sets the threshold, it is no scheme: the scheme is what follows; 起步 and 有没有 are phrasing
    expect(schemeOfConditions('海门对高企研发费加计扣除享受率有没有硬指标')).not.toContain('海门');
    expect(schemeOfConditions('海门对高企研发费加计扣除享受率有没有硬指标')).toContain('加计扣除');
    expect(schemeOfConditions('这个够不够南通科创项目的起步门槛')).toEqual(['科创项目']);
    // 另外的标准, 其他条件: another standard of what was named, not a scheme called 另外
    expect(schemeOfConditions('是不是要500w以上才能算科创项目？估值有没有另外的标准')).toEqual(['估值']);
    // 才 inside a name (东疆英才) and 需求 are no phrasing of a condition
    expect(schemeOfConditions('东疆英才计划申报条件是什么')).toEqual(['东疆英才', '计划']);
    expect(knowledge.retrieve('通州区人才落户需要什么条件').covered).toBe(false);
    // the sentence before names the scheme when the one asking names none
    expect(schemeOfConditions('专精特新小巨人怎么认定，条件是什么')).toContain('专精特新');
    expect(schemeOfConditions('高企有什么好处')).toBeNull();
    // a 行业标准 one drafted is no condition asked; 能不能作为…的条件 is phrasing around the scheme
    expect(schemeOfConditions('近5年牵头制定过一个行业标准，科小是不是可以直接认定')).toBeNull();
    expect(schemeOfConditions('拿到一轮融资，这个能不能作为科创项目认定的条件')).toEqual(['科创项目']);
    for (const q of ['专精特新中小企业 营收和研发占比硬指标是多少', '省级新型研发机构 认定条件', '省企业重点实验室 申报要什么条件', '省级专精特新中小企业认定要哪些条件', '小型微利企业的标准是什么，300人300万那个还算吗']) {
      const r = knowledge.retrieve(q);
      expect(r.covered, q).toBe(false);
    }
    for (const q of ['年销售收入300,000,000元的公司，高企研发费用占比门槛', '公司有3个授权实用新型专利，够不够科创项目条件', '企业研发机构“五有”标准是什么']) expect(knowledge.retrieve(q).covered, q).toBe(true);
  });

  it("a named firm's own standing (是不是高企, 证书哪年到期) is the registers', not the texts': declined", () => {
    expect(firmStatusAsked('南通华隆微电子拿到800万授信之后，有没有被认定为高企')).toBe('南通华隆微电子');
    expect(firmStatusAsked('中天科技今年的高企资格还在有效期吗')).toBe('中天科技');
    for (const q of ['我们公司是不是高企', '什么情况会被取消高企资格', '核心专利是买来的不是自己研发的，算不算高企要求的知识产权', '拿到高企证书从哪一年开始能享受税收优惠']) expect(firmStatusAsked(q), q).toBeNull();
    for (const q of ['南通赛可特电子是不是高企', '中天科技是不是高新技术企业 证书哪年到期']) {
      const r = knowledge.retrieve(q);
      expect(r.uncovered, q).toBe('figure');
    }
  });

  it('another edition or a later revision of a standard is declined as period; the edition held, or one it cites, is not', () => {
    for (const q of ['2021年南通科创项目认定标准是什么样的', '科技型中小企业评价办法2022年修订后 分数线变了吗', '科小评价 2024新版评分表是不是改了']) {
      expect(knowledge.retrieve(q).uncovered, q).toBe('period');
    }
    // the 2016 办法 cites the 2008 one it repealed; the 2023 edition is the one held
    for (const q of ['2008年的高企认定办法还有效吗', '2023版科创项目认定里，有形资产投资门槛是100w还是多少']) expect(knowledge.retrieve(q).covered, q).toBe(true);
  });

  it('实际多少人, 通过率, 入选了多少 ask a result: a plan that sets targets or describes measures does not answer', () => {
    for (const q of ['海门2024年入选省双创人才实际多少人', '南通市2023年高企认定通过率大概多少']) {
      expect(answerKindsOf(q).map((k) => k.name), q).toContain('outcome');
      expect(knowledge.retrieve(q).covered, q).toBe(false);
    }
    expect(answerKindsOf('高企科技人员占比要多少').map((k) => k.name)).not.toContain('outcome');
  });

  it('the rate of a benefit (贴息比例, 贷款利率, 奖补按多少比例) must stand beside the benefit, not be another share in the clause', () => {
    for (const q of ['启东技改项目贴息比例是多少', '知识产权质押融资 贴息比例 南通', '海门科技贷款贴息 能贴几个点']) {
      expect(answerKindsOf(q).map((k) => k.name), q).toContain('benefit rate');
      expect(knowledge.retrieve(q).covered, q).toBe(false);
    }
    for (const q of ['高企企业所得税税率是多少', '研发费用加计扣除现在按多少比例']) {
      expect(answerKindsOf(q).map((k) => k.name), q).not.toContain('benefit rate');
      expect(knowledge.retrieve(q).covered, q).toBe(true);
    }
  });

  it('the size of a fund (基金规模, 资金总额) is a sum beside the fund, not another sum of the clause', () => {
    for (const q of ['海门天使投资引导基金规模多大', '启东东疆科技计划每年资金总额']) {
      expect(answerKindsOf(q).map((k) => k.name), q).toContain('fund size');
      expect(knowledge.retrieve(q).covered, q).toBe(false);
    }
    expect(knowledge.retrieve('南通揭榜挂帅每年专项资金池多少钱').covered).toBe(true);
  });

  it('where to go online or on the street needs a named site, a platform to file on or an address, not a system named in passing', () => {
    for (const q of ['科创项目认定在哪个系统上报', '启东生命健康科技园具体地址']) expect(knowledge.retrieve(q).covered, q).toBe(false);
    expect(answerKindsOf('启东“研发在上海 转化在启东”是靠哪个平台').map((k) => k.name)).not.toContain('web');
    expect(ranked('科小在哪个平台填报', '全国科技型中小企业信息服务平台')).toBe(true);
    expect(knowledge.retrieve('科小在哪个平台填报').covered).toBe(true);
  });

  it("a named firm's own figures are no text's: declined, while kinds of firm and thresholds are asked", () => {
    expect(firmFigureAsked('中天科技去年营收多少')).toEqual({ firm: '中天科技', metric: '营收' });
    for (const q of ['规上企业研发投入多少', '高企研发费用要多少', '投后估值多少可以认科创项目', '我们公司今年营收多少能评高企', '科技人员人数是多少', '孵化器的营收是多少', '拿到一轮风投，投多少钱或者估值多少能算科创项目']) expect(firmFigureAsked(q), q).toBeNull();
    const r = knowledge.retrieve('通富微电子去年研发投入是多少');
    expect(r.covered).toBe(false);
    expect(r.uncovered).toBe('figure');
  });
});

describe('rows and cover matter ranked first where they answer', () => {
  it("a park named with what it is for (赛道, 定位, 做什么产业) is answered by its 空间布局 row", () => {
    for (const q of ['如东洋口港开发区主攻哪些赛道', '吕四港经济开发区定位做什么产业']) {
      const r = knowledge.retrieve(q);
      expect(r.covered, q).toBe(true);
      expect(r.records?.kind, q).toBe('park');
      expect(r.hits[0]!.clause.context, q).toContain('空间布局');
    }
    // a park named beside another topic is that topic's question, not the row's
    expect(knowledge.retrieve('南通高新区搭科创平台主要围绕哪些产业').records?.kind).not.toBe('park');
  });

  it('a document quoted by its 文号 gives its date; the text it was made under is its opening', () => {
    expect(ranked('通政办发〔2023〕20号是什么时候印发的', '2023年4月24日')).toBe(true);
    const r = knowledge.retrieve('高企认定管理办法是依据哪部法律制定的');
    expect(r.records?.kind).toBe('document');
    expect(comparable(r.hits[0]!.clause.fullText)).toContain(comparable('根据《中华人民共和国企业所得税法》'));
  });

  it('when a text takes effect is its own words: 本办法自…起实施', () => {
    const r = knowledge.retrieve('高新技术企业认定管理办法什么时候开始生效');
    expect(r.records?.kind).toBe('document');
    expect(comparable(r.hits[0]!.clause.fullText)).toContain(comparable('本办法自2016年1月1日起实施'));
  });

  it('什么是 ranks the clause that defines the term', () => {
    expect(cuesOf('高新技术企业怎么界定').map((c) => c.name)).toEqual(['definition']);
    expect(ranked('高新技术企业是怎么定义的', '本办法所称的高新技术企业是指', 1)).toBe(true);
    expect(ranked('啥叫科小', '依托一定数量的科技人员从事科学技术研究开发活动', 1)).toBe(true);
  });

  it('已经…多少 ranks the clause that reports the state so far, not a plan\'s target', () => {
    expect(cuesOf('全市目前已经建成多少家省级以上企业研发机构').map((c) => c.name)).toContain('state so far');
    expect(ranked('全市至今已经认定了几个招引科创项目', '已认定招引科创项目570个', 1)).toBe(true);
  });

  it('几天 / 多久 ranks the clause stating a span of time, not a year', () => {
    const [span] = cuesOf('高企认定结果公示多少天');
    expect(span?.name).toBe('span');
    expect(span?.holds.test('公示10个工作日')).toBe(true);
    expect(span?.holds.test('2022年1月1日以来')).toBe(false);
    expect(ranked('高新技术企业资格有效期是几年', '有效期为三年')).toBe(true);
  });

  it('有什么好处 ranks the clause that grants something', () => {
    const [benefit] = cuesOf('进了科小库能享受什么');
    expect(benefit?.name).toBe('benefit');
    expect(benefit?.holds.test('应优先支持纳入信息库的企业')).toBe(true);
    expect(ranked('纳入科小信息库有什么好处', '对纳入信息库的科技型中小企业提供精准支持')).toBe(true);
    expect(ranked('评为科技型中小企业能享受什么', '对纳入信息库的科技型中小企业提供精准支持')).toBe(true);
  });
});

describe('figures stated in task rows and tiers', () => {
  it("a task row that sets a figure is a target: 海门's 800 泛科技型企业", () => {
    const r = knowledge.retrieve('海门有知识产权的泛科技型企业要达到多少家');
    expect(r.covered).toBe(true);
    expect(r.records?.kind).toBe('target');
    expect(comparable(r.hits[0]!.clause.fullText)).toContain(comparable('全区拥有知识产权的泛科技型企业达到800家'));
  });

  it('a rate stated by the tiers an item quotes is the rate asked for, not a figure the clause lacks', () => {
    const r = knowledge.retrieve('销售收入八千万的企业研发费用占比要百分之几才能评高企');
    expect(r.uncovered).not.toBe('figure');
    expect(r.hits.slice(0, 3).some((h) => comparable(h.clause.fullText).includes(comparable('比例不低于4%')))).toBe(true);
  });

  it('a quarter or half-year asks its months, and a month falls in a span (7-9月)', () => {
    const r = knowledge.retrieve('兴仁镇四季度外出招商去哪');
    expect(r.records?.kind).toBe('activity');
    expect(r.records?.rows.map((row) => row.line)).toEqual(['2023年11月 深圳：新一代信息技术产业对接活动（主办：兴仁镇人民政府）']);
    expect(knowledge.retrieve('8月份通州去杭州有什么招商活动').records?.rows.some((row) => row.line.includes('2023年7-9月'))).toBe(true);
  });

  it("an activity asked by its 内容 is the activity's row", () => {
    const r = knowledge.retrieve('兴仁镇4月上海风电对接活动的内容');
    expect(r.records?.kind).toBe('activity');
    expect(comparable(r.hits[0]!.clause.fullText)).toContain(comparable('风电产业链项目对接活动'));
  });
});
