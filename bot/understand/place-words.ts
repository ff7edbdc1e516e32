/**
 * The words an owner names a place by, all taken from knowledge/places.ts: a place, a town of a place or a city
 * added there is read by the dialog with no edit here.
 */
import { namesOf, OUTSIDE_NANTONG, PLACES } from '../../knowledge/places.js';
import { wordBoundaries } from '../../knowledge/search/segment.js';
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
  /** a town's name, often an everyday word too (大公, 先锋, 三星): read only where it stands as a word of its own */
  town: boolean;
}

const NAMED_BY = new Map<string, Named>([
  ...OUTSIDE_NANTONG.map((w): [string, Named] => [w, { region: OUTSIDE_REGION, rank: RANK.outside, town: false }]),
  ...REGIONAL.flatMap((p) => {
    const rank = p.division ? RANK.county : RANK.park;
    const named = { region: p.name, rank, town: false };
    const town = { region: p.name, rank, town: true };
    return [
      ...[...namesOf(p), ...(p.landmarks ?? [])].map((w): [string, Named] => [w, named]),
      ...(p.towns ?? []).map((w): [string, Named] => [w, town]),
    ];
  }),
]);
const SAID_ALONE = new Map(REGIONAL.flatMap((p) => (p.saidAlone ?? []).map((w): [string, string] => [w, p.name])));
const REGION_WORD = new RegExp(alternation([...NAMED_BY.keys()]), 'gu');

/** What may follow a town's name and keep it a place where the segmenter joins them (白蒲镇 cut as 白 / 蒲镇). */
const PLACE_SUFFIX = /^(?:镇|乡|村|区|园|街道|社区)/u;

/**
 * Whether a town's name at `at` stands as a word of its own: the segmenter starts a word on its first character,
 * and ends one on its last or runs it into a place word (大公镇); not so in 大公司 (大 / 公司) or 三星电子.
 */
function standsAlone(text: string, at: number, word: string, bounds: ReadonlySet<number>): boolean {
  const end = at + word.length;
  return bounds.has(at) && (bounds.has(end) || PLACE_SUFFIX.test(text.slice(end)));
}

/** Words for being elsewhere, or not here yet, that name no place. */
const NOT_HERE_YET = /市外|外地|外省|省外|外市|还没(有)?(落户|来|注册到)|准备过来|不在南通|还没在南通|没在南通/u;

/**
 * The region an answer to "where is the firm registered" names, the first named of the highest rank. Where two
 * words start at one character the longer is read, so a town is not taken for a city inside its name (长沙镇 is
 * 如东's, not 长沙); a town's name counts only as a word of its own (大公司 names no place, though it holds 大公).
 */
export function regionNamed(text: string): string | null {
  if (NOT_HERE_YET.test(text)) return OUTSIDE_REGION;
  const alone = SAID_ALONE.get(text);
  if (alone) return alone;
  let best: Named | null = null;
  // segmented only when a town's name is met: most answers name a county or nothing at all
  let bounds: ReadonlySet<number> | null = null;
  const words = new RegExp(REGION_WORD);
  for (let match = words.exec(text); match; match = words.exec(text)) {
    const [word] = match;
    const named = NAMED_BY.get(word)!;
    if (named.town && !standsAlone(text, match.index, word, (bounds ??= wordBoundaries(text)))) {
      // a place may still start inside the word passed over
      words.lastIndex = match.index + 1;
      continue;
    }
    if (best === null || named.rank < best.rank) best = named;
  }
  return best?.region ?? null;
}
