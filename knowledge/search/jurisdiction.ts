/** Jurisdictions of the corpus and the words users name them by. */
const NAMES: Array<[RegExp, string]> = [
  [/海门/u, '海门区'],
  [/启东/u, '启东市'],
  [/通州(?!湾)/u, '通州区'],
  [/(?:南通市|全市|市级|市区)(?!外)/u, '南通市'],
  [/国家|全国|国科发|科技部/u, '全国'],
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
