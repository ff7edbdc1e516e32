import type { CitationRef } from '../../knowledge/citation.js';
import type { FactPath } from '../facts/catalog.js';
import type { Interval } from '../logic/interval.js';
import { allOf, anyOf, type Tri } from '../logic/tri.js';
import type { Condition, Context, Judgement, Note, Remedy, Rule, RuleShape } from './condition.js';

export type ProgrammeId = 'kechuang-project-2023' | 'hnte' | 'tech-sme';
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
}

export interface Score {
  points: Interval;
  /** the pass mark as the contracts report it */
  pass: number;
  components: ScoreComponent[];
}

/** A programme as its text defines it: conditions combined by all / any, an optional score, its notes. */
export interface Programme<D> {
  readonly id: ProgrammeId;
  readonly title: string;
  readonly cites: readonly CitationRef[];
  /** what every condition needs, computed once per evaluation */
  prepare(ctx: Context): D;
  readonly rule: Rule<D>;
  score(data: D): Score | null;
  notes(ctx: Context, data: D): Note[];
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
  id: ProgrammeId;
  title: string;
  outcome: Outcome;
  score: Score | null;
  conditions: JudgedCondition[];
  shape: RuleShape;
  /** facts that could still change the outcome, with how many of its open conditions each bears on */
  openFacts: Map<FactPath, number>;
  notes: Note[];
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

export function outcomeOf(status: Tri): Outcome {
  return status === 'met' ? 'eligible' : status === 'unmet' ? 'ineligible' : 'undetermined';
}

function distinct<T>(items: readonly T[]): T[] {
  return items.filter((x, i) => items.indexOf(x) === i);
}

/** Each clause once, in order of first mention (references are interned, see parameters/sources.ts). */
export function uniqueCites(cites: Iterable<CitationRef>): CitationRef[] {
  return [...new Set(cites)];
}

/**
 * Judges every condition, combines them in Kleene logic, and marks which unknown conditions still matter: a
 * condition is relevant while no decided sibling already settles every group above it.
 */
export function judgeProgramme<D>(programme: Programme<D>, ctx: Context): JudgedProgramme {
  const data = programme.prepare(ctx);
  const judged = new Map<string, JudgedCondition>();
  const judgeLeaves = (rule: Rule<D>): void => {
    if (isCondition(rule)) judged.set(rule.id, toJudged(rule, rule.judge(ctx, data)));
    else for (const child of 'all' in rule ? rule.all : rule.any) judgeLeaves(child);
  };
  judgeLeaves(programme.rule);

  const statusOf = (rule: Rule<D>): Tri => {
    if (isCondition(rule)) return judged.get(rule.id)!.status;
    return 'all' in rule ? allOf(rule.all.map(statusOf)) : anyOf(rule.any.map(statusOf));
  };
  const markRelevant = (rule: Rule<D>, open: boolean): void => {
    const status = statusOf(rule);
    if (isCondition(rule)) judged.get(rule.id)!.relevant = open && status === 'unknown';
    else for (const child of 'all' in rule ? rule.all : rule.any) markRelevant(child, open && status === 'unknown');
  };
  const root = statusOf(programme.rule);
  markRelevant(programme.rule, true);

  const conditions = [...judged.values()];
  const openFacts = new Map<FactPath, number>();
  for (const c of conditions) if (c.relevant) for (const f of c.open) openFacts.set(f, (openFacts.get(f) ?? 0) + 1);
  return {
    id: programme.id,
    title: programme.title,
    outcome: outcomeOf(root),
    score: programme.score(data),
    conditions,
    shape: shapeOf(programme.rule),
    openFacts,
    notes: programme.notes(ctx, data),
    cites: programme.cites,
  };
}

function toJudged<D>(condition: Condition<D>, j: Judgement): JudgedCondition {
  return {
    id: condition.id,
    label: condition.label,
    status: j.status,
    detail: j.detail,
    gap: j.gap ?? null,
    remedy: condition.remedy,
    metOn: j.metOn ?? null,
    cites: j.cites?.length ? uniqueCites([...condition.cites, ...j.cites]) : condition.cites,
    open: j.status === 'unknown' ? distinct(j.open ?? []) : [],
    relevant: false,
  };
}
