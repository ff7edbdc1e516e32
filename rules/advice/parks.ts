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
  const key = `${facts.mainBusiness ?? ''}\u0000${facts.highTechField ?? ''}\u0000${facts.region ?? ''}`;
  let found = matched.get(key);
  if (!found) {
    if (matched.size >= MATCHED_LIMIT) matched.clear();
    matched.set(key, (found = match(facts)));
  }
  return found;
}

// The match depends on three facts only, and a dialog asks again and again; dropped whole when it grows.
const matched = new Map<string, readonly ParkMatch[]>();
const MATCHED_LIMIT = 1000;

function match(facts: Facts): ParkMatch[] {
  const own = facts.mainBusiness ? sectorsIn(facts.mainBusiness).map((m) => m.sector) : [];
  const wanted = own.length > 0 ? own : facts.highTechField ? sectorsOfField(facts.highTechField) : [];
  return matchRows(PARKS_2024, wanted, facts.region).map(({ row, matched: directions, quote }) => ({
    park: row.park,
    region: row.region,
    directions: row.directions,
    matchedOn: directions.map((d) => d.text),
    cites: [cite(DOC.parks, quote)],
  }));
}
