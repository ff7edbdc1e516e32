import type { CitationRef } from '../../knowledge/citation.js';
import type { Facts } from '../facts/schema.js';
import { PARKS_2024 } from '../parameters/parks-2024.js';
import { FIELD_FAMILIES, familiesIn, familyName, type IndustryFamily } from './industry-terms.js';

export interface ParkMatch {
  park: string;
  region: string;
  directions: string;
  /** the directions the enterprise and the park share */
  matchedOn: string[];
  cites: CitationRef[];
}

const PARK_FAMILIES = PARKS_2024.map((row) => ({ row, families: [...familiesIn(row.directions)] }));

/**
 * The 特色园区 whose 主攻方向 fit the enterprise: by the directions its main business names, or, when that names
 * none, by its high-tech field. Parks in its own region first, then by how many directions they share.
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
  const own: ReadonlySet<IndustryFamily> = facts.mainBusiness ? familiesIn(facts.mainBusiness) : new Set();
  const wanted = own.size ? own : new Set(facts.highTechField ? FIELD_FAMILIES[facts.highTechField] : []);
  if (wanted.size === 0) return [];
  return PARK_FAMILIES.map(({ row, families }) => ({ row, shared: families.filter((f) => wanted.has(f)) }))
    .filter((m) => m.shared.length > 0)
    .map(({ row, shared }, order) => ({ row, shared, order, home: row.region === facts.region ? 0 : 1 }))
    .sort((a, b) => a.home - b.home || b.shared.length - a.shared.length || a.order - b.order)
    .map(({ row, shared }) => ({
      park: row.park,
      region: row.region,
      directions: row.directions,
      matchedOn: shared.map(familyName),
      cites: [row.cite],
    }));
}
