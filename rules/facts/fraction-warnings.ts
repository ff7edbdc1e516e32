import { plain } from '../logic/format.js';
import type { IsoDate } from '../logic/dates.js';
import { hnteMeasuresAt } from '../parameters/hnte.js';
import { FACT_CATALOG } from './catalog.js';
import type { Facts } from './schema.js';

/**
 * A value that is valid but probably not what was meant, or two facts that disagree as read; the evaluation goes
 * on, and the message says how it read them.
 */
export interface FactWarning {
  fact: string;
  /** a number probably given in the wrong form: the value as given … */
  value?: number;
  /** … and the value most likely meant */
  suggested?: number;
  message: string;
}

/**
 * Percentages whose bound (in the 高企 办法 in force on `asOf`) is far above 1%: a share given below 1 there is
 * almost always a fraction (0.65 for 65%). Each fact with the 办法's condition that bounds it.
 */
const PERCENT_BOUNDS = [
  ['highTechIncomeShare', 'highTechIncome'],
  ['rdExpenseChinaShare', 'rdInChina'],
] as const;

/** Warnings about the profile's values as given, naming each fact. */
export function fractionWarnings(facts: Facts, asOf: IsoDate): FactWarning[] {
  const out: FactWarning[] = [];
  for (const [key, condition] of PERCENT_BOUNDS) {
    const v = facts[key];
    if (v === undefined || v <= 0 || v >= 1) continue;
    const bound = hnteMeasuresAt(asOf)[condition].share;
    const suggested = Math.round(v * 10_000) / 100;
    out.push({
      fact: key,
      value: v,
      suggested,
      message: `${FACT_CATALOG[key].label}填的是 ${plain(v, 4)}%（要求${bound.text}），看起来像是按小数填写的比例：是${plain(suggested)}%吗？如果是，请按百分数重新填写（${plain(suggested)}）。以下结论按 ${plain(v, 4)}% 判断。`,
    });
  }
  return out;
}
