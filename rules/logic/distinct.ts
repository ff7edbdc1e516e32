/**
 * Each item once, in order of first mention. The lists are short (a condition's facts, a step's clauses): a scan
 * costs less here than a Set, and far less to compile than spreading one back into a list.
 */
export function distinct<T>(items: readonly T[]): T[] {
  return items.filter((x, i) => items.indexOf(x) === i);
}
