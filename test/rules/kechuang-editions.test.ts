import { describe, expect, it } from 'vitest';
import { judgeProgramme } from '../../rules/engine/programme.js';
import type { Facts } from '../../rules/facts/schema.js';
import type { IsoDate } from '../../rules/logic/dates.js';
import { editionAt } from '../../rules/logic/editions.js';
import { KECHUANG_EDITIONS } from '../../rules/parameters/kechuang.js';
import { KECHUANG_PROJECTS, kechuangProjectOf } from '../../rules/programmes/kechuang-project-2023.js';
import { KECHUANG_FIXTURE_2024 } from './fixtures/kechuang-2024-edition.js';

const WITH_FIXTURE = [...KECHUANG_EDITIONS, { since: '2024-01-01', values: KECHUANG_FIXTURE_2024 }];
const FACTS: Facts = { taxableSalesThisYear: 150, tangibleAssetsFromCash: 50 };

function investmentOn(asOf: IsoDate) {
  const programme = kechuangProjectOf(editionAt(WITH_FIXTURE, asOf).values);
  const judged = judgeProgramme(programme, { facts: FACTS, asOf });
  return { title: judged.title, condition: judged.conditions.find((c) => c.id === 'kc-base-investment')! };
}

describe('editions of the 科创项目 standard', () => {
  it('judges by the edition in force on the evaluation date, its label built from that edition’s bounds', () => {
    const before = investmentOn('2023-12-31');
    expect(before.title).toBe('南通市科创项目认定（2023年标准）');
    expect(before.condition.label).toBe('货币投资形成的有形资产或当年应税销售收入不低于100万元');
    expect(before.condition.status).toBe('met');
    const after = investmentOn('2024-01-01');
    expect(after.title).toBe('南通市科创项目认定（虚构的2024年标准）');
    expect(after.condition.label).toBe('货币投资形成的有形资产或当年应税销售收入不低于200万元');
    expect(after.condition.status).toBe('unmet');
  });

  it('applies the 2023 standard before its own first day, as evaluations always have', () => {
    expect(editionAt(KECHUANG_PROJECTS, '2022-06-01').values.title).toBe('南通市科创项目认定（2023年标准）');
  });
});
