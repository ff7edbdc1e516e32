import type { CitationRef } from '../../knowledge/citation.js';
import type { FactPath } from '../facts/catalog.js';
import { distinct } from '../logic/distinct.js';
import type { Tri } from '../logic/tri.js';
import type { Condition, Judgement, Remedy } from './condition.js';
import type { JudgedCondition } from './programme.js';

/**
 * A condition as judged, its detail read from the judgement only when asked for: a judgement may write it late
 * (said-later.ts), and reading it here would write every one.
 */
class Judged implements JudgedCondition {
  readonly id: string;
  readonly label: string;
  readonly status: Tri;
  readonly gap: string | null;
  readonly remedy: Remedy;
  readonly metOn: string | null;
  readonly cites: readonly CitationRef[];
  readonly open: FactPath[];
  relevant = false;
  readonly #judgement: Judgement;

  constructor(condition: Condition<never>, j: Judgement) {
    this.id = condition.id;
    this.label = condition.label;
    this.status = j.status;
    this.gap = j.gap ?? null;
    this.remedy = condition.remedy;
    this.metOn = j.metOn ?? null;
    // each clause once: references are interned (parameters/sources.ts), so the same clause is the same object
    this.cites = j.cites?.length ? distinct(condition.cites.concat(j.cites)) : condition.cites;
    this.open = j.status === 'unknown' ? distinct(j.open ?? []) : [];
    this.#judgement = j;
  }

  get detail(): string {
    return this.#judgement.detail;
  }

  /** the plain object it stands for, detail included */
  toJSON(): JudgedCondition {
    const { id, label, status, detail, gap, remedy, metOn, cites, open, relevant } = this;
    return { id, label, status, detail, gap, remedy, metOn, cites, open, relevant };
  }
}

export function judgedCondition<D>(condition: Condition<D>, j: Judgement): JudgedCondition {
  return new Judged(condition as Condition<never>, j);
}
