import type { RuleShape } from './condition.js';
import type { JudgedProgramme } from './programme.js';

/** A programme's rule tree with each condition as its place in the judged conditions. */
export type Place = number | { all: boolean; children: Place[] };

/**
 * The tree of each programme, worked out once: a programme's shape and positions are the same objects in every
 * evaluation, and walking by place spares a lookup by id at every condition of every walk.
 */
const trees = new WeakMap<object, Place>();

export function placesOf(p: JudgedProgramme): Place {
  const place = (shape: RuleShape): Place => {
    if (typeof shape === 'string') return p.positions.get(shape)!;
    return 'all' in shape ? { all: true, children: shape.all.map(place) } : { all: false, children: shape.any.map(place) };
  };
  if (typeof p.shape === 'string') return place(p.shape);
  let tree = trees.get(p.shape);
  if (tree === undefined) trees.set(p.shape, (tree = place(p.shape)));
  return tree;
}
