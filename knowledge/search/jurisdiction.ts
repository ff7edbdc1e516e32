import { CITY, COUNTY_DIVISIONS, NATION, OUTSIDE_NANTONG, shortName } from '../places.js';

/** Jurisdictions of the corpus and the words users name them by; 通州 is not 通州湾 (a 市直属 park). */
const NAMES: Array<[RegExp, string]> = [
  ...COUNTY_DIVISIONS.map((p): [RegExp, string] => [new RegExp(`${shortName(p)}(?!湾)`, 'u'), p.name]),
  [/(?:南通市|全市|市级|市区)(?!外)/u, CITY],
  [/国家|全国|国科发|科技部/u, NATION],
];

/** The jurisdiction a question names, if any (the first named wins). */
export function namedJurisdiction(question: string): string | null {
  let best: { at: number; j: string } | null = null;
  for (const [re, j] of NAMES) {
    const m = re.exec(question);
    if (m && (best === null || m.index < best.at)) best = { at: m.index, j };
  }
  return best?.j ?? null;
}

/**
 * Places beyond the corpus: no document here speaks for them. A question about one is answered only by a clause
 * that names it (通州's activity table names 上海, 深圳 …), never by a 南通 rule that happens to share its words.
 */
export function outsidePlacesNamed(question: string): string[] {
  return OUTSIDE_NANTONG.filter((p) => question.includes(p));
}
