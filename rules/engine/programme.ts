import type { CitationRef } from '../../knowledge/citation.js';
import type { FactPath } from '../facts/catalog.js';
import type { Interval } from '../logic/interval.js';
import { allOfEach, anyOfEach, type Tri } from '../logic/tri.js';
import type { Condition, Context, Note, Remedy, Rule, RuleShape } from './condition.js';
import { judgedCondition } from './judged-condition.js';

export type Outcome = 'eligible' | 'ineligible' | 'undetermined';

/** One part of a programme's score, with the interval it can still take. */
export interface ScoreComponent {
  id: string;
  label: string;
  points: Interval;
  /** the most the part can give */
  max: number;
  detail: string;
  cites: readonly CitationRef[];
  /** facts the enterprise can still give that could narrow `points`; none while the interval is the experts' to narrow */
  open: readonly FactPath[];
}

export interface Score {
  points: Interval;
  /** the pass mark as the contracts report it */
  pass: number;
  components: ScoreComponent[];
}

/** A score part whose place inside its interval only the experts' scoring decides: no fact can narrow it. */
export interface ExpertItem {
  id: string;
  label: string;
  points: Interval;
  max: number;
}

/**
 * Beside an outcome that only the experts' scoring leaves open: an estimate, clearly not a verdict, and what it
 * rests on (contracts.md `assessment`).
 */
export interface Assessment {
  estimate: 'likely' | 'unlikely' | 'uncertain';
  basis: string;
}

/** What the experts decide in a programme whose score they set within bands, and the estimate of how it goes. */
export interface ExpertPart {
  decides: ExpertItem[];
  assessment: Assessment;
}

/** A programme as its text defines it: conditions combined by all / any, an optional score, its notes. */
export interface Programme<D> {
  /** its entry's id in the registry (rules/programmes/index.ts) */
  readonly id: string;
  readonly title: string;
  readonly cites: readonly CitationRef[];
  /** what every condition needs, computed once per evaluation */
  prepare(ctx: Context): D;
  readonly rule: Rule<D>;
  score(data: D): Score | null;
  /** the part of the outcome the experts decide, while it is open; absent for a programme without expert scoring */
  expert?(data: D): ExpertPart | null;
  notes(ctx: Context, data: D): readonly Note[];
}

export interface JudgedCondition {
  id: string;
  label: string;
  status: Tri;
  detail: string;
  gap: string | null;
  remedy: Remedy;
  metOn: string | null;
  cites: readonly CitationRef[];
  /** facts that could still change this condition */
  open: FactPath[];
  /** unknown, and able to change the programme's outcome: nothing already decided above it */
  relevant: boolean;
}

export interface JudgedProgramme {
  id: string;
  title: string;
  outcome: Outcome;
  score: Score | null;
  conditions: JudgedCondition[];
  /** where each condition sits in `conditions`, by id */
  positions: ReadonlyMap<string, number>;
  shape: RuleShape;
  /** facts that could still change the outcome, with how many of its open conditions each bears on */
  openFacts: Map<FactPath, number>;
  /** the same facts, most useful first across all programmes (set once every programme is judged) */
  missingFacts: FactPath[];
  /**
   * once ruled out: the facts still needed to know whether the rest of its conditions hold — what could still add
   * to or clear from its gap list, though the outcome is settled (complete-gaps.ts, set once every programme is
   * judged). Empty for a programme not ruled out, or ruled out by what nothing can change.
   */
  uncheckedFacts: FactPath[];
  /** while undetermined: the score parts only the experts decide (never facts to ask the enterprise) */
  expertDecides: ExpertItem[];
  /** undetermined with nothing left to ask, only the experts' scoring: an estimate, never an outcome */
  assessment: Assessment | null;
  notes: readonly Note[];
  /** the programme's own clause (e.g. the article that lists its conditions); the conditions carry theirs */
  cites: readonly CitationRef[];
}

function isCondition<D>(rule: Rule<D>): rule is Condition<D> {
  return 'judge' in rule;
}

function shapeOf<D>(rule: Rule<D>): RuleShape {
  if (isCondition(rule)) return rule.id;
  return 'all' in rule ? { all: rule.all.map(shapeOf) } : { any: rule.any.map(shapeOf) };
}

function outcomeOf(status: Tri): Outcome {
  return status === 'met' ? 'eligible' : status === 'unmet' ? 'ineligible' : 'undetermined';
}

/**
 * A programme's tree compiled once: its leaves in order, and its groups with their children as indexes into one
 * status array (leaves first, then groups children-before-parent), so judging is a few flat loops.
 */
interface Layout<D> {
  leaves: Condition<D>[];
  positions: ReadonlyMap<string, number>;
  root: number;
  groups: { all: boolean; children: number[] }[];
  shape: RuleShape;
}

const layouts = new WeakMap<object, Layout<never>>();

function layoutOf<D>(rule: Rule<D>): Layout<D> {
  const known = layouts.get(rule) as Layout<D> | undefined;
  if (known) return known;
  const leaves: Condition<D>[] = [];
  const collect = (r: Rule<D>): void => {
    if (isCondition(r)) leaves.push(r);
    else for (const child of 'all' in r ? r.all : r.any) collect(child);
  };
  collect(rule);
  const groups: Layout<D>['groups'] = [];
  const place = (r: Rule<D>): number => {
    if (isCondition(r)) return leaves.indexOf(r);
    const children = ('all' in r ? r.all : r.any).map(place);
    groups.push({ all: 'all' in r, children });
    return leaves.length + groups.length - 1;
  };
  const positions = new Map(leaves.map((leaf, i) => [leaf.id, i]));
  const layout = { leaves, positions, root: place(rule), groups, shape: shapeOf(rule) };
  layouts.set(rule, layout as Layout<never>);
  return layout;
}

/**
 * Judges every condition, combines them in Kleene logic, and marks which unknown conditions still matter: a
 * condition is relevant while no decided sibling already settles every group above it, that is while every
 * group above it is itself unknown.
 */
export function judgeProgramme<D>(programme: Programme<D>, ctx: Context): JudgedProgramme {
  const data = programme.prepare(ctx);
  const { leaves, positions, root, groups, shape } = layoutOf(programme.rule);
  const conditions: JudgedCondition[] = [];
  const status: Tri[] = [];
  for (const leaf of leaves) {
    const c = judgedCondition(leaf, leaf.judge(ctx, data));
    conditions.push(c);
    status.push(c.status);
  }
  const statusAt = (i: number): Tri => status[i]!;
  for (const g of groups) status.push(g.all ? allOfEach(g.children, statusAt) : anyOfEach(g.children, statusAt));
  const open: boolean[] = new Array<boolean>(status.length).fill(false);
  open[root] = status[root] === 'unknown';
  for (let gi = groups.length - 1; gi >= 0; gi--) {
    if (!open[leaves.length + gi]) continue;
    for (const child of groups[gi]!.children) open[child] = status[child] === 'unknown';
  }
  const openFacts = new Map<FactPath, number>();
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i]!;
    c.relevant = open[i]!;
    if (c.relevant) for (const f of c.open) openFacts.set(f, (openFacts.get(f) ?? 0) + 1);
  }
  const outcome = outcomeOf(status[root]!);
  const expert = outcome === 'undetermined' && programme.expert ? programme.expert(data) : null;
  return {
    id: programme.id,
    title: programme.title,
    outcome,
    score: programme.score(data),
    conditions,
    positions,
    shape,
    openFacts,
    missingFacts: [],
    uncheckedFacts: [],
    expertDecides: expert?.decides ?? [],
    assessment: expert && openFacts.size === 0 ? expert.assessment : null,
    notes: programme.notes(ctx, data),
    cites: programme.cites,
  };
}
