import type { CitationRef } from '../../knowledge/citation.js';
import { matchParks as matchRows } from '../../knowledge/records/park-match.js';
import { sectorsIn, sectorsOfField } from '../../knowledge/records/sectors.js';
import type { Facts } from '../facts/schema.js';
import { PARKS_2024 } from '../parameters/parks-2024.js';
import { cite, DOC } from '../parameters/sources.js';

export interface ParkMatch {
  park: string;
  region: string;
  directions: string;
  /** the park's 主攻方向 that fit the enterprise, as the table writes them */
  matchedOn: string[];
  /** the part of the park's row that matched */
  cites: CitationRef[];
}

/**
 * The 特色园区 whose 主攻方向 fit the enterprise: by the sectors its main business names, or, when that names none,
 * by its high-tech field. The same matcher answers "X行业去哪个园区" (knowledge/records/park-match.ts): whole
 * words, the most specific fit first, then parks in the enterprise's own region.
 */
export function matchParks(facts: Facts): readonly ParkMatch[] {
  const { mainBusiness = '', highTechField = '', region = '' } = facts;
  // looked up one fact at a time: no key string to build and hash on every evaluation
  let byBusiness = matched.get(region);
  if (!byBusiness) matched.set(region, (byBusiness = new Map()));
  let byField = byBusiness.get(mainBusiness);
  if (!byField) byBusiness.set(mainBusiness, (byField = new Map()));
  let found = byField.get(highTechField);
  if (!found) {
    if (++matchedSize > MATCHED_LIMIT) {
      matched.clear();
      matchedSize = 0;
    }
    byField.set(highTechField, (found = matchBySectors(facts)));
  }
  return found;
}

// The match depends on three facts only, and a dialog asks again and again; dropped whole when it grows (the main
// business is free text).
const matched = new Map<string, Map<string, Map<string, readonly ParkMatch[]>>>();
let matchedSize = 0;
const MATCHED_LIMIT = 1000;

// Many businesses and fields name the same sectors, and matching the table is costly (segmenting every direction):
// it is done once per set of sectors and region.
const bySectors = new Map<string, readonly ParkMatch[]>();

function matchBySectors(facts: Facts): readonly ParkMatch[] {
  const own = facts.mainBusiness ? sectorsIn(facts.mainBusiness).map((m) => m.sector) : [];
  const wanted = own.length > 0 ? own : facts.highTechField ? sectorsOfField(facts.highTechField) : [];
  const key = `${wanted.join(',')}\u0000${facts.region ?? ''}`;
  let found = bySectors.get(key);
  if (!found) {
    if (bySectors.size >= MATCHED_LIMIT) bySectors.clear();
    bySectors.set(key, (found = match(wanted, facts.region)));
  }
  return found;
}

function match(wanted: readonly string[], region: string | undefined): ParkMatch[] {
  return matchRows(PARKS_2024, wanted, region).map(({ row, matched: directions, quote }) => ({
    park: row.park,
    region: row.region,
    directions: row.directions,
    matchedOn: directions.map((d) => d.text),
    cites: [cite(DOC.parks, quote)],
  }));
}
