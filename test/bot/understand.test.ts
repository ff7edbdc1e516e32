import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../bot/understand/answer-reader.js';
import { isSkip, parseChoice, parseYesNo } from '../../bot/understand/answers.js';
import { answersPending, readCorrection } from '../../bot/understand/corrections.js';
import { parseDate } from '../../bot/understand/dates.js';
import { extractFacts } from '../../bot/understand/extract.js';
import { chineseNumber } from '../../bot/understand/numerals.js';
import { parseQuantity } from '../../bot/understand/quantities.js';
import type { FactPath } from '../../rules/facts/catalog.js';

describe('Chinese numerals', () => {
  it.each([
    ['八百', 800], ['一百二十', 120], ['十二', 12], ['二十', 20], ['两千', 2000], ['三千五百万', 35_000_000], ['一亿二千万', 120_000_000],
    ['二〇二四', 2024], ['零', 0], ['一百零五', 105],
  ])('%s → %d', (text, n) => expect(chineseNumber(text)).toBe(n));

  it('rejects what is not a numeral', () => {
    expect(chineseNumber('八百块')).toBeNull();
    expect(chineseNumber('')).toBeNull();
  });
});

describe('quantities in the fact’s unit', () => {
  it.each([
    ['300万', 300], ['1.2亿', 12000], ['3000万元', 3000], ['八百万', 800], ['500000元', 50], ['1个亿', 10000], ['两千万', 2000],
    ['300', 300], ['约300万', 300], ['1,200万', 1200], ['0.5亿元', 5000], ['三千五百万', 3500],
  ])('money %s → %d 万元', (text, n) => expect(parseQuantity(text, '万元')).toBe(n));

  it.each([['12%', 12], ['百分之十二', 12], ['12', 12], ['12.5%', 12.5], ['百分之60', 60], ['12％', 12]])('percent %s → %d', (text, n) =>
    expect(parseQuantity(text, '%')).toBe(n),
  );

  it.each([['120人', 120], ['一百二十', 120], ['30名', 30], ['120', 120], ['大约120人', 120]])('count %s → %d', (text, n) =>
    expect(parseQuantity(text, 'count')).toBe(n),
  );

  it('refuses what it cannot read rather than guessing', () => {
    for (const [text, unit] of [['很多', '万元'], ['300万', '%'], ['12%', '万元'], ['三百人', '%'], ['abc', 'count'], ['1.2亿', 'count'], ['', '万元']] as const) {
      expect(parseQuantity(text, unit), `${text} as ${unit}`).toBeNull();
    }
  });

  it('converts exactly: any amount in 万 survives the round trip', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => parseQuantity(`${n}万`, '万元') === n && parseQuantity(`${n}`, '万元') === n));
  });
});

describe('dates', () => {
  it.each([
    ['2024年3月15日', '2024-03-15'], ['2024.3.15', '2024-03-15'], ['2024-03-15', '2024-03-15'], ['2024/3/15', '2024-03-15'],
    ['二〇二四年三月十五日', '2024-03-15'], ['20240315', '2024-03-15'], ['是2019年6月1日成立的', '2019-06-01'],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toEqual({ date: iso }));

  it('returns a year or month alone as partial, for the dialog to ask the rest', () => {
    expect(parseDate('2019年')).toEqual({ year: 2019, partial: true });
    expect(parseDate('2019年6月')).toEqual({ year: 2019, month: 6, partial: true });
  });

  it('rejects impossible dates and non-dates', () => {
    for (const t of ['2023-02-30', '2024年13月1日', '明天', '', '12345']) expect(parseDate(t), t).toBeNull();
  });
});

describe('yes / no / skip / choices', () => {
  it.each(['是', '是的', '对', '有', 'yes', '已经', '属于', '有的。'])('%s → yes', (t) => expect(parseYesNo(t)).toBe(true));
  it.each(['否', '不是', '没有', '无', 'no', '没有发生过', '不属于这些行业', '没有。'])('%s → no', (t) => expect(parseYesNo(t)).toBe(false));
  it.each(['也许吧', '你猜', '是吗？', '300万', ''])('%s → not understood', (t) => expect(parseYesNo(t)).toBeNull());
  it.each(['不知道', '跳过', '不清楚'])('%s → skip', (t) => expect(isSkip(t)).toBe(true));

  const regions = ['崇川区', '通州区', '海门区', '启东市', '市外'].map((v) => ({ label: v, value: v }));
  const industry = [{ label: '制造业', value: 'manufacturing' }, { label: '科技服务业', value: 'techService' }, { label: '其他', value: 'other' }];
  const grades = [{ label: 'A 高', value: 'A' }, { label: 'B 较高', value: 'B' }, { label: 'C 一般', value: 'C' }];
  it('reads a choice by label, value, short name or letter', () => {
    expect(parseChoice('海门区', regions)).toBe('海门区');
    expect(parseChoice('在海门', regions)).toBe('海门区');
    expect(parseChoice('制造业', industry)).toBe('manufacturing');
    expect(parseChoice('techService', industry)).toBe('techService');
    expect(parseChoice('b', grades)).toBe('B');
    expect(parseChoice('较高', grades)).toBe('B');
    expect(parseChoice('上海', regions)).toBeNull();
  });
});

describe('several facts in one message', () => {
  const ctx = { lastYear: 2025, thisYear: 2026 };
  it('captures every fact of the issue’s example', () => {
    const found = extractFacts('我们2019年成立，员工120人，其中科技人员30人，去年营收1.2亿', ctx);
    expect(Object.fromEntries(found.map((p) => [p.path, p.value]))).toEqual({
      registrationDate: '2019', employees: 120, scienceStaff: 30, 'salesRevenueByYear.2025': 12000,
    });
    expect(found.find((p) => p.path === 'registrationDate')!.partial).toBe(true);
  });

  it('reads years, R&D, assets, patents and shares, each from its own words', () => {
    const found = extractFacts('公司2020年3月1日注册成立，2024年销售收入3000万元，研发投入180万，总资产5000万，有2项发明专利和5个软著，高新技术产品收入占比70%', ctx);
    expect(Object.fromEntries(found.map((p) => [p.path, p.value]))).toEqual({
      registrationDate: '2020-03-01', 'salesRevenueByYear.2024': 3000, 'rdExpenseByYear.2025': 180, totalAssets: 5000,
      ipClassI: 2, ipClassII: 5, highTechIncomeShare: 70,
    });
  });

  it('finds nothing in a message that states no fact', () => {
    expect(extractFacts('你好，我想问问高企怎么申报', ctx)).toEqual([]);
  });

  // the hostile HTTP run: 400 nines read as Infinity, which the session's JSON carried on as null
  it('proposes no figure past what a number holds', () => {
    const nines = '9'.repeat(400);
    expect(extractFacts(`销售收入${nines}万元，研发费用${nines}`, ctx)).toEqual([]);
    expect(extractFacts('销售收入1e309万元', ctx).map((p) => p.value).filter((v) => typeof v === 'number' && !Number.isFinite(v))).toEqual([]);
  });
});

describe('answers in the owner’s words (readAnswer)', () => {
  const read = (fact: string, text: string) => readAnswer(fact as FactPath, text, { today: '2026-12-02' });
  it.each([
    ['employees', '三四十个', { kind: 'range', low: 30, high: 40 }],
    ['salesRevenueByYear.2025', '1500多万', { kind: 'range', low: 1500, high: 1600 }],
    ['scienceStaff', '6到8个', { kind: 'range', low: 6, high: 8 }],
    ['salesRevenueByYear.2025', '1亿2', { kind: 'value', value: 12000 }],
    ['salesRevenueByYear.2025', '一千二', { kind: 'value', value: 1200 }],
    ['salesRevenueByYear.2025', '1kw', { kind: 'value', value: 1000 }],
    ['netAssetsByYear.2025', '负的200万', { kind: 'value', value: -200 }],
    ['highTechIncomeShare', '六成五', { kind: 'value', value: 65 }],
    ['rdExpenseByYear.2025', '研发投入占销售额6%，销售额3000万', { kind: 'value', value: 180 }],
    ['ipClassII', '实用新型10个，软著3个', { kind: 'value', value: 13 }],
    ['salesRevenueByYear.2024', '23年1000万，24年1500万', { kind: 'value', value: 1500 }],
    ['registrationDate', '2019.3', { kind: 'month', year: 2019, month: 3 }],
    ['registrationDate', '上个月', { kind: 'month', year: 2026, month: 11 }],
    ['registrationDate', '19年底', { kind: 'year', year: 2019 }],
    ['rdExpenseByYear.2023', '那时候公司还没有呢', { kind: 'none' }],
    ['employees', '不太清楚', { kind: 'unknown' }],
    ['region', '洋口港', { kind: 'value', value: '如东县' }],
    ['highTechField', '锂电池', { kind: 'guess', value: '新能源与节能' }],
    ['attractedFromOutside', '从苏州引进来的', { kind: 'value', value: true }],
    ['rdManagementSystem', '制度有，辅助账没建', { kind: 'value', value: false }],
  ])('%s: “%s”', (fact, text, reading) => expect(read(fact, text)).toEqual(reading));

  it.each([
    ['employees', '员工47，算上外包的保洁就50了'],
    ['employees', '不到十个人'],
    ['scienceStaff', '大概一半人吧'],
    ['salesRevenueByYear.2025', '今年大概3200万'],
    ['registrationDate', '还没注册'],
    ['region', '开发区'],
  ])('%s: “%s” is asked back, not read', (fact, text) => expect(read(fact, text).kind).toBe('ask'));

  it.each([['employees', '嗯'], ['employees', '…'], ['registrationDate', '这个重要吗']])('%s: “%s” is no answer', (fact, text) =>
    expect(read(fact, text).kind).toBe('reject'),
  );
});

describe('corrections find the fact they name, never another', () => {
  const known = { employees: 120, salesRevenueByYear: { '2024': 1800, '2025': 2000 }, region: '海门区' };
  const read = (text: string) => readCorrection(text, { today: '2026-12-02', known });
  it('reads the named fact, its year and its value', () => {
    expect(read('刚才去年营收说错了，是2500万')).toEqual({ kind: 'fact', path: 'salesRevenueByYear.2025', reading: { kind: 'value', value: 2500 } });
    expect(read('员工不是120，是150人')).toEqual({ kind: 'fact', path: 'employees', reading: { kind: 'value', value: 150 } });
    expect(read('我们不在海门 在启东')).toEqual({ kind: 'fact', path: 'region', reading: { kind: 'value', value: '启东市' } });
  });
  it('asks which when the fact or its year cannot be told', () => {
    expect(read('刚才那个填错了，是90')).toMatchObject({ kind: 'which' });
    expect(read('销售收入改为2500万')).toMatchObject({ kind: 'which', reason: 'which year' });
  });
  it('a correction-worded reply naming only the pending fact is its answer', () => {
    expect(answersPending('应该是新能源', 'highTechField')).toBe(true);
    expect(answersPending('员工改为150人', 'employees')).toBe(true);
    expect(answersPending('员工改为150人', 'scienceStaff')).toBe(false);
    expect(answersPending('刚才员工说错了，是150', 'employees')).toBe(false);
  });
});
