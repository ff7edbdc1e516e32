import { timingSafeEqual } from 'node:crypto';

/** Compares a presented staff token with the configured one in constant time; false when either is missing. */
export function staffTokenMatches(presented: string | undefined, configured: string | undefined): boolean {
  if (!presented || !configured) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(configured);
  return a.length === b.length && timingSafeEqual(a, b);
}
