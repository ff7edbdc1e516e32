/**
 * The words an owner names a place by, all taken from knowledge/places.ts: a place, a town of a place or a city
 * added there is read by the dialog with no edit here.
 */
import { namesOf, OUTSIDE_NANTONG, PLACES } from '../../knowledge/places.js';
import { escapeRegExp } from '../../knowledge/text/regexp.js';

/** The region of a firm not (yet) registered in 南通. */
export const OUTSIDE_REGION = '市外';

/** Where an owner says a firm is registered: a county of 南通, a park of the city. */
const REGIONAL = PLACES.filter((p) => p.level === 'county');

/** Words as one alternation, longest first: where two start at the same character the longer is read (通州湾, not 通州). */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

/**
 * Any word that says where a firm is in an opening message: a place's names, its landmarks (吕四, 洋口) and the
 * words that name it only alone (经开区), which the answer reader then weighs.
 */
export const NAMES_A_PLACE = alternation(REGIONAL.flatMap((p) => [...namesOf(p), ...(p.landmarks ?? []), ...(p.saidAlone ?? [])]));

/** Any place beyond 南通. */
export const NAMES_AN_OUTSIDE_PLACE = alternation(OUTSIDE_NANTONG);

/**
 * Which region wins when an answer names several: anywhere beyond 南通 (a firm still there is not registered here),
 * then a park (named after, or inside, its host county: 南通高新区 is 通州's town, 苏锡通 the park), then a county.
 */
const RANK = { outside: 0, park: 1, county: 2 } as const;
interface Named {
  region: string;
  rank: number;
}

const NAMED_BY = new Map<string, Named>([
  ...OUTSIDE_NANTONG.map((w): [string, Named] => [w, { region: OUTSIDE_REGION, rank: RANK.outside }]),
  ...REGIONAL.flatMap((p) => {
    const named = { region: p.name, rank: p.division ? RANK.county : RANK.park };
    return [...namesOf(p), ...(p.landmarks ?? []), ...(p.towns ?? [])].map((w): [string, Named] => [w, named]);
  }),
]);
const SAID_ALONE = new Map(REGIONAL.flatMap((p) => (p.saidAlone ?? []).map((w): [string, string] => [w, p.name])));
const REGION_WORD = new RegExp(alternation([...NAMED_BY.keys()]), 'gu');

/** Words for being elsewhere, or not here yet, that name no place. */
const NOT_HERE_YET = /市外|外地|外省|省外|外市|还没(有)?(落户|来|注册到)|准备过来|不在南通|还没在南通|没在南通/u;

/**
 * The region an answer to "where is the firm registered" names, the first named of the highest rank. Where two
 * words start at one character the longer is read, so a town is not taken for a city inside its name (长沙镇 is
 * 如东's, not 长沙); a word inside a longer everyday word is still read (大公司 holds 海安's 大公).
 */
export function regionNamed(text: string): string | null {
  if (NOT_HERE_YET.test(text)) return OUTSIDE_REGION;
  const alone = SAID_ALONE.get(text);
  if (alone) return alone;
  let best: Named | null = null;
  for (const [word] of text.matchAll(REGION_WORD)) {
    const named = NAMED_BY.get(word)!;
    if (best === null || named.rank < best.rank) best = named;
  }
  return best?.region ?? null;
}
