import { describe, expect, it } from 'vitest';
import { bound, figureSatisfies, satisfies } from '../../rules/logic/bounds.js';
import { addYears, dayBefore } from '../../rules/logic/dates.js';
import { money, percent, plain } from '../../rules/logic/format.js';
import { showInterval } from '../../rules/logic/interval.js';
import { add, compare, fraction, multiply, rational, sum } from '../../rules/logic/rational.js';
import { allOf, anyOf, not } from '../../rules/logic/tri.js';

describe('exact arithmetic at the bounds', () => {
  it('5 of 50 is exactly 10%, 500 of 10,000 exactly 5%', () => {
    expect(compare(fraction(5, 50), fraction(10, 100))).toBe(0);
    expect(compare(fraction(500, 10000), fraction(5, 100))).toBe(0);
    expect(compare(multiply(fraction(1, 3), rational(3)), rational(1))).toBe(0);
  });

  it('sums decimals without binary drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(compare(add(rational(0.1), rational(0.2)), rational(0.3))).toBe(0);
    expect(compare(sum([10.1, 20.2, 19.7].map(rational)), rational(50))).toBe(0);
  });

  it('whole numbers made once behave as any other', () => {
    // 0–1000 come from a table made once; 1001 and -3 are made on use
    expect(compare(add(rational(1000), rational(1)), rational(1001))).toBe(0);
    expect(compare(add(rational(-3), rational(3)), rational(0))).toBe(0);
    expect(rational(7)).toEqual({ n: 7n, d: 1n });
  });

  it('reads exponent forms', () => {
    expect(compare(rational(1e-7), fraction(1, 10_000_000))).toBe(0);
    expect(compare(rational(1.5e21), multiply(rational(15), rational(1e20)))).toBe(0);
  });
});

describe('legal number words', () => {
  const cases: [Parameters<typeof bound>[0], number, number, boolean][] = [
    ['以上', 500, 500, true], ['以上', 500, 499.99, false],
    ['不低于', 10, 10, true], ['不低于', 10, 9.99, false],
    ['不超过', 500, 500, true], ['不超过', 500, 500.01, false],
    ['以内', 10, 10, true], ['以下', 10, 10, true],
    ['小于（含）', 5000, 5000, true], ['小于（含）', 5000, 5000.01, false],
    ['超过', 5000, 5000, false], ['超过', 5000, 5000.01, true],
    ['超', 30, 30, false], ['超', 30, 30.01, true],
    ['以上（不含）', 70, 70, false], ['以上（不含）', 70, 71, true],
    ['小于', 10, 10, false], ['低于', 10, 9, true],
  ];
  it.each(cases)('%s %s: %s → %s', (word, value, x, holds) => {
    const b = bound(word, value, '万元');
    expect(figureSatisfies(x, b)).toBe(holds);
    expect(satisfies(rational(x), b)).toBe(holds);
  });

  it('reads the bound back as the text words it', () => {
    expect(bound('不低于', 10, '%').text).toBe('不低于10%');
    expect(bound('以上', 500, '万元').text).toBe('500万元以上');
    expect(bound('超过', 5000, '万元').text).toBe('超过5000万元');
    expect(bound('小于（含）', 5000, '万元').text).toBe('小于5000万元（含）');
    expect(bound('不超过', 20000, '万元').text).toBe('不超过2亿元');
  });
});

describe('Kleene logic', () => {
  it('one unmet settles all, one met settles any, unknown otherwise', () => {
    expect(allOf(['met', 'unknown', 'unmet'])).toBe('unmet');
    expect(allOf(['met', 'unknown'])).toBe('unknown');
    expect(allOf(['met', 'met'])).toBe('met');
    expect(anyOf(['unmet', 'unknown', 'met'])).toBe('met');
    expect(anyOf(['unmet', 'unknown'])).toBe('unknown');
    expect(anyOf(['unmet'])).toBe('unmet');
    expect(not('unknown')).toBe('unknown');
    expect(not('met')).toBe('unmet');
  });
});

describe('dates', () => {
  it('a year after 29 February is 28 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-03-01', 1)).toBe('2026-03-01');
  });

  it('the day before', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2026-05-01')).toBe('2026-04-30');
  });
});

describe('percentages in details', () => {
  it('never print as the bound they miss', () => {
    expect(percent(fraction(9996, 1000), 10)).toBe('9.996%');
    expect(percent(fraction(8, 1), 10)).toBe('8.0%');
    expect(percent(fraction(10, 1), 10)).toBe('10.0%');
  });
});

describe('figures and scores in details', () => {
  it('print whole figures as they are and round the rest', () => {
    expect(plain(5000)).toBe('5000');
    expect(plain(-0)).toBe('0');
    expect(plain(12.345)).toBe('12.35');
    expect(plain(1e21)).toBe('1e+21');
    expect(money(25_000)).toBe('2.5亿元');
    expect(money(360.5)).toBe('360.5万元');
  });

  it('show a score interval the same whether or not its text was made before', () => {
    for (let i = 0; i < 2; i++) {
      expect(showInterval({ min: 64, max: 98 })).toBe('64–98');
      expect(showInterval({ min: 7, max: 7 })).toBe('7');
    }
    // beyond the whole scores 0–100 the text is made on use
    expect(showInterval({ min: 2.5, max: 4 })).toBe('2.5–4');
    expect(showInterval({ min: -1, max: 101 })).toBe('-1–101');
    expect(showInterval({ min: 5, max: 3 })).toBe('5–3');
  });
});
