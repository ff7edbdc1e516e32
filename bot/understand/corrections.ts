import { perYearPath, type FactPath } from '../../rules/facts/catalog.js';
import { PER_YEAR_KEYS, type FactKey, type PerYearKey } from '../../rules/facts/schema.js';
import { factsNamed } from './fact-names.js';
import { plainAnswer } from './figures.js';

/** Words that make a message a correction, wherever they stand. */
export const CORRECTION_WORDS = /说错|填错|写错|输错|搞错|弄错|记错|打错|报错了|更正|纠正|改为|改成|修改为|改一下|应该是|应为|不对[，,。]?(是|应该)|不是[^，,。]{0,12}[，,]?(而)?是/u;

/** What a correction says: which fact and the words of its new value — or that the fact could not be told. */
export type CorrectionReading =
  | { kind: 'fact'; path: FactPath; valueText: string }
  | { kind: 'which'; reason: 'no fact named' | 'several facts named' | 'which year'; key?: FactKey; valueText: string };

const VALUE_AFTER = /(修改为|改为|改成|应该是|应为|其实是|实际是|实际上是|是|为|成(?!立))(?!不是)/gu;

function isPerYear(key: FactKey): key is PerYearKey {
  return (PER_YEAR_KEYS as readonly string[]).includes(key);
}

/** 去年 / 前年 / 2024年 / 24年 said along with the fact's name. */
function yearSaid(text: string, thisYear: number): number | null {
  if (/前年/u.test(text)) return thisYear - 2;
  if (/去年|上年|上一年/u.test(text)) return thisYear - 1;
  const y = /(?<!\d)(\d{4}|\d{2})年/u.exec(text);
  if (!y) return null;
  const n = Number(y[1]);
  return n < 100 ? 2000 + n : n;
}

/**
 * Reads a correction ("刚才去年营收说错了，是2500万", "员工改为150人", "科技人员不是30，是35人"). The fact is found
 * only by its name in the message — never from the question pending — and a per-year fact's year from the words
 * or, when none is said, from the one year already recorded. Anything less certain asks which.
 */
export function readCorrection(raw: string, ctx: { today: string; recordedYears: (key: PerYearKey) => number[] }): CorrectionReading {
  const text = plainAnswer(raw).replace(/\s+/gu, '');
  const valueAt = [...text.matchAll(VALUE_AFTER)].at(-1);
  const valueText = valueAt ? text.slice(valueAt.index! + valueAt[0].length) : '';
  const namePart = valueAt ? text.slice(0, valueAt.index) : text;
  const named = factsNamed(namePart);
  if (named.length === 0) return { kind: 'which', reason: 'no fact named', valueText };
  if (named.length > 1) return { kind: 'which', reason: 'several facts named', valueText };
  const key = named[0]!.key;
  if (!isPerYear(key)) return { kind: 'fact', path: key, valueText };
  const said = yearSaid(namePart, Number(ctx.today.slice(0, 4)));
  if (said !== null) return { kind: 'fact', path: perYearPath(key, said), valueText };
  const recorded = ctx.recordedYears(key);
  if (recorded.length === 1) return { kind: 'fact', path: perYearPath(key, recorded[0]!), valueText };
  return { kind: 'which', reason: 'which year', key, valueText };
}
