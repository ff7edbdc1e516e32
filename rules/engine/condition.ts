import type { CitationRef } from '../../knowledge/citation.js';
import type { FactPath } from '../facts/catalog.js';
import type { Facts } from '../facts/schema.js';
import type { IsoDate } from '../logic/dates.js';
import type { Tri } from '../logic/tri.js';

/** What a condition sees: the facts and the date the evaluation is made for. */
export interface Context {
  readonly facts: Facts;
  readonly asOf: IsoDate;
}

/** How an unmet condition can come to be met: by the enterprise's work, by time passing, or not at all. */
export type Remedy = 'improve' | 'wait' | 'none';

/**
 * A condition's verdict on one profile. Every judgement is made fresh for its condition, so a judge adding to one a
 * helper made sets the field (`j.gap = …`) rather than spreading it into a copy: V8 gave nearly every such copy a
 * layout of its own, and every later read of a judgement then took the slow path.
 */
export interface Judgement {
  status: Tri;
  /** plain Chinese, with the numbers used: "科技人员占比 8.0%（12/150），要求不低于10%" */
  detail: string;
  /**
   * when unmet, or met by a thin margin: what would change it ("还差 3 名科技人员"); when unknown, only if at risk —
   * the figures known already fall short, and what the missing ones must bring for it to be met
   */
  gap?: string;
  /** while unknown: every fact that could still change the status (given the others already known) */
  open?: FactPath[];
  /** a time condition not met yet: the first day it will be */
  metOn?: IsoDate;
  /** clauses this particular verdict rests on beyond the condition's own (e.g. the band that applied) */
  cites?: readonly CitationRef[];
}

/**
 * A judgement with every field in place, absent ones undefined: the shared helpers make theirs here, so that the
 * many judgements of an evaluation share one layout (and a field set later, `j.gap = …`, changes none).
 */
export function judgement(status: Tri, detail: string, gap?: string, open?: FactPath[], cites?: readonly CitationRef[]): Judgement {
  return { status, detail, gap, open, metOn: undefined, cites };
}

/**
 * One condition of a programme, encoding one clause. `data` is what the programme computed once for all its
 * conditions (fiscal years, score intervals).
 */
export interface Condition<D> {
  readonly id: string;
  readonly label: string;
  readonly cites: readonly CitationRef[];
  readonly remedy: Remedy;
  judge(ctx: Context, data: D): Judgement;
}

/** A programme's conditions combined as its text combines them: all of them, or any one of them. */
export type Rule<D> = Condition<D> | { readonly all: readonly Rule<D>[] } | { readonly any: readonly Rule<D>[] };

/** The same tree with condition ids at the leaves: the shape a reader (or a test) can walk. */
export type RuleShape = string | { all: RuleShape[] } | { any: RuleShape[] };

export interface Note {
  text: string;
  cites: readonly CitationRef[];
}
