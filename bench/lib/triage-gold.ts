import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../../knowledge/paths.js';
import type { DepartmentDirectory } from '../../knowledge/triage/directory.js';
import { jurisdictionNamedIn, normaliseJurisdiction, servingJurisdictions } from '../../knowledge/triage/jurisdictions.js';
import type { RoutedDepartment } from '../../knowledge/triage/triage.js';
import { readJsonl } from './gold.js';

/** A line of the triage gold set (format of ../shared/eval/public/triage.jsonl, extended). */
export const TriageGold = z.union([
  z.object({
    q: z.string().min(1),
    jurisdiction: z.string().optional(),
    expect: z.array(z.string()).min(1),
    /** no jurisdiction given or named, and the documents route the topic differently per place */
    needsJurisdiction: z.literal(true).optional(),
  }),
  z.object({ q: z.string().min(1), jurisdiction: z.string().optional(), expect: z.array(z.string()).length(0), outOfScope: z.literal(true) }),
]);
export type TriageGold = z.infer<typeof TriageGold>;

export const TRIAGE_GOLD = join(projectRoot(), 'bench', 'gold', 'triage.jsonl');
/** Written after the router's parameters were set, and never tuned on: the honest estimate. */
export const TRIAGE_FRESH = join(projectRoot(), 'bench', 'gold', 'triage-fresh.jsonl');

export function readTriageGold(path: string = TRIAGE_GOLD): TriageGold[] {
  return readJsonl(path, TriageGold);
}

/**
 * Whether a routed department is one the gold line expects: same office after name normalisation, and of a
 * jurisdiction that serves the caller (启东's 市科技局 does not answer a 南通市 question).
 */
export function isExpected(directory: DepartmentDirectory, gold: TriageGold, routed: RoutedDepartment): boolean {
  const caller = (gold.jurisdiction && normaliseJurisdiction(gold.jurisdiction)) || jurisdictionNamedIn(gold.q);
  if (caller && !servingJurisdictions(caller).includes(routed.jurisdiction)) return false;
  const dept = directory.find(routed.name, routed.jurisdiction);
  return gold.expect.some((name) => dept !== undefined && directory.find(name, routed.jurisdiction) === dept);
}
