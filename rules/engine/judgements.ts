import { FACT_CATALOG, type FactPath } from '../facts/catalog.js';
import type { FactKey, Facts } from '../facts/schema.js';
import { figureSatisfies, showInUnit, type Bound } from '../logic/bounds.js';
import { not, truthOf } from '../logic/tri.js';
import { judgement, type Judgement } from './condition.js';
import { judgementSaying } from './said-later.js';

type BooleanKey = { [K in FactKey]: Facts[K] extends boolean | undefined ? K : never }[FactKey];
type NumberKey = { [K in FactKey]: Facts[K] extends number | undefined ? K : never }[FactKey];

/** How close to a bound a met value may be before the verdict warns about it (a tenth of the bound). */
const THIN_MARGIN = 0.1;

function isThin(value: number, boundValue: number): boolean {
  return boundValue > 0 && Math.abs(value - boundValue) < boundValue * THIN_MARGIN;
}

/** A yes/no fact the text requires to be `wanted`; `yes` / `no` say what each answer means here. */
export function requireAnswer(facts: Facts, key: BooleanKey, wanted: boolean, says: { yes: string; no: string }): Judgement {
  return requireValue(facts[key], key, wanted, says);
}

/** The same for a yes/no the rules derive: `key` is the fact to ask for while it is unknown. */
export function requireValue(value: boolean | undefined, key: BooleanKey, wanted: boolean, says: { yes: string; no: string }): Judgement {
  if (value === undefined) return judgement('unknown', `尚不知道是否${FACT_CATALOG[key].label}`, undefined, [key]);
  // a requirement worded in the negative ("未发生…", "从未认定…") is the Kleene negation of the answer
  const held = truthOf(value);
  return judgement(wanted ? held : not(held), value ? says.yes : says.no);
}

/** A number given in the unit of its bound (万元, %, 项, 人), compared exactly as the text words it. */
export function requireAmount(facts: Facts, key: NumberKey, b: Bound, gapNoun?: string): Judgement {
  return compareAmount(facts[key], FACT_CATALOG[key].label, key, b, gapNoun);
}

/** The same for any figure: `path` is the fact to ask for while it is unknown. */
export function compareAmount(value: number | undefined, label: string, path: FactPath, b: Bound, gapNoun: string = label): Judgement {
  if (value === undefined) return judgement('unknown', `尚不知道${label}（要求${b.text}）`, undefined, [path]);
  const say = () => `${label} ${showInUnit(value, b.unit)}，要求${b.text}`;
  if (figureSatisfies(value, b)) {
    const thin = (b.cmp === '>=' || b.cmp === '>') && isThin(value, b.value);
    return judgementSaying('met', say, thin ? `仅比要求多 ${showInUnit(value - b.value, b.unit)}，余量很小` : undefined);
  }
  return judgementSaying('unmet', say, amountGap(value, b, gapNoun));
}

function amountGap(value: number, b: Bound, noun: string): string {
  const show = (v: number) => showInUnit(v, b.unit);
  const diff = Math.abs(value - b.value);
  switch (b.cmp) {
    case '>=':
      return `${noun}还差 ${show(diff)}`;
    case '>':
      return `${noun}需超过 ${show(b.value)}，目前为 ${show(value)}`;
    case '<=':
      return `${noun}超出上限 ${show(diff)}`;
    case '<':
      return `${noun}需低于 ${show(b.value)}，目前为 ${show(value)}`;
  }
}
