import type { CitationRef } from '../../knowledge/citation.js';
import type { FactPath } from '../facts/catalog.js';
import type { Interval } from '../logic/interval.js';
import type { ScoreComponent } from './programme.js';

/**
 * A score part as the evaluation reports it, its words worked out the first time they are read: the dialog and
 * screening judge many profiles whose score details nobody reads, and printing the figures in them costs more than
 * scoring does.
 */
class ScoredPart implements ScoreComponent {
  #say: () => string;
  #said: string | undefined;

  constructor(
    readonly id: string,
    readonly label: string,
    readonly points: Interval,
    readonly max: number,
    say: () => string,
    readonly cites: readonly CitationRef[],
    readonly open: readonly FactPath[],
  ) {
    this.#say = say;
  }

  get detail(): string {
    return (this.#said ??= this.#say());
  }

  /** the plain object it stands for, words included */
  toJSON(): ScoreComponent {
    const { id, label, points, max, detail, cites, open } = this;
    return { id, label, points, max, detail, cites, open };
  }
}

/** `say` gives the part in words, called at most once and only when they are read. */
export function scoreComponent(id: string, label: string, max: number, part: { points: Interval; open: readonly FactPath[]; say: () => string }, cites: readonly CitationRef[]): ScoreComponent {
  return new ScoredPart(id, label, part.points, max, part.say, cites, part.open);
}
