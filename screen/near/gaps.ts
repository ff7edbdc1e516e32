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
  if (node.status !== 'unmet') return [];
  if (node.kind === 'leaf') {
    const c = node.condition;
    return [{ condition: c.id, label: c.label, text: c.gap ?? c.detail }];
  }
  if (node.kind === 'all') return node.children.flatMap(gapsOf);
  const leaves = leavesOf(node);
  // the first alternative that says how far off it is (a score, an amount) tells more than "not met"
  const hint = leaves.find((c) => c.gap !== null)?.gap;
  return [{
    condition: null,
    label: `${node.children.length} 项可选条件（满足其一即可）`,
    text: `${leaves.map((c) => shortLabel(c.label)).join('、')} 均不满足${hint ? `；${hint}` : ''}`,
  }];
}

/**
 * What keeps an enterprise out of a programme, in the programme's own order: each failing condition, and a set of
 * alternatives that all fail as one gap.
 */
export function decidingGaps(programme: JudgedProgramme, tree: Node): Gap[] {
  return programme.outcome === 'ineligible' ? gapsOf(tree) : [];
}
