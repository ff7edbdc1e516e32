/**
 * A condition's status in Kleene's strong three-valued logic. `unknown` is neither yes nor no: it means the
 * facts given so far do not settle the condition, and every combination below keeps that honest.
 */
export type Tri = 'met' | 'unmet' | 'unknown';

/** Kleene conjunction: one unmet settles it; otherwise any unknown keeps it open. */
export function allOf(statuses: Iterable<Tri>): Tri {
  let open = false;
  for (const s of statuses) {
    if (s === 'unmet') return 'unmet';
    if (s === 'unknown') open = true;
  }
  return open ? 'unknown' : 'met';
}

/** Kleene disjunction: one met settles it; otherwise any unknown keeps it open. */
export function anyOf(statuses: Iterable<Tri>): Tri {
  let open = false;
  for (const s of statuses) {
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
