import type { FactPath } from '../../rules/facts/catalog.js';
import type { ProgrammeRegistry } from '../../rules/programmes/index.js';

/**
 * Hard gates, with the share of enterprises that fail them. A check ends at the first gate it fails, so asking
 * the gates most enterprises fail before any figure shortens most checks: 从市外招引 alone ends the 科创项目 check for
 * most local enterprises. The shares are estimates for Nantong enterprises (the bench's generated ones fail
 * 从市外招引 six times in ten). Only gates more likely failed than passed lead: measured with the typing owner,
 * leading with the registration date too cost a question more per 高企 check (11.7 against 10.7), because the
 * date is needed for the figures' years anyway and the rules' ranking already brings it early.
 */
const GATE_FAIL_SHARE: ReadonlyArray<[fact: FactPath, share: number]> = [
  ['attractedFromOutside', 0.6],
  ['registrationDate', 0.5],
  ['kechuangRecognizedBefore', 0.1],
  ['operatingNormally', 0.15],
];
const LEAD_SHARE = 0.55;

/** The facts worth asking, gates first (most failed first), then in the rules' ranking (which serves several programmes at once). */
export function gateFirst(ranked: readonly FactPath[]): FactPath[] {
  const open = new Set(ranked);
  const gates = GATE_FAIL_SHARE.filter(([f, share]) => share >= LEAD_SHARE && open.has(f)).map(([f]) => f);
  return [...gates, ...ranked.filter((f) => !gates.includes(f))];
}

/**
 * How many questions a check of all three programmes takes, typically: the typing owner's mean in `npm run bench`
 * (bench/results.md), rounded up — 15.2 on average, not the sum, since they share most questions. A check of one
 * programme takes its registry entry's `typicalQuestions`. The progress line says this rather than every fact
 * that could still be asked, which is a maximum few checks come near.
 */
const TYPICAL_ALL = 16;

/** About how many questions after this one: never more than can still be asked. */
export function questionsLeft(registry: ProgrammeRegistry, programmes: readonly string[], asked: number, askable: number): number {
  const typical = programmes.length > 1 ? TYPICAL_ALL : (registry.byId(programmes[0]!)?.typicalQuestions ?? askable);
  return Math.max(0, Math.min(askable - 1, typical - asked));
}
