import type { RuleShape, Rule } from '../engine/condition.js';
import { describeFact, type FactPath } from '../facts/catalog.js';
import { REGISTRY } from '../programmes/index.js';
import type { EvaluationJson } from './evaluation-json.js';

type Status = 'met' | 'unmet' | 'unknown';
type ProgrammeJson = EvaluationJson['programmes'][number];
type ConditionJson = ProgrammeJson['conditions'][number];

/** A programme as the evaluation JSON gives it. */
export type ProgrammeInput = ProgrammeJson;

/** One condition as the reason shows it: its number in the text ("（四）", "条件2", "直接认定（1）") apart. */
export interface ConditionLine {
  id: string;
  number: string | null;
  /** the label without its number */
  text: string;
  status: Status;
  detail: string;
  /** what to change, with its amount, or the day a time condition is met */
  gap: string | null;
  /** how an unmet condition can come to be met: by work, by waiting, or not at all */
  remedy: 'improve' | 'wait' | 'none';
}

export interface ProgrammeReason {
  id: string;
  title: string;
  outcome: ProgrammeJson['outcome'];
  /** the reason in one line: the route that qualifies, the conditions that block, what it depends on */
  headline: string;
  /** the conditions behind the headline */
  deciding: ConditionLine[];
  /**
   * what the enterprise would change, all of it: the evaluation's gap list (`gaps`, complete-gaps.ts) — unmet
   * conditions, and unknown ones already at risk on the figures known — each with its amount or date, or, where the
   * rules give none, what it asks
   */
  gaps: ConditionLine[];
  /** undetermined: facts the enterprise can still give (labels), most useful first */
  youCanTell: string[];
  /** ineligible: facts still needed to know whether the other conditions hold (labels), so every gap is known */
  toCheck: string[];
  /** undetermined: what only the expert review decides */
  expertsDecide: string[];
  /** undetermined: the evaluation's estimate of how the experts' part goes, if it gives one */
  estimate: string | null;
  /** ineligible, and nothing the enterprise does can change it (registered too early, wrong industry …): `final` */
  final: boolean;
  /** routes of an "any one of" group other than the one that decides */
  otherRoutes: ConditionLine[];
  /** every remaining condition, so that nothing is dropped */
  rest: ConditionLine[];
}

/** by id: each programme's shape in its latest edition (a reason is read without the evaluation date) */
const SHAPES: Record<string, RuleShape> = Object.fromEntries(
  REGISTRY.entries.map((entry) => [entry.id, shapeOf(entry.editions[entry.editions.length - 1]!.values.rule)]),
);

function shapeOf(rule: Rule<unknown>): RuleShape {
  if ('judge' in rule) return rule.id;
  return 'all' in rule ? { all: rule.all.map(shapeOf) } : { any: rule.any.map(shapeOf) };
}

const NUMBER = /^(条件\d+|直接认定（\d+）|（[一二三四五六七八九十]+）\d?)[：:]?/u;

function lineOf(c: ConditionJson): ConditionLine {
  const m = NUMBER.exec(c.label);
  const gap = c.gap ?? (c.metOn ? `${c.metOn} 起满足` : null);
  return { id: c.id, number: m ? m[1]! : null, text: m ? c.label.slice(m[0].length) : c.label, status: c.status, detail: c.detail, gap, remedy: c.remedy ?? 'improve' };
}

/** Kleene logic over a shape: how a group stands given its leaves. */
function statusOf(shape: RuleShape, byId: Map<string, ConditionJson>): Status {
  if (typeof shape === 'string') return byId.get(shape)?.status ?? 'unknown';
  const parts = ('all' in shape ? shape.all : shape.any).map((s) => statusOf(s, byId));
  const [decisive, other] = 'all' in shape ? (['unmet', 'met'] as const) : (['met', 'unmet'] as const);
  if (parts.includes(decisive)) return decisive;
  return parts.every((s) => s === other) ? other : 'unknown';
}

function leavesOf(shape: RuleShape): string[] {
  return typeof shape === 'string' ? [shape] : ('all' in shape ? shape.all : shape.any).flatMap(leavesOf);
}

/**
 * The conditions that make the outcome what it is, and the alternatives passed over. In an "all" group, the
 * children that share the group's status decide it; in an "any" group that holds, the first route that holds
 * decides and the others are alternatives; in one that fails or is open, every route counts (any could change it).
 */
function decide(shape: RuleShape, want: Status, byId: Map<string, ConditionJson>, deciding: string[], alternatives: string[]): void {
  if (typeof shape === 'string') {
    if (byId.get(shape)?.status === want) deciding.push(shape);
    return;
  }
  const children = 'all' in shape ? shape.all : shape.any;
  if ('any' in shape && want === 'met') {
    const route = children.find((s) => statusOf(s, byId) === 'met')!;
    decide(route, 'met', byId, deciding, alternatives);
    for (const s of children) if (s !== route) alternatives.push(...leavesOf(s));
    return;
  }
  for (const s of children) if (statusOf(s, byId) === want) decide(s, want, byId, deciding, alternatives);
  // an undecided "any" group: the routes already failed are alternatives closed, not what the outcome waits on
  if ('any' in shape && want === 'unknown') for (const s of children) if (statusOf(s, byId) === 'unmet') alternatives.push(...leavesOf(s));
}

/**
 * A gap as the owner reads it: the rules' own words for what to change when they give them; else what the condition
 * asks (one route among others, when it is one), or, for what nothing changes, how it stands.
 */
function asGap(l: ConditionLine, anyIds: Set<string>): ConditionLine {
  if (l.gap !== null) return l;
  const asks = l.remedy === 'none' ? l.detail : `需满足${l.text}${anyIds.has(l.id) ? '（与其他途径满足其一即可）' : ''}`;
  return { ...l, gap: asks };
}

/** "（四）、（五）" or, for a run of routes, "条件1至条件8{routesWord}". */
function numbersOf(lines: ConditionLine[], anyIds: Set<string>, routesWord: string): string {
  // one or two conditions are named with their words: a bare "（二）" may stand for several clauses
  const named = lines.length <= 2 ? lines.map((l) => `${l.number ?? ''}${l.text}`) : lines.map((l) => l.number ?? l.text);
  const routes = lines.filter((l) => anyIds.has(l.id));
  if (routes.length > 2) {
    const others = lines.filter((l) => !anyIds.has(l.id)).map((l) => l.number ?? l.text);
    return [...new Set(others), `${routes[0]!.number ?? routes[0]!.text}至${routes.at(-1)!.number ?? routes.at(-1)!.text}${routesWord}`].join('、');
  }
  return [...new Set(named)].join(lines.length <= 2 ? '；' : '、');
}

function anyLeaves(shape: RuleShape): string[] {
  if (typeof shape === 'string') return [];
  return 'any' in shape ? leavesOf(shape) : shape.all.flatMap(anyLeaves);
}

function labelOfFact(path: string): string {
  try {
    return describeFact(path as FactPath).label;
  } catch {
    return path;
  }
}

/**
 * What only the expert review decides, from the evaluation's `expertDecides` (score parts with the band the experts
 * place them in). Without that list, a score left straddling its pass mark once no fact is left to give is the
 * experts' as well.
 */
function expertsDecide(p: ProgrammeInput): string[] {
  const out = p.expertDecides.map((item) => `${item.label}（${item.min}–${item.max} 分）`);
  if (out.length === 0 && p.score && p.missingFacts.length === 0 && p.score.min < p.score.pass && p.score.max >= p.score.pass) {
    out.push(`评分区间 ${p.score.min}–${p.score.max} 分，合格线 ${p.score.pass} 分：档内具体分值由评审专家确定`);
  }
  return out;
}

const ESTIMATE: Record<string, string> = { likely: '可能通过', unlikely: '难以通过', uncertain: '难以判断' };

/** The evaluation's `assessment`, when it has one: an estimate of the experts' part, never a verdict. */
function estimateOf(p: ProgrammeInput): string | null {
  if (!p.assessment) return null;
  return `${ESTIMATE[p.assessment.estimate]}：${p.assessment.basis}（估算，不是认定结论）`;
}

function headlineOf(outcome: ProgrammeJson['outcome'], deciding: ConditionLine[], anyIds: Set<string>, total: number): string {
  if (outcome === 'eligible') {
    const route = deciding.find((l) => anyIds.has(l.id));
    if (route) return `符合${route.number ? `${route.number}` : ''}：${route.text}`;
    return `${total} 项条件全部满足`;
  }
  if (outcome === 'ineligible') return `不满足${numbersOf(deciding, anyIds, '（均不满足）')}`;
  return deciding.length ? `取决于${numbersOf(deciding, anyIds, '中任一项')}` : '尚待确认';
}

/**
 * The reason first: for one programme of an evaluation, why its outcome is what it is, what to change, what is
 * still open and who settles it. A pure function of the evaluation JSON (contracts.md); the rule's all/any shape
 * comes from the programme definitions, and a programme without one is read as "all conditions".
 */
export function reasonOf(p: ProgrammeInput): ProgrammeReason {
  const byId = new Map(p.conditions.map((c) => [c.id, c]));
  const known = SHAPES[p.id];
  // a condition the shape does not name (a newer rule) still counts, as one more "all" condition
  const shape: RuleShape = known ? { all: [known, ...p.conditions.map((c) => c.id).filter((id) => !leavesOf(known).includes(id))] } : { all: p.conditions.map((c) => c.id) };
  const want: Status = p.outcome === 'eligible' ? 'met' : p.outcome === 'ineligible' ? 'unmet' : 'unknown';
  const decidingIds: string[] = [];
  const alternativeIds: string[] = [];
  decide(shape, want, byId, decidingIds, alternativeIds);
  // an outcome the shape does not explain (rules newer than this reading): the conditions of that status decide
  if (decidingIds.length === 0) decidingIds.push(...p.conditions.filter((c) => c.status === want).map((c) => c.id));
  const anyIds = new Set(anyLeaves(shape));
  const lines = new Map(p.conditions.map((c) => [c.id, lineOf(c)]));
  const pick = (ids: string[]) => [...new Set(ids)].filter((id) => lines.has(id)).map((id) => lines.get(id)!);
  const deciding = pick(decidingIds);
  const otherRoutes = pick(alternativeIds.filter((id) => !decidingIds.includes(id)));
  const shown = new Set([...deciding, ...otherRoutes].map((l) => l.id));
  const rest = p.conditions.filter((c) => !shown.has(c.id)).map((c) => lines.get(c.id)!);
  const gaps = p.gaps.filter((id) => lines.has(id)).map((id) => asGap(lines.get(id)!, anyIds));
  return {
    id: p.id,
    title: p.title,
    outcome: p.outcome,
    headline: headlineOf(p.outcome, deciding, anyIds, p.conditions.length),
    deciding,
    gaps,
    youCanTell: p.outcome === 'undetermined' ? p.missingFacts.map(labelOfFact) : [],
    // an evaluation made before the field existed has none
    toCheck: p.outcome === 'ineligible' ? (p.uncheckedFacts ?? []).map(labelOfFact) : [],
    expertsDecide: p.outcome === 'undetermined' ? expertsDecide(p) : [],
    estimate: p.outcome === 'undetermined' ? estimateOf(p) : null,
    final: p.final,
    otherRoutes,
    rest,
  };
}

/** The roadmap's step for a programme, in one line: its place, what it is, how it stands and from when. */
export function nextStepOf(e: Pick<EvaluationJson, 'roadmap'>, programmeId: string): string | null {
  const step = (e.roadmap ?? []).find((s) => s.programme === programmeId);
  if (!step) return null;
  return `第${step.step}步 ${step.plainly}`;
}
