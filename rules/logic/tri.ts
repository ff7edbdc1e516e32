/**
 * A condition's status in Kleene's strong three-valued logic. `unknown` is neither yes nor no: it means the
 * facts given so far do not settle the condition, and every combination below keeps that honest.
 */
export type Tri = 'met' | 'unmet' | 'unknown';

const same = (s: Tri): Tri => s;

/** Kleene conjunction: one unmet settles it; otherwise any unknown keeps it open. */
export function allOf(statuses: Iterable<Tri>): Tri {
  return allOfEach(statuses, same);
}

/** Kleene disjunction: one met settles it; otherwise any unknown keeps it open. */
export function anyOf(statuses: Iterable<Tri>): Tri {
  return anyOfEach(statuses, same);
}

/**
 * The conjunction of each item's status, worked out only as far as it takes to settle: for the hot paths that
 * would otherwise build a list of statuses just to combine it.
 */
export function allOfEach<T>(items: Iterable<T>, statusOf: (item: T) => Tri): Tri {
  let open = false;
  for (const item of items) {
    const s = statusOf(item);
    if (s === 'unmet') return 'unmet';
    if (s === 'unknown') open = true;
  }
  return open ? 'unknown' : 'met';
}

/** The disjunction of each item's status, likewise. */
export function anyOfEach<T>(items: Iterable<T>, statusOf: (item: T) => Tri): Tri {
  let open = false;
  for (const item of items) {
    const s = statusOf(item);
    if (s === 'met') return 'met';
    if (s === 'unknown') open = true;
  }
  return open ? 'unknown' : 'unmet';
}

export function not(status: Tri): Tri {
  return status === 'met' ? 'unmet' : status === 'unmet' ? 'met' : 'unknown';
}

/** A yes/no fact as a status: absent is unknown, never false. */
export function truthOf(value: boolean | undefined): Tri {
  return value === undefined ? 'unknown' : value ? 'met' : 'unmet';
}
