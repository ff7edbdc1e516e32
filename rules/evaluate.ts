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
import { judgeProgramme, type JudgedProgramme, type Outcome, type ProgrammeId } from './engine/programme.js';
import type { IsoDate } from './logic/dates.js';
import { hnte } from './programmes/hnte.js';
import { kechuangProject2023 } from './programmes/kechuang-project-2023.js';
import { techSme } from './programmes/tech-sme.js';

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

/** Judges a validated profile as of a date. Pure and synchronous: same facts and date, same evaluation. */
export function evaluate(facts: Facts, asOf: IsoDate): Evaluation {
  const read = uniformly(facts);
  const conflicts = settleConflicts(read);
  settleFromAnswers(read);
  const ctx: Context = { facts: read, asOf };
  // every programme Tongce judges, in the order they are reported
  const kechuang = judgeProgramme(kechuangProject2023, ctx);
  const hnteResult = judgeProgramme(hnte, ctx);
  const sme = judgeProgramme(techSme, ctx);
  const judged = [kechuang, hnteResult, sme];
  const ranking = rankMissingFacts(judged);
  for (const p of judged) {
    p.missingFacts = missingFactsOf(p, ranking);
    p.uncheckedFacts = stillToCheck(p);
  }
  const byId: Record<ProgrammeId, JudgedProgramme> = { 'kechuang-project-2023': kechuang, hnte: hnteResult, 'tech-sme': sme };
  const outcomes: Record<ProgrammeId, Outcome> = { 'kechuang-project-2023': kechuang.outcome, hnte: hnteResult.outcome, 'tech-sme': sme.outcome };
  const parks = matchParks(ctx.facts);
  return {
    asOf,
    programmes: judged,
    benefits: benefitsFor({ ...ctx, parkMatched: parks.length > 0 }, outcomes),
    parks,
    roadmap: roadmapFor(ctx, byId),
    missingFacts: ranking,
    warnings: [...fractionWarnings(facts), ...conflicts],
  };
}
