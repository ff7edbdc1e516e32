import { z } from 'zod';
import { Citation, SourceKind } from '../../knowledge/citation.js';

/**
 * The `tongce evaluate --json` document of spec/contracts.md, with the fields this implementation adds
 * (score components, a condition's remedy and date, benefits' source kind, parks' matched directions, the
 * roadmap and the overall ranked missing facts). Added fields only: nothing of the contract is renamed.
 */
const Tri = z.enum(['met', 'unmet', 'unknown']);

const ConditionJson = z.object({
  id: z.string(),
  label: z.string(),
  status: Tri,
  detail: z.string(),
  gap: z.string().nullable(),
  citations: z.array(Citation),
  remedy: z.enum(['improve', 'wait', 'none']),
  metOn: z.string().nullable(),
});

const ScoreJson = z.object({
  min: z.number(),
  max: z.number(),
  pass: z.number(),
  components: z.array(
    z.object({ id: z.string(), label: z.string(), min: z.number(), max: z.number(), maxPoints: z.number(), detail: z.string(), citations: z.array(Citation) }),
  ),
});

const AssessmentJson = z.object({ estimate: z.enum(['likely', 'unlikely', 'uncertain']), basis: z.string() });

/** A score part only the experts place within its band: not a fact the enterprise can give. */
const ExpertItemJson = z.object({ id: z.string(), label: z.string(), min: z.number(), max: z.number(), maxPoints: z.number() });

const ProgrammeJson = z.object({
  id: z.string(),
  title: z.string(),
  outcome: z.enum(['eligible', 'ineligible', 'undetermined']),
  score: ScoreJson.nullable(),
  conditions: z.array(ConditionJson),
  missingFacts: z.array(z.string()),
  /** once ineligible: the facts still needed to know whether the rest of the conditions hold */
  uncheckedFacts: z.array(z.string()),
  /**
   * not yet eligible: the ids of what the enterprise would change, all of it, in the order of the text — conditions
   * unmet, and unknown ones at risk on the figures known; routes a met route makes unnecessary, or that another
   * route still open may make so, left out (complete-gaps.ts). Every channel shows this list and no other.
   */
  gaps: z.array(z.string()),
  /** ruled out by a condition nothing the enterprise does can change, that no other route stands in for */
  final: z.boolean(),
  expertDecides: z.array(ExpertItemJson),
  assessment: AssessmentJson.nullable(),
  citations: z.array(Citation),
  notes: z.array(z.string()),
});

const BenefitJson = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['applies', 'maybe', 'no']),
  reason: z.string(),
  jurisdiction: z.string(),
  sourceKind: SourceKind,
  /** the period the text itself sets, when it sets one: "2022–2024" */
  period: z.string().nullable(),
  /** the evaluation date is past that period: the measure is "已到期", never "applies" */
  expired: z.boolean(),
  citations: z.array(Citation),
});

const ParkJson = z.object({
  park: z.string(),
  region: z.string(),
  directions: z.string(),
  matchedOn: z.array(z.string()),
  citations: z.array(Citation),
});

const RoadmapStepJson = z.object({
  step: z.number(),
  programme: z.string(),
  title: z.string(),
  status: z.enum(['ready', 'work', 'wait', 'confirm']),
  actions: z.array(z.string()),
  readyOn: z.string().nullable(),
  /** the step in one plain, dated sentence: "2027年1月15日后可申报高企（注册满一年）" */
  plainly: z.string(),
  citations: z.array(Citation),
});

export const EvaluationJson = z.object({
  asOf: z.string(),
  programmes: z.array(ProgrammeJson),
  benefits: z.array(BenefitJson),
  parks: z.array(ParkJson),
  roadmap: z.array(RoadmapStepJson),
  missingFacts: z.array(z.string()),
  warnings: z.array(z.object({ fact: z.string(), value: z.number().optional(), suggested: z.number().optional(), message: z.string() })),
});
export type EvaluationJson = z.infer<typeof EvaluationJson>;
