import type { Context } from '../../rules/engine/condition.js';
import type { JudgedCondition, JudgedProgramme } from '../../rules/engine/programme.js';
import type { Candidate, Gap, Shortfall } from '../result.js';
import { closeness, shortfallOf } from './shortfall.js';
import { type Node, openCount } from './tree.js';


interface Miss {
  condition: JudgedCondition;
  shortfall: Shortfall;
  open: number;
}

const score = (m: Miss) => m.open + closeness(m.shortfall);

/** The single within-margin change that would stop an unmet node failing, if there is one. */
function nearMiss(node: Node, programme: JudgedProgramme, ctx: Context): Miss | null {
  if (node.status !== 'unmet') return null;
  if (node.kind === 'leaf') {
    const shortfall = shortfallOf(node.condition, programme, ctx);
    return shortfall && shortfall.amount <= shortfall.margin ? { condition: node.condition, shortfall, open: 0 } : null;
  }
  if (node.kind === 'all') {
    const failing = node.children.filter((c) => c.status === 'unmet');
    if (failing.length !== 1) return null;
    const miss = nearMiss(failing[0]!, programme, ctx);
    if (!miss) return null;
    const open = node.children.filter((c) => c.status === 'unknown').reduce((n, c) => n + openCount(c), 0);
    return { ...miss, open: miss.open + open };
  }
  // every alternative fails: the closest one that is near
  let best: Miss | null = null;
  for (const child of node.children) {
    const miss = nearMiss(child, programme, ctx);
    if (miss && (!best || score(miss) < score(best))) best = miss;
  }
  return best;
}

const rounded = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Whether one programme's result makes the enterprise a near-threshold candidate (近门槛): undetermined (nothing
 * fails yet, facts are missing), or failing on exactly one condition by no more than its margin (margins.ts).
 * `distance` ranks them — the conditions still to confirm, plus for a near miss its shortfall as a share of the
 * margin — so 0.3 (0.3 of a margin short, all else met) comes before 1 (one fact to confirm) before 1.5. `gaps` are
 * the programme's (gaps.ts): those at risk are counted, so a candidate is not read as closer than it is.
 */
export function candidateOf(programme: JudgedProgramme, tree: Node, ctx: Context, gaps: readonly Gap[]): Candidate | null {
  if (programme.outcome === 'eligible') return null;
  // told beside the distance, not folded into it: the ranking stays the one the margins define
  const atRisk = gaps.filter((g) => g.atRisk).length;
  if (programme.outcome === 'undetermined') {
    const open = openCount(tree);
    return { kind: 'undetermined', distance: open, open, atRisk, condition: null, shortfall: null };
  }
  const miss = nearMiss(tree, programme, ctx);
  if (!miss) return null;
  return {
    kind: 'near-miss',
    distance: rounded(score(miss)),
    open: miss.open,
    atRisk,
    condition: { id: miss.condition.id, label: miss.condition.label },
    shortfall: miss.shortfall,
  };
}
