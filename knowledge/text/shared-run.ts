/**
 * The length of the longest run of characters of `a` that `b` writes as it is (0 when they share none). Each start
 * only tries runs longer than the best so far: a run shared is shared by every part of it.
 */
export function longestSharedRun(a: string, b: string): number {
  const chars = [...a];
  let best = 0;
  for (let i = 0; i + best < chars.length; i++) {
    let len = best + 1;
    while (i + len <= chars.length && b.includes(chars.slice(i, i + len).join(''))) len++;
    if (len - 1 > best) best = len - 1;
  }
  return best;
}
