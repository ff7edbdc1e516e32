import { describe, expect, it } from 'vitest';
import { respond, type DialogDeps } from '../../bot/dialog/engine.js';
import type { FactsRecord } from '../../bot/dialog/facts.js';
import { initialState, type DialogState } from '../../bot/dialog/state.js';
import { REGISTRY } from '../../rules/programmes/index.js';
import type { FactPath } from '../../rules/facts/catalog.js';
import { testKnowledge } from '../helpers/knowledge.js';

/**
 * The answers, intents and openings the issue reported as refused or misread, each through the dialog itself:
 * the question pending, the owner's words, what the dialog records or proposes.
 */
const deps: DialogDeps = { knowledge: testKnowledge(), today: () => '2026-11-22' };

function pendingOn(fact: FactPath, facts: FactsRecord = {}): { state: DialogState; facts: FactsRecord } {
  return { state: { ...initialState(), mode: 'collecting', pending: { fact, attempts: 0 }, asked: 1, programmes: [...REGISTRY.ids] }, facts };
}

const valueAt = (facts: FactsRecord, path: string) => {
  const [key, year] = path.split('.');
  const v = facts[key!];
  return year ? (v as Record<string, unknown> | undefined)?.[year] : v;
};

describe('answers owners type, as the issue listed them', () => {
  it.each([
    ['employees', '8个人', 8],
    ['employees', '差不多80个人', 80],
    ['salesRevenueByYear.2025', '大概两千万吧', 2000],
    ['taxableSalesThisYear', '今年大概3200万', 3200],
    ['salesRevenueByYear.2025', '1800w', 1800],
    ['registrationDate', '今年1月15号', '2026-01-15'],
    ['registrationDate', '17年6月1号', '2017-06-01'],
    ['highTechIncomeShare', '七成左右', 70],
    ['rdExpenseChinaShare', '全部在国内', 100],
    ['techAdvancement', '一般吧', 'C'],
    ['ipClassI', '2项发明专利', 2],
  ] as const)('%s: “%s” is recorded as %s', (fact, text, value) => {
    const turn = respond({ text }, pendingOn(fact), deps);
    expect(valueAt(turn.facts, fact)).toEqual(value);
    expect(turn.messages.map((m) => m.text).join('\n')).not.toContain('没能理解');
  });

  it('a month is enough when the bound is not in it: “2023年9月” for the registration date', () => {
    const turn = respond({ text: '2023年9月' }, pendingOn('registrationDate'), deps);
    expect(turn.facts.registrationDate).toBe('2023-09-01');
    expect(turn.messages[0]!.text).toContain('2023年9月即可判断');
  });

  it('asks for the day only when the month straddles a bound (registered one year before today)', () => {
    const turn = respond({ text: '2025年11月' }, { ...pendingOn('registrationDate'), state: { ...pendingOn('registrationDate').state, programmes: ['hnte'] } }, deps);
    expect(turn.facts.registrationDate).toBeUndefined();
    expect(turn.messages.at(-1)!.ask?.fact).toBe('registrationDate');
  });

  it('“生物医药” for the field is a guess the owner confirms before it is used', () => {
    const turn = respond({ text: '生物医药' }, pendingOn('highTechField'), deps);
    expect(turn.facts.highTechField).toBeUndefined();
    expect(turn.messages.at(-1)!.text).toContain('生物与新医药');
    const confirmed = respond({ action: 'confirm' }, { state: turn.state, facts: turn.facts }, deps);
    expect(confirmed.facts.highTechField).toBe('生物与新医药');
  });

  it('“没有” for the revenue of a year before the company existed records none of it', () => {
    const turn = respond({ text: '没有' }, pendingOn('salesRevenueByYear.2023'), deps);
    expect(valueAt(turn.facts, 'salesRevenueByYear.2023')).toBe(0);
    expect(turn.messages[0]!.text).toContain('没有');
  });

  it('a figure said for another year than the one asked is asked back, not recorded', () => {
    const turn = respond({ text: '今年大概3200万' }, pendingOn('salesRevenueByYear.2025'), deps);
    expect(turn.facts).toEqual({});
    expect(turn.messages.at(-1)!.ask?.fact).toBe('salesRevenueByYear.2025');
  });
});

describe('intents in the owner’s own words', () => {
  it.each([
    ['评估我能认定什么', REGISTRY.ids],
    ['开始评估', REGISTRY.ids],
    ['我想评估一下', REGISTRY.ids],
    ['能申报高企不', ['hnte']],
    ['科小能评上吗', ['tech-sme']],
  ])('“%s” starts a check of %j', (text, programmes) => {
    const turn = respond({ text }, { state: initialState(), facts: {} }, deps);
    expect(turn.state.mode).toBe('collecting');
    expect(turn.state.programmes).toEqual(programmes);
    expect(turn.messages.at(-1)!.ask).toBeDefined();
  });

  it.each([
    ['查政策条款', '请直接输入'],
    ['转人工', '人工'],
  ])('typing a button’s label “%s” is pressing it', (text, reply) => {
    const turn = respond({ text }, { state: initialState(), facts: {} }, deps);
    expect(turn.messages.map((m) => m.text).join('\n')).toContain(reply);
  });

  it('“对，就是这样” typed confirms the facts read, as the button does', () => {
    const read = respond({ text: '我们公司在海门，120个人' }, { state: initialState(), facts: {} }, deps);
    const confirmed = respond({ text: '对，就是这样' }, { state: read.state, facts: read.facts }, deps);
    expect(confirmed.facts).toMatchObject({ region: '海门区', employees: 120 });
  });

  it('“在海门” in an opening message is read and confirmed, so the benefits are 海门’s', () => {
    const turn = respond({ text: '我们公司在海门，2019年成立，120个人，想看看能不能评高企' }, { state: initialState(), facts: {} }, deps);
    expect(turn.state.proposals.map((p) => [p.path, p.value])).toEqual(expect.arrayContaining([['region', '海门区'], ['employees', 120]]));
    const confirmed = respond({ action: 'confirm' }, { state: turn.state, facts: turn.facts }, deps);
    expect(confirmed.facts).toMatchObject({ region: '海门区', employees: 120 });
  });
});

describe('order of questions and progress', () => {
  it('a 科创项目 check asks the gate most enterprises fail first, and promises no frightening maximum', () => {
    const turn = respond({ action: 'check:kechuang-project-2023' }, { state: initialState(), facts: {} }, deps);
    expect(turn.messages.at(-1)!.ask?.fact).toBe('attractedFromOutside');
    expect(turn.messages.at(-1)!.text).not.toContain('最多');
    expect(turn.messages.at(-1)!.text).toMatch(/预计还需约\d+问/u);
  });

  it('a check of all three programmes starts with the same gate', () => {
    const turn = respond({ text: '评估我能认定什么' }, { state: initialState(), facts: {} }, deps);
    expect(turn.messages.at(-1)!.ask?.fact).toBe('attractedFromOutside');
  });
});
