import { describe, expect, it } from 'vitest';
import { telegramCommands } from '../../bot/channels/telegram/bot.js';
import { respond, type DialogDeps, type Turn } from '../../bot/dialog/engine.js';
import type { Input } from '../../bot/dialog/message.js';
import { initialState } from '../../bot/dialog/state.js';
import { evaluate } from '../../rules/evaluate.js';
import { REGISTRY, withProgrammes } from '../../rules/programmes/index.js';
import { registryOf } from '../../rules/programmes/registry.js';
import { testKnowledge } from '../helpers/knowledge.js';
import { programme, screen } from '../screen/helpers.js';
import { SMALL_FIRM_ENTRY } from './fixtures/small-firm-programme.js';

const AS_OF = '2026-11-22';
const FIXTURE = SMALL_FIRM_ENTRY.id;
const withFixture = withProgrammes(SMALL_FIRM_ENTRY);
const knowledge = testKnowledge();

describe('the programme registry', () => {
  it('lists the production programmes once, in the order the contracts report them', () => {
    expect(REGISTRY.ids).toEqual(['kechuang-project-2023', 'hnte', 'tech-sme']);
    expect(evaluate({}, AS_OF).programmes.map((p) => p.id)).toEqual(REGISTRY.ids);
    expect(REGISTRY.entries.map((e) => e.shortTitle)).toEqual(['科创项目', '高企', '科小']);
  });

  it('refuses an id listed twice, and an edition that is another programme', () => {
    expect(() => registryOf([...REGISTRY.entries, REGISTRY.entries[1]!])).toThrow(/listed twice/);
    expect(() => registryOf([{ ...SMALL_FIRM_ENTRY, id: 'renamed' }])).toThrow(/renamed's edition of 2020-01-01 is the programme fixture-small-firm/);
  });

  it('adds a programme to a new registry, leaving the production one as it was', () => {
    expect(withFixture.ids).toEqual([...REGISTRY.ids, FIXTURE]);
    expect(REGISTRY.ids).not.toContain(FIXTURE);
    expect(evaluate({}, AS_OF).programmes.map((p) => p.id)).not.toContain(FIXTURE);
  });
});

describe('a programme added by its own files and one registry entry', () => {
  it('is evaluated, after the production programmes', () => {
    const judged = (facts: Parameters<typeof evaluate>[0]) => evaluate(facts, AS_OF, withFixture).programmes;
    expect(judged({}).map((p) => p.id)).toEqual([...REGISTRY.ids, FIXTURE]);
    const unknown = judged({}).find((p) => p.id === FIXTURE)!;
    expect(unknown.outcome).toBe('undetermined');
    expect(unknown.missingFacts).toEqual(expect.arrayContaining(['employees', 'operatingNormally']));
    expect(judged({ employees: 30, operatingNormally: true }).find((p) => p.id === FIXTURE)!.outcome).toBe('eligible');
    expect(judged({ employees: 80, operatingNormally: true }).find((p) => p.id === FIXTURE)!.outcome).toBe('ineligible');
  });

  it('is named in the welcome text, in both languages, where the production welcome is unchanged', () => {
    const welcome = (deps: DialogDeps, text = '') => respond({ text }, { state: initialState(), facts: {} }, deps).messages[0]!.text;
    const production: DialogDeps = { knowledge, today: () => AS_OF };
    expect(welcome(production)).toBe(
      '您好，我是通策——南通科技政策助手。我可以：\n① 评估企业能否认定南通市科创项目、高新技术企业、科技型中小企业，并说明差距；\n② 查询政策条款（如“高企研发费用占比要求”），每个回答都注明出处；\n③ 告诉您问题该找哪个部门，或转人工。',
    );
    expect(welcome({ ...production, programmes: withFixture })).toContain('南通市科创项目、高新技术企业、科技型中小企业、测试小微企业，并说明差距');
    expect(welcome(production, 'hello there')).toContain('the Nantong 科创项目, 高新技术企业 (HNTE) and 科技型中小企业 (tech SME) programmes');
    expect(welcome({ ...production, programmes: withFixture }, 'hello there')).toContain('the Nantong 科创项目, 高新技术企业 (HNTE), 科技型中小企业 (tech SME) and test small firm programmes');
  });

  it('is listed in the Telegram command menu by its short title', () => {
    const check = (commands: ReturnType<typeof telegramCommands>) => commands.find((c) => c.command === 'check')!.description;
    expect(check(telegramCommands())).toBe('评估企业能认定什么（科创项目、高企、科小）');
    expect(check(telegramCommands(withFixture))).toBe('评估企业能认定什么（科创项目、高企、科小、小微）');
  });

  it('is asked about in the dialog when a message uses its words, through to its verdict', () => {
    const deps: DialogDeps = { knowledge, today: () => AS_OF, programmes: withFixture };
    let session = { state: initialState('zh', withFixture.ids), facts: {} };
    const say = (input: Input): Turn => {
      const turn = respond(input, session, deps);
      session = { state: turn.state, facts: turn.facts };
      return turn;
    };
    let turn = say({ text: '我们能申报小微认定吗' });
    expect(turn.state.programmes).toEqual([FIXTURE]);
    expect(turn.messages[0]!.text).toContain('我来评估测试小微企业');
    const asked: string[] = [];
    for (let fact = turn.messages.at(-1)?.ask?.fact; fact; fact = turn.messages.at(-1)?.ask?.fact) {
      asked.push(fact);
      turn = say(fact === 'employees' ? { text: '30人' } : { action: 'answer:true' });
    }
    expect(asked.sort()).toEqual(['employees', 'operatingNormally']);
    const verdict = turn.messages.find((m) => m.evaluation)!;
    expect(verdict.evaluation!.programmes.find((p) => p.id === FIXTURE)!.outcome).toBe('eligible');
    expect(turn.messages.some((m) => m.text.includes('测试小微企业认定'))).toBe(true);
    // the menu's button for one programme reaches it too; the production dialog does not know it
    expect(respond({ action: `check:${FIXTURE}` }, { state: initialState('zh', withFixture.ids), facts: {} }, deps).state.programmes).toEqual([FIXTURE]);
    const production = respond({ action: `check:${FIXTURE}` }, { state: initialState(), facts: {} }, { knowledge, today: () => AS_OF });
    expect(production.state.programmes).toEqual(REGISTRY.ids);
  });

  it('is screened, row by row', async () => {
    const csv = ['企业名称,职工总数,注册时间', '小厂,30,2020-05-01', '大厂,80,2020-05-01'].join('\n');
    const { head, rows } = await screen(csv, { programmes: withFixture });
    expect(head.programmes.map((p) => p.id)).toEqual([...REGISTRY.ids, FIXTURE]);
    expect(programme(rows[0], FIXTURE).outcome).toBe('undetermined');
    expect(programme(rows[0], FIXTURE).missingFacts).toEqual(['operatingNormally']);
    expect(programme(rows[1], FIXTURE).outcome).toBe('ineligible');
  });
});
