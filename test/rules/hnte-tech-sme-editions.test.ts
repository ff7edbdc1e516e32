import { describe, expect, it } from 'vitest';
import { judgeProgramme } from '../../rules/engine/programme.js';
import type { Facts } from '../../rules/facts/schema.js';
import type { IsoDate } from '../../rules/logic/dates.js';
import { editionAt, jointEditions } from '../../rules/logic/editions.js';
import { HNTE_MEASURES_EDITIONS, HNTE_SCORING_EDITIONS } from '../../rules/parameters/hnte.js';
import { TECH_SME_EDITIONS } from '../../rules/parameters/tech-sme.js';
import { HNTE_PROGRAMMES, hnteOf } from '../../rules/programmes/hnte.js';
import { TECH_SME_PROGRAMMES, techSmeOf } from '../../rules/programmes/tech-sme.js';
import { HNTE_MEASURES_FIXTURE_2026, HNTE_SCORING_FIXTURE_2027, TECH_SME_FIXTURE_2026 } from './fixtures/hnte-tech-sme-later-editions.js';

// each text gains one invented edition, on its own list, as a real revision would be added
const MEASURES = [...HNTE_MEASURES_EDITIONS, { since: '2026-07-01', values: HNTE_MEASURES_FIXTURE_2026 }];
const SCORING = [...HNTE_SCORING_EDITIONS, { since: '2027-01-01', values: HNTE_SCORING_FIXTURE_2027 }];
const HNTE = jointEditions(MEASURES, SCORING, hnteOf);
const SME = [...TECH_SME_EDITIONS, { since: '2026-07-01', values: TECH_SME_FIXTURE_2026 }].map(({ since, values }) => ({ since, values: techSmeOf(values) }));

// 96 of 800 employees (12%) in science: enough under the 2016 办法's 10%, not under the invented 15%
// (and 800 employees: too many for the 2017 科小 办法's 500, not for the invented 1000)
const FACTS: Facts = { employees: 800, scienceStaff: 96 };

function hnteCondition(asOf: IsoDate, id: string) {
  const judged = judgeProgramme(editionAt(HNTE, asOf).values, { facts: FACTS, asOf });
  return { condition: judged.conditions.find((c) => c.id === id)!, notes: judged.notes.map((n) => n.text) };
}

function smeEmployees(asOf: IsoDate) {
  return judgeProgramme(editionAt(SME, asOf).values, { facts: FACTS, asOf }).conditions.find((c) => c.id === 'tsme-2-employees')!;
}

describe('editions of the 高企 办法 and 工作指引', () => {
  it('judges by the 办法 in force on the evaluation date, its label built from that edition’s bound', () => {
    const before = hnteCondition('2026-06-30', 'hnte-4-science-staff');
    expect(before.condition.label).toBe('（四）科技人员占职工总数的比例不低于10%');
    expect(before.condition.status).toBe('met');
    const after = hnteCondition('2026-07-01', 'hnte-4-science-staff');
    expect(after.condition.label).toBe('（四）科技人员占职工总数的比例不低于15%');
    expect(after.condition.status).toBe('unmet');
    expect(after.notes[0]).toContain('虚构的2026年修订');
  });

  it('takes the 指引 from its own list: a later scoring edition changes the pass mark, not the 办法', () => {
    expect(hnteCondition('2026-12-31', 'hnte-7-innovation-score').condition.label).toBe('（七）企业创新能力评价达到要求（综合得分70分以上，不含70分）');
    const later = hnteCondition('2027-01-01', 'hnte-7-innovation-score');
    expect(later.condition.label).toBe('（七）企业创新能力评价达到要求（综合得分75分以上，不含75分）');
    expect(hnteCondition('2027-01-01', 'hnte-4-science-staff').condition.label).toBe('（四）科技人员占职工总数的比例不低于15%');
  });

  it('applies the 2016 texts before their first day, as evaluations always have', () => {
    const early = judgeProgramme(editionAt(HNTE_PROGRAMMES, '2015-03-01').values, { facts: FACTS, asOf: '2015-03-01' });
    expect(early.conditions.find((c) => c.id === 'hnte-4-science-staff')!.label).toBe('（四）科技人员占职工总数的比例不低于10%');
  });
});

describe('editions of the 科小 评价办法', () => {
  it('judges by the edition in force on the evaluation date, its label built from that edition’s bound', () => {
    const before = smeEmployees('2026-06-30');
    expect(before.label).toBe('（二）职工总数不超过500人');
    expect(before.status).toBe('unmet');
    const after = smeEmployees('2026-07-01');
    expect(after.label).toBe('（二）职工总数不超过1000人');
    expect(after.status).toBe('met');
  });

  it('applies the 2017 edition before its first day', () => {
    expect(judgeProgramme(editionAt(TECH_SME_PROGRAMMES, '2016-01-01').values, { facts: FACTS, asOf: '2016-01-01' }).conditions.find((c) => c.id === 'tsme-2-employees')!.label).toBe('（二）职工总数不超过500人');
  });
});

describe('jointEditions', () => {
  it('starts a new joint edition on every day either list changes, oldest first', () => {
    expect(jointEditions(MEASURES, SCORING, (m, s) => `${m.scienceStaff.share.value}%|${s.pass.score.value}分`).map((e) => [e.since, e.values])).toEqual([
      ['2016-01-01', '10%|70分'],
      ['2016-06-22', '10%|70分'],
      ['2026-07-01', '15%|70分'],
      ['2027-01-01', '15%|75分'],
    ]);
  });
});
