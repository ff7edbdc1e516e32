import { describe, expect, it } from 'vitest';
import { withFact } from '../../bot/dialog/facts.js';
import { evaluate } from '../../rules/evaluate.js';
import type { Facts } from '../../rules/facts/schema.js';
import { parseProfile } from '../../rules/facts/validate.js';

const TODAY = '2026-11-22';

describe('the facts the dialog records are a profile the rules read as they are', () => {
  it('null or undefined empties the slot: no null for a rule to meet', () => {
    const facts = { employees: 50, salesRevenueByYear: { '2024': 900, '2025': 1000 } };
    expect(withFact(facts, 'salesRevenueByYear.2025', null)).toEqual({ employees: 50, salesRevenueByYear: { '2024': 900 } });
    expect(withFact({ salesRevenueByYear: { '2025': 1000 } }, 'salesRevenueByYear.2025', undefined)).toEqual({});
    expect(withFact(facts, 'employees', null)).toEqual({ salesRevenueByYear: facts.salesRevenueByYear });
  });

  it('what validation accepts with a null, the rules evaluate unparsed', () => {
    const facts = withFact({ rdExpenseByYear: { '2025': 80 } }, 'salesRevenueByYear.2025', null);
    expect(() => parseProfile(facts, { today: TODAY })).not.toThrow();
    expect(() => evaluate(facts as Facts, TODAY)).not.toThrow();
  });
});
