import { describe, expect, it, vi } from 'vitest';
import { interpretAnswer } from '../../bot/dialog/interpret.js';
import { wantsModelFacts } from '../../bot/llm/facts-gate.js';
import { extractFacts } from '../../bot/understand/extract.js';
import { namesOf, OUTSIDE_NANTONG, PLACES, type Place } from '../../knowledge/places.js';
import { outsidePlacesNamed } from '../../knowledge/search/jurisdiction.js';
import { REGIONS } from '../../rules/facts/schema.js';

// The dialog keeps no place words of its own: knowledge/places.ts is read for every one of them. This file adds a
// town, a landmark and a city to the module (as a contributor would, by one edit there) and sees the dialog read
// them, alongside every word the module lists.
const FIXTURE = vi.hoisted(() => ({ town: '样板镇', landmark: '试验港', city: '火星城' }));

vi.mock('../../knowledge/places.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../knowledge/places.js')>();
  const withFixture = (p: Place): Place => {
    if (p.name === '如东县') return { ...p, towns: [...(p.towns ?? []), FIXTURE.town] };
    if (p.name === '启东市') return { ...p, landmarks: [...(p.landmarks ?? []), FIXTURE.landmark] };
    return p;
  };
  return { ...real, PLACES: real.PLACES.map(withFixture), OUTSIDE_NANTONG: [...real.OUTSIDE_NANTONG, FIXTURE.city] };
});

const YEARS = { lastYear: 2025, thisYear: 2026 };
const COUNTY_LEVEL = PLACES.filter((p) => p.level === 'county');
/** [word, the region it names] for every word of a kind the module lists */
const wordsOf = (kind: (p: Place) => readonly string[]) => COUNTY_LEVEL.flatMap((p) => kind(p).map((word) => [word, p.name]));
const inAnyMessage = (p: Place) => [...namesOf(p), ...(p.landmarks ?? [])];
const asAnAnswer = (p: Place) => [...inAnyMessage(p), ...(p.towns ?? []), ...(p.saidAlone ?? [])];

describe('the dialog reads every place knowledge/places.ts names', () => {
  it('reads a town, a landmark and a city added to the module with no other edit', () => {
    expect(interpretAnswer('region', FIXTURE.town, 'zh')).toEqual({ kind: 'value', value: '如东县' });
    expect(extractFacts(`公司在${FIXTURE.landmark}，120人`, YEARS)).toContainEqual(expect.objectContaining({ path: 'region', value: '启东市' }));
    expect(interpretAnswer('region', `我们在${FIXTURE.city}`, 'zh')).toEqual({ kind: 'value', value: '市外' });
    expect(outsidePlacesNamed(`${FIXTURE.city}的人才政策`)).toEqual([FIXTURE.city]);
  });

  it.each(wordsOf(asAnAnswer))('as the answer to where the firm is, “%s” → %s', (word, region) => {
    expect(REGIONS).toContain(region);
    expect(interpretAnswer('region', word, 'zh')).toEqual({ kind: 'value', value: region });
  });

  it.each(wordsOf(inAnyMessage))('in an opening message, “公司在%s” → %s, and the message goes to the model if the patterns miss it', (word, region) => {
    expect(extractFacts(`公司在${word}，120人`, YEARS)).toContainEqual({ path: 'region', value: region, evidence: `公司在${word}` });
    expect(wantsModelFacts(`我们在${word}`, [], null)).toBe(true);
  });

  it.each(OUTSIDE_NANTONG)('“%s” is beyond 南通 for the dialog and for search alike', (city) => {
    expect(interpretAnswer('region', `公司在${city}`, 'zh')).toEqual({ kind: 'value', value: '市外' });
    expect(outsidePlacesNamed(`${city}的政策`)).toContain(city);
  });

  it('a word names one place only, and a town is read whole, not as a city inside its name', () => {
    const words = COUNTY_LEVEL.flatMap(asAnAnswer);
    expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
    expect(interpretAnswer('region', '长沙镇', 'zh')).toEqual({ kind: 'value', value: '如东县' });
    expect(interpretAnswer('region', '如东经开区', 'zh')).toEqual({ kind: 'value', value: '如东县' });
    expect(interpretAnswer('region', '通州湾', 'zh')).toEqual({ kind: 'value', value: '通州湾示范区' });
  });

  it('a town counts only where its name stands as a place, not inside another word', () => {
    // 大公 (海安), 三星 (海门) and 金沙 (通州) are towns, and parts of everyday words too
    expect(interpretAnswer('region', '我们是大公司', 'zh')).toMatchObject({ kind: 'unclear' });
    expect(interpretAnswer('region', '三星电子的供应商', 'zh')).toMatchObject({ kind: 'unclear' });
    expect(interpretAnswer('region', '金沙江边上', 'zh')).toMatchObject({ kind: 'unclear' });
    expect(interpretAnswer('region', '我们在大公', 'zh')).toEqual({ kind: 'value', value: '海安市' });
    expect(interpretAnswer('region', '大公镇', 'zh')).toEqual({ kind: 'value', value: '海安市' });
    expect(interpretAnswer('region', '白蒲镇', 'zh')).toEqual({ kind: 'value', value: '如皋市' });
    expect(interpretAnswer('region', '南通高新区', 'zh')).toEqual({ kind: 'value', value: '通州区' });
    expect(interpretAnswer('region', '在苏通科技产业园注册', 'zh')).toEqual({ kind: 'value', value: '苏锡通科技产业园区' });
    expect(interpretAnswer('region', '大公司，在海门', 'zh')).toEqual({ kind: 'value', value: '海门区' });
  });
});
