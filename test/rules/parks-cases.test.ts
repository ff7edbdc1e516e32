import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { evaluate } from '../../rules/evaluate.js';
import { parseProfile } from '../../rules/facts/validate.js';
import { testKnowledge } from '../helpers/knowledge.js';
import { CASES_DIR } from './support/cases.js';

const ParkCases = z.strictObject({
  asOf: z.string(),
  cases: z.array(
    z.strictObject({
      name: z.string(),
      clause: z.string(),
      facts: z.record(z.string(), z.unknown()),
      expect: z.strictObject({
        first: z.array(z.string()).optional(),
        absent: z.array(z.string()).optional(),
        includes: z.array(z.string()).optional(),
        quotes: z.record(z.string(), z.string()).optional(),
      }),
    }),
  ),
});

const file = ParkCases.parse(parse(readFileSync(join(CASES_DIR, 'advice', 'parks.yaml'), 'utf8')));
const knowledge = testKnowledge();

describe('parks.yaml', () => {
  it.each(file.cases)('$name', (c) => {
    const profile = parseProfile(c.facts, { asOf: file.asOf, today: file.asOf });
    const parks = evaluate(profile.facts, profile.asOf).parks;
    const names = parks.map((p) => p.park);
    if (c.expect.first) expect(names.slice(0, c.expect.first.length)).toEqual(c.expect.first);
    for (const p of c.expect.absent ?? []) expect(names).not.toContain(p);
    if (c.expect.includes) expect(names).toEqual(expect.arrayContaining(c.expect.includes));
    for (const [park, quote] of Object.entries(c.expect.quotes ?? {})) {
      const found = parks.find((p) => p.park === park);
      expect(found?.cites[0]?.quote, park).toBe(quote);
      // the quote resolves to that park's own row of the 空间布局 table
      expect(knowledge.resolve(found!.cites[0]!).path).toMatch(/空间布局/u);
    }
    // the clause the case rests on is real
    expect(() => knowledge.resolve({ doc: 'nantong-2024-37', quote: c.clause })).not.toThrow();
  });
});
