import type { CitationRef } from '../../knowledge/citation.js';
import type { FactPath } from '../facts/catalog.js';
import type { IsoDate } from '../logic/dates.js';
import type { Tri } from '../logic/tri.js';
import type { Judgement } from './condition.js';

/**
 * A judgement whose detail is written the first time it is read. The details that print figures (amounts, shares,
 * score intervals) cost more than the judging, and most evaluations — the dialog's after every answer, screening's
 * for every row — show few of them or none. Everything a verdict rests on (status, gap, open facts) is there at once.
 */
class SaidLater implements Judgement {
  metOn: IsoDate | undefined = undefined;
  #say: () => string;
  #said: string | undefined;

  constructor(
    public status: Tri,
    say: () => string,
    public gap: string | undefined,
    public open: FactPath[] | undefined,
    public cites: readonly CitationRef[] | undefined,
  ) {
    this.#say = say;
  }

  get detail(): string {
    return (this.#said ??= this.#say());
  }

  set detail(text: string) {
    this.#said = text;
  }

  /** the plain judgement it stands for */
  toJSON(): Judgement {
    const { status, detail, gap, open, metOn, cites } = this;
    return { status, detail, gap, open, metOn, cites };
  }
}

/** `judgement` (condition.ts) with its detail from `say`, called at most once and only when read. */
export function judgementSaying(status: Tri, say: () => string, gap?: string, open?: FactPath[], cites?: readonly CitationRef[]): Judgement {
  return new SaidLater(status, say, gap, open, cites);
}
