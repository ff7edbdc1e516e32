import type { IsoDate } from './dates.js';

/**
 * One edition of a dated text's parameters, in force from `since` (inclusive) until the next edition's `since`.
 * As OpenFisca's `values:` by date: a new edition is a new entry, never an edit of the old one. There is no end
 * date: no text here has been withdrawn without a successor, and the last edition keeps applying (see editionAt).
 */
export interface Edition<T> {
  readonly since: IsoDate;
  readonly values: T;
}

/**
 * The edition in force on `asOf`. Before the first edition's `since`, the first one applies: a programme judges by
 * the text at hand, as it always has, and its notes already name that edition (and that it may have been revised
 * since); refusing to judge would help no one. `editions` must be in order of `since`, which is checked.
 */
export function editionAt<T>(editions: readonly Edition<T>[], asOf: IsoDate): Edition<T> {
  const first = editions[0];
  if (first === undefined) throw new Error('editionAt: no editions given');
  editions.forEach((e, i) => {
    const next = editions[i + 1];
    if (next !== undefined && next.since <= e.since) throw new Error(`editionAt: editions out of order (${e.since} before ${next.since})`);
  });
  let found = first;
  for (const e of editions) if (e.since <= asOf) found = e;
  return found;
}

/**
 * Editions of what two dated texts decide together (高企: the 办法's thresholds and the 指引's scoring): a new one
 * from every day either text changes, built from the two editions in force that day, oldest first.
 */
export function jointEditions<A, B, T>(a: readonly Edition<A>[], b: readonly Edition<B>[], build: (a: A, b: B) => T): Edition<T>[] {
  const days = [...new Set([...a, ...b].map((e) => e.since))].sort();
  return days.map((since) => ({ since, values: build(editionAt(a, since).values, editionAt(b, since).values) }));
}
