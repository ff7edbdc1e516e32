/**
 * The places Tongce knows by name: the nation, the province, 南通市, its 区/县/市 and its 市直属 parks. Triage (whose
 * office serves a caller), search (whose document speaks for a question) and the facts schema (where a firm is
 * registered) all read this one list, so that a place added here is known everywhere at once.
 */

/** How far a place's documents reach: a national text holds in every county, a county's only in its own. */
export type PlaceLevel = 'national' | 'province' | 'city' | 'county';

export interface Place {
  /** the full name documents and the catalog use: 海门区, 启东市 */
  name: string;
  /** how callers and documents name it for short ("海门税务局", "我们启东"), longest first */
  aliases: readonly string[];
  level: PlaceLevel;
  parent: string | null;
  /**
   * an administrative division with its own offices (区科技局 …); a park (开发区, 示范区) is county-level in the
   * facts but its affairs are handled by the city's and its host county's offices
   */
  division: boolean;
  /** names the place had before a merger, still met in documents (港闸区 joined 崇川区 in 2020) */
  formerly?: readonly string[];
}

export const NATION = '全国';
export const PROVINCE = '江苏省';
export const CITY = '南通市';

/**
 * In the facts schema's order (spec/facts.md): the counties, then the parks. Kept `as const` so that the schema's
 * regions take their type from these names (COUNTY_LEVEL_NAMES); read as PLACES everywhere else.
 */
const PLACE_LIST = [
  { name: NATION, aliases: ['国家'], level: 'national', parent: null, division: false },
  { name: PROVINCE, aliases: ['江苏'], level: 'province', parent: NATION, division: false },
  { name: '崇川区', aliases: ['崇川'], level: 'county', parent: CITY, division: true, formerly: ['港闸'] },
  { name: '通州区', aliases: ['通州'], level: 'county', parent: CITY, division: true },
  { name: '海门区', aliases: ['海门'], level: 'county', parent: CITY, division: true },
  { name: '如皋市', aliases: ['如皋'], level: 'county', parent: CITY, division: true },
  { name: '海安市', aliases: ['海安'], level: 'county', parent: CITY, division: true },
  { name: '如东县', aliases: ['如东'], level: 'county', parent: CITY, division: true },
  { name: '启东市', aliases: ['启东'], level: 'county', parent: CITY, division: true },
  { name: '南通经济技术开发区', aliases: [], level: 'county', parent: CITY, division: false },
  { name: '苏锡通科技产业园区', aliases: [], level: 'county', parent: CITY, division: false },
  { name: '通州湾示范区', aliases: ['通州湾'], level: 'county', parent: CITY, division: false },
  { name: '南通创新区', aliases: [], level: 'county', parent: CITY, division: false },
  { name: CITY, aliases: ['南通'], level: 'city', parent: PROVINCE, division: true },
] as const satisfies readonly Place[];

export const PLACES: readonly Place[] = PLACE_LIST;

type CountyLevel = Extract<(typeof PLACE_LIST)[number], { level: 'county' }>;
/** A place of 南通 at county level: one of its 区/县/市 or a park directly under the city. */
export type CountyLevelName = CountyLevel['name'];

/** Their names in order: where a firm can be registered in 南通 (the facts schema's regions). */
export const COUNTY_LEVEL_NAMES: readonly CountyLevelName[] = PLACE_LIST.filter((p): p is CountyLevel => p.level === 'county').map((p) => p.name);

const byName = new Map(PLACES.map((p) => [p.name, p]));

export function placeNamed(name: string): Place | undefined {
  return byName.get(name);
}

/** The level of a jurisdiction; a name not in the list is taken for a county's, the narrowest reach. */
export function levelOfPlace(name: string): PlaceLevel {
  return byName.get(name)?.level ?? 'county';
}

/** Whether a document of this jurisdiction speaks for the whole of 南通 (national, provincial or the city's own). */
export function coversWholeCity(jurisdiction: string): boolean {
  return levelOfPlace(jurisdiction) !== 'county';
}

/** 南通's 区/县/市 with offices of their own, in the schema's order. */
export const COUNTY_DIVISIONS: readonly Place[] = PLACES.filter((p) => p.level === 'county' && p.division);

/** The parks directly under the city (南通经济技术开发区 …). */
export const CITY_PARKS: readonly Place[] = PLACES.filter((p) => p.level === 'county' && !p.division);

/** The short name a county is written by in running text: 海门, 如皋. */
export function shortName(p: Place): string {
  return p.aliases[0] ?? p.name;
}
