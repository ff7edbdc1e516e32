import type { JudgedCondition, JudgedProgramme } from '../../rules/engine/programme.js';
import type { Gap } from '../result.js';
import type { Node } from './tree.js';


/** "条件1：引进…" → "条件1"; "（二）职工总数不超过500人" stays whole (it has no heading of its own). */
function shortLabel(label: string): string {
  return label.split('：')[0]!;
}

function leavesOf(node: Node): JudgedCondition[] {
  return node.kind === 'leaf' ? [node.condition] : node.children.flatMap(leavesOf);
}

function gapsOf(node: Node): Gap[] {
  if (node.kind === 'leaf') {
    const c = node.condition;
    if (node.status === 'unmet') return [{ condition: c.id, label: c.label, text: c.gap ?? c.detail, atRisk: false }];
    // still unknown, yet the figures known already fall short (its gap says by how much): the owner's work too
    if (node.status === 'unknown' && c.gap !== null) return [{ condition: c.id, label: c.label, text: c.gap, atRisk: true }];
    return [];
  }
  if (node.status === 'met') return [];
  if (node.kind === 'all') return node.children.flatMap(gapsOf);
  // while some route is open, the routes already failed are alternatives closed, not work to do
  if (node.status === 'unknown') return node.children.filter((c) => c.status !== 'unmet').flatMap(gapsOf);
  const leaves = leavesOf(node);
  // the first alternative that says how far off it is (a score, an amount) tells more than "not met"
  const hint = leaves.find((c) => c.gap !== null)?.gap;
  return [{
    condition: null,
    label: `${node.children.length} 项可选条件（满足其一即可）`,
    text: `${leaves.map((c) => shortLabel(c.label)).join('、')} 均不满足${hint ? `；${hint}` : ''}`,
    atRisk: false,
  }];
}

/**
 * What an enterprise would have to change for a programme, in the programme's own order — the gap list of
 * rules/engine/complete-gaps.ts, grouped for a sheet: each failing condition, a set of alternatives that all fail as
 * one gap, and each condition still unknown but at risk on the figures known (marked so). None once eligible; an
 * undetermined programme has no failing condition yet, so only those at risk.
 */
export function programmeGaps(programme: JudgedProgramme, tree: Node): Gap[] {
  return programme.outcome === 'eligible' ? [] : gapsOf(tree);
}
