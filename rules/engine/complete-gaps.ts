import type { FactPath } from '../facts/catalog.js';
import { distinct } from '../logic/distinct.js';
import { allOfEach, anyOfEach, type Tri } from '../logic/tri.js';
import { placesOf, type Place } from './condition-places.js';
import type { JudgedCondition, JudgedProgramme } from './programme.js';

/**
 * A ruled-out programme read for everything the owner would have to change, not only what decided it: every group
 * not already met is followed down, as if the unmet conditions beside it were met. A route of an "any one of" group
 * another route already meets is no gap, so a met group is never entered; of one that every route fails, each route
 * is a way to close it.
 */
function walkUnsettled(p: JudgedProgramme, visit: (c: JudgedCondition, underAllOnly: boolean) => void): void {
  const statusOf = (node: Place): Tri =>
    typeof node === 'number' ? p.conditions[node]!.status : node.all ? allOfEach(node.children, statusOf) : anyOfEach(node.children, statusOf);
  const walk = (node: Place, underAllOnly: boolean): void => {
    if (typeof node === 'number') return visit(p.conditions[node]!, underAllOnly);
    const status = statusOf(node);
    if (status === 'met') return;
    if (node.all) for (const child of node.children) walk(child, underAllOnly);
    // while some route is open, the routes already failed are alternatives closed, not work to do
    else for (const child of node.children) if (status === 'unmet' || statusOf(child) !== 'unmet') walk(child, false);
  };
  walk(placesOf(p), true);
}

/**
 * The complete gap list of a programme not yet met, in the order of its text: every condition unmet, and every one
 * still unknown but at risk (its gap says the figures known already fall short) — the one list every channel shows.
 * Undetermined, no condition it needs is unmet yet, so only those at risk are listed. Empty once eligible.
 */
export function gapList(p: JudgedProgramme): JudgedCondition[] {
  const gaps: JudgedCondition[] = [];
  if (p.outcome === 'eligible') return gaps;
  walkUnsettled(p, (c) => {
    if (c.status === 'unmet' || (c.status === 'unknown' && c.gap !== null)) gaps.push(c);
  });
  return gaps;
}

/**
 * Ruled out by an unmet condition nothing can change (remedy none) that no other route can stand in for: no gap is
 * then worth working on, though each is still listed.
 */
export function ruledOutForGood(p: JudgedProgramme): boolean {
  if (p.outcome !== 'ineligible') return false;
  let final = false;
  walkUnsettled(p, (c, underAllOnly) => {
    if (c.status === 'unmet' && c.remedy === 'none' && underAllOnly) final = true;
  });
  return final;
}

/**
 * The facts still needed to know whether the rest of a ruled-out programme's conditions hold: those its unknown
 * conditions lack, as far as they could still be gaps, a condition's facts together. A condition already at risk
 * comes first (the owner has just been told of it), then those needing fewest answers, in the order of the text
 * between equals: an owner who stops halfway has settled the most, and a yes or no on （八） is not left behind the
 * twelve questions of the innovation score.
 * None when it is ruled out for good: then no other gap is worth working on, nor asking about.
 */
export function stillToCheck(p: JudgedProgramme): FactPath[] {
  if (p.outcome !== 'ineligible' || ruledOutForGood(p)) return [];
  const open: Array<{ facts: FactPath[]; atRisk: boolean }> = [];
  walkUnsettled(p, (c) => {
    if (c.status === 'unknown' && c.open.length > 0) open.push({ facts: c.open, atRisk: c.gap !== null });
  });
  // Array.prototype.sort is stable: conditions that tie keep the order of the text
  open.sort((a, b) => Number(b.atRisk) - Number(a.atRisk) || a.facts.length - b.facts.length);
  return distinct(open.flatMap((c) => c.facts));
}
