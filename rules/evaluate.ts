import { benefitsFor, type Benefit } from './advice/benefits.js';
import { matchParks, type ParkMatch } from './advice/parks.js';
import { roadmapFor, type RoadmapStep } from './advice/roadmap.js';
import type { FactPath } from './facts/catalog.js';
import { settleFromAnswers } from './facts/answers.js';
import { settleConflicts } from './facts/conflicts.js';
import { fractionWarnings, type FactWarning } from './facts/fraction-warnings.js';
import { FACT_KEYS, type Facts } from './facts/schema.js';
import type { Context } from './engine/condition.js';
import { stillToCheck } from './engine/complete-gaps.js';
import { missingFactsOf, rankMissingFacts } from './engine/missing-facts.js';
import { judgeProgramme, type JudgedProgramme, type Outcome } from './engine/programme.js';
import type { IsoDate } from './logic/dates.js';
import { REGISTRY, type ProgrammeId, type ProgrammeRegistry } from './programmes/index.js';

/** An evaluation before presentation: citations are still {doc, quote} references. */
export interface Evaluation {
  asOf: IsoDate;
  programmes: JudgedProgramme[];
  benefits: Benefit[];
  parks: readonly ParkMatch[];
  roadmap: RoadmapStep[];
  /** the dialog's next questions: every fact that could still change an outcome, most useful first */
  missingFacts: FactPath[];
  /** values taken as given that were probably meant otherwise (a share of 0.65 for 65%) */
  warnings: FactWarning[];
}

/** Every fact absent: the one layout every profile is copied into, see `uniformly`. */
const ALL_ABSENT: Readonly<Record<string, undefined>> = Object.fromEntries(FACT_KEYS.map((k) => [k, undefined]));

/**
 * The same facts in one fixed property layout. Profiles arrive with as many layouts as there are subsets of facts
 * given, and shared helpers (requireAnswer, yearFigure, …) read them by key, so V8 would look most reads up the slow
 * way; one copy per evaluation costs far less than those lookups. An absent fact still reads as undefined.
 */
function uniformly(facts: Facts): Facts {
  return { ...ALL_ABSENT, ...facts };
}

/**
 * Judges a validated profile as of a date, every programme of the registry in its order. Pure and synchronous:
 * same facts, date and registry, same evaluation.
 */
export function evaluate(facts: Facts, asOf: IsoDate, programmes: ProgrammeRegistry = REGISTRY): Evaluation {
  const read = uniformly(facts);
  const conflicts = settleConflicts(read);
  settleFromAnswers(read);
  const ctx: Context = { facts: read, asOf };
  // pushed, not map()ped: see addPointsOf (logic/interval.ts)
  const judged: JudgedProgramme[] = [];
  for (const entry of programmes.entries) judged.push(judgeProgramme(programmes.programmeAt(entry, asOf), ctx));
  const ranking = rankMissingFacts(judged);
  for (const p of judged) {
    p.missingFacts = missingFactsOf(p, ranking);
    p.uncheckedFacts = stillToCheck(p);
  }
  // advice reads the production programmes by id: REGISTRY holds them, and withProgrammes only adds to them
  // (filled in a loop, and the benefits' context written out: fromEntries and a spread cost more here than the rest)
  const byId = {} as Record<ProgrammeId, JudgedProgramme>;
  const outcomes = {} as Record<ProgrammeId, Outcome>;
  for (const p of judged) {
    byId[p.id as ProgrammeId] = p;
    outcomes[p.id as ProgrammeId] = p.outcome;
  }
  const parks = matchParks(read);
  return {
    asOf,
    programmes: judged,
    benefits: benefitsFor({ facts: read, asOf, parkMatched: parks.length > 0 }, outcomes),
    parks,
    roadmap: roadmapFor(ctx, byId),
    missingFacts: ranking,
    warnings: fractionWarnings(facts, asOf).concat(conflicts),
  };
}
