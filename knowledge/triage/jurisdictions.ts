import { CITY, COUNTY_DIVISIONS, placeNamed, shortName } from '../places.js';
import { nfkc } from '../text/normalize.js';

/** The administrative level a department name's prefix stands for: 市科技局, 区税务局, 县…. */
export type Level = '市' | '区' | '县';

/**
 * 南通 and its county-level divisions. A caller belongs to one of them; a department belongs to one of them. A
 * county caller is also served by 南通市's departments (city-wide plans apply to every county), never by another
 * county's. 通州 must not match 通州湾 (a 市直属 park, not the district).
 */
export { CITY };
const DIVISIONS = [...COUNTY_DIVISIONS, placeNamed(CITY)!].map((p) => ({
  name: p.name,
  short: shortName(p),
  // the office prefix is the last character of the name: 海门区 → 区科技局, 启东市 → 市科技局
  level: p.name.slice(-1) as Level,
}));

const byName = new Map(DIVISIONS.map((d) => [d.name, d]));

export function isKnownJurisdiction(name: string): boolean {
  return byName.has(name);
}

export const KNOWN_JURISDICTIONS: readonly string[] = DIVISIONS.map((d) => d.name);

/** The level a document of this jurisdiction means by an unprefixed 科技局: 海门区's is 区科技局. */
export function levelOf(jurisdiction: string): Level {
  return byName.get(jurisdiction)?.level ?? '市';
}

/** "海门" / "海门区" / "南通" → the division's full name; null for anything else. */
export function normaliseJurisdiction(input: string): string | null {
  const s = nfkc(input).replace(/\s+/gu, '');
  for (const d of DIVISIONS) if (s === d.name || s === d.short) return d.name;
  return null;
}

/** A division's name written at the start of a department name ("海门税务局", "启东市科技局"), if any. */
export function leadingDivision(name: string): { division: string; rest: string } | null {
  for (const d of DIVISIONS) {
    for (const written of [d.name, d.short]) {
      if (name.startsWith(written)) return { division: d.name, rest: name.slice(written.length) };
    }
  }
  return null;
}

const NAMED_IN_QUESTION: Array<[RegExp, string]> = [
  ...DIVISIONS.filter((d) => d.name !== CITY).map((d): [RegExp, string] => [new RegExp(`${d.short}(?!湾)`, 'u'), d.name]),
  // the city itself; "全市" / "市里" after a county's name belong to that county (the first named wins)
  [/南通市|全市|市级|市里/u, CITY],
];

/** The division a question names (the first mentioned), e.g. "启东的科技贷款" → 启东市. */
export function jurisdictionNamedIn(question: string): string | null {
  let best: { at: number; name: string } | null = null;
  for (const [re, name] of NAMED_IN_QUESTION) {
    const m = re.exec(question);
    if (m && (best === null || m.index < best.at)) best = { at: m.index, name };
  }
  return best?.name ?? null;
}

/** Whose departments answer a caller of this jurisdiction: its own, then the city's. */
export function servingJurisdictions(caller: string): string[] {
  return caller === CITY ? [CITY] : [caller, CITY];
}
