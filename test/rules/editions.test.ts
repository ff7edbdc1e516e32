import { describe, expect, it } from 'vitest';
import { editionAt, type Edition } from '../../rules/logic/editions.js';

const TWO: readonly Edition<string>[] = [
  { since: '2023-01-01', values: '2023年版' },
  { since: '2024-03-15', values: '2024年版' },
];

describe('editionAt', () => {
  it('takes each edition from its first day, the earlier one up to the day before', () => {
    expect(editionAt(TWO, '2023-01-01').values).toBe('2023年版');
    expect(editionAt(TWO, '2024-03-14').values).toBe('2023年版');
    expect(editionAt(TWO, '2024-03-15').values).toBe('2024年版');
    expect(editionAt(TWO, '2030-12-31').values).toBe('2024年版');
  });

  it('applies the first edition before its period, as the programmes judge by the text at hand', () => {
    expect(editionAt(TWO, '2022-12-31').values).toBe('2023年版');
  });

  it('refuses an empty or unordered list', () => {
    expect(() => editionAt([], '2024-01-01')).toThrow(/no editions/);
    expect(() => editionAt([...TWO].reverse(), '2024-01-01')).toThrow(/out of order/);
  });
});
