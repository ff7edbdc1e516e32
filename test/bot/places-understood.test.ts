import { describe, expect, it } from 'vitest';
import { interpretAnswer } from '../../bot/dialog/interpret.js';
import { PLACES } from '../../knowledge/places.js';
import { REGIONS } from '../../rules/facts/schema.js';

// The regions a profile may name come from knowledge/places.ts; the dialog's own words for places
// (bot/understand/choice-words.ts) must read every one of them, and every other name the module gives it.
const COUNTY_LEVEL = PLACES.filter((p) => p.level === 'county');

describe('the dialog reads every region knowledge/places.ts names', () => {
  it.each(COUNTY_LEVEL.flatMap((p) => [p.name, ...p.aliases, ...(p.formerly ?? [])].map((word) => [word, p.name])))('“%s” → %s', (word, region) => {
    expect(REGIONS).toContain(region);
    expect(interpretAnswer('region', word, 'zh')).toEqual({ kind: 'value', value: region });
  });
});
