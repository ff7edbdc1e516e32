import type { JudgedCondition, JudgedProgramme } from '../../rules/engine/programme.js';
import type { RuleShape } from '../../rules/engine/condition.js';
import { allOf, anyOf, type Tri } from '../../rules/logic/tri.js';

/** A judged programme's rule tree with the judged condition at each leaf and each group's combined status. */
export type Node =
  | { kind: 'leaf'; status: Tri; condition: JudgedCondition }
  | { kind: 'all' | 'any'; status: Tri; children: Node[] };

export function treeOf(programme: JudgedProgramme): Node {
  const byId = new Map(programme.conditions.map((c) => [c.id, c]));
  const build = (shape: RuleShape): Node => {
    if (typeof shape === 'string') {
      const condition = byId.get(shape)!;
      return { kind: 'leaf', status: condition.status, condition };
    }
    const all = 'all' in shape;
    const children = (all ? shape.all : shape.any).map(build);
    const statuses = children.map((c) => c.status);
    return { kind: all ? 'all' : 'any', status: all ? allOf(statuses) : anyOf(statuses), children };
  };
  return build(programme.shape);
}

/**
 * How many unknown conditions the enterprise must still confirm for an unknown node to be met (the cheapest way
 * for "any"). One with no fact left to give waits on the experts' scoring alone, and is not counted.
 */
export function openCount(node: Node): number {
  if (node.status !== 'unknown') return 0;
  if (node.kind === 'leaf') return node.condition.open.length === 0 ? 0 : 1;
  const open = node.children.filter((c) => c.status === 'unknown').map(openCount);
  return node.kind === 'all' ? open.reduce((a, b) => a + b, 0) : Math.min(...open);
}
