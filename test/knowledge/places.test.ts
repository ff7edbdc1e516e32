import { describe, expect, it } from 'vitest';
import { CITY_PARKS, COUNTY_DIVISIONS, levelOfPlace, PLACES, shortName } from '../../knowledge/places.js';
import { namedJurisdiction } from '../../knowledge/search/jurisdiction.js';
import { countiesOutOfScope } from '../../knowledge/search/scope.js';
import type { KnowledgeStore, StoredClause } from '../../knowledge/store/store.js';
import { jurisdictionNamedIn, normaliseJurisdiction } from '../../knowledge/triage/jurisdictions.js';
import { REGIONS } from '../../rules/facts/schema.js';

/** One document of the given jurisdiction holding one clause, with no records and no headings. */
function storeWith(jurisdiction: string, text: string): { store: KnowledgeStore; clause: StoredClause } {
  const clause = {
    id: 'doc#1', docId: 'doc', parentId: null, ord: 0, kind: 'item', label: '1', path: '一', text, fullText: text, context: '',
    departments: [], part: null, tokens: new Set<string>(),
  } as unknown as StoredClause;
  const store = {
    documents: new Map([['doc', { id: 'doc', jurisdiction, shortTitle: '意见', parts: [] }]]),
    records: [],
    ancestors: () => [],
    clause: () => clause,
  } as unknown as KnowledgeStore;
  return { store, clause };
}

describe('places', () => {
  it('search and triage find the same county in a question, for every county', () => {
    expect(namedJurisdiction('如皋的高企奖励是多少')).toBe('如皋市');
    for (const p of COUNTY_DIVISIONS) {
      const question = `${shortName(p)}的高企奖励是多少`;
      expect(namedJurisdiction(question)).toBe(p.name);
      expect(jurisdictionNamedIn(question)).toBe(p.name);
      expect(normaliseJurisdiction(shortName(p))).toBe(p.name);
    }
    // 通州湾 is a park of the city, not the district
    expect(namedJurisdiction('通州湾的人才政策')).toBeNull();
  });

  it('a provincial document speaks for every county: not out of scope for a 通州 question', () => {
    expect(levelOfPlace('江苏省')).toBe('province');
    const provincial = storeWith('江苏省', '对首次认定的高新技术企业给予奖励');
    expect(countiesOutOfScope(provincial.store, provincial.clause, '通州的高企奖励是多少')).toEqual([]);
    // another county's document still is
    const county = storeWith('海门区', '对首次认定的高新技术企业给予奖励');
    expect(countiesOutOfScope(county.store, county.clause, '通州的高企奖励是多少')).toEqual(['通州']);
  });

  it('the facts schema names exactly the counties and parks of the places, in order, then 市外', () => {
    expect([...REGIONS]).toEqual([...COUNTY_DIVISIONS, ...CITY_PARKS].map((p) => p.name).concat('市外'));
  });

  it('every place but the nation has a known parent', () => {
    const names = new Set(PLACES.map((p) => p.name));
    for (const p of PLACES) expect(p.parent === null ? p.level : names.has(p.parent)).toBe(p.parent === null ? 'national' : true);
  });
});
