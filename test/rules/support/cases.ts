import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { REGISTRY } from '../../../rules/programmes/index.js';

/**
 * The YAML case files a policy expert reviews (OpenFisca style): one programme per file, a base enterprise, and
 * cases that change a few facts and state the expected verdict.
 */
const Expect = z.strictObject({
  outcome: z.enum(['eligible', 'ineligible', 'undetermined']).optional(),
  conditions: z.record(z.string(), z.enum(['met', 'unmet', 'unknown'])).optional(),
  score: z.tuple([z.number(), z.number()]).optional(),
  /** the first facts the programme asks for, in order; [] means none is left to ask */
  missingFacts: z.array(z.string()).optional(),
  /** ruled out: its complete gap list (complete-gaps.ts), every condition unmet or at risk, in order */
  gapList: z.array(z.string()).optional(),
  /** ruled out: facts still needed to know whether its other conditions hold, exactly and in order; [] means none is */
  uncheckedFacts: z.array(z.string()).optional(),
  /** a piece of text each named condition's gap must contain */
  gap: z.record(z.string(), z.string()).optional(),
  /** a piece of text each named condition's detail must contain */
  detail: z.record(z.string(), z.string()).optional(),
  /** a piece of text no named condition's gap may contain */
  gapWithout: z.record(z.string(), z.string()).optional(),
  /** the profile is refused: every key listed is named by the refusal */
  rejected: z.array(z.string()).optional(),
  /** the evaluation warns about each fact listed (a value that looks like a misread unit) */
  warnings: z.array(z.string()).optional(),
  /** the estimate beside an outcome that only the experts' scoring leaves open; null: none */
  assessment: z.enum(['likely', 'unlikely', 'uncertain']).nullable().optional(),
  /** a piece of text the assessment's basis must contain */
  assessmentBasis: z.string().optional(),
  /** the score components only the experts decide, in order */
  expertDecides: z.array(z.string()).optional(),
  /** benefits by id: status, and a piece of text the reason must contain */
  benefits: z.record(z.string(), z.strictObject({ status: z.enum(['applies', 'maybe', 'no']).optional(), reason: z.string().optional(), absent: z.literal(true).optional() })).optional(),
  /** for a condition, score component or benefit id: a piece of text one of its cited quotes must contain, or (with `!`) none may */
  quotes: z.record(z.string(), z.string()).optional(),
  /** roadmap: the programmes of its steps, in order, and a piece of text some action of the named one must contain */
  roadmap: z.array(z.string()).optional(),
  roadmapAction: z.record(z.string(), z.string()).optional(),
  /** the plain sentence of the named programme's step, exactly */
  roadmapPlainly: z.record(z.string(), z.string()).optional(),
});

const Case = z.strictObject({
  name: z.string(),
  /** the clause the case checks, verbatim from knowledge/sources (checked) */
  clause: z.string().optional(),
  asOf: z.string().optional(),
  base: z.literal(false).optional(),
  facts: z.record(z.string(), z.unknown()).default({}),
  without: z.array(z.string()).default([]),
  expect: Expect,
});

const CaseFile = z.strictObject({
  /** the programme the outcome and condition expectations are about; absent in a file about advice alone */
  programme: z.enum(REGISTRY.ids).optional(),
  asOf: z.string(),
  base: z.record(z.string(), z.unknown()),
  cases: z.array(Case).min(1),
});

export type CaseFile = z.infer<typeof CaseFile>;
export type RuleCase = z.infer<typeof Case>;

// YAML reads an unquoted 2026-11-22 as a Date; profiles carry dates as the strings the contracts use.
const asText = (v: unknown): unknown =>
  v instanceof Date ? v.toISOString().slice(0, 10) : Array.isArray(v) ? v.map(asText) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asText(x)])) : v;

export const CASES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'cases');

/** `dir`: where the YAML lies, for a compiled caller (dist/ holds no YAML). */
export function loadCaseFiles(dir: string = CASES_DIR): { file: string; cases: CaseFile }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((file) => ({ file, cases: CaseFile.parse(asText(parse(readFileSync(join(dir, file), 'utf8')))) }));
}

/** A case's profile: the base (unless the case opts out), its facts over it, and the dropped keys removed. */
export function profileOf(file: CaseFile, c: RuleCase): Record<string, unknown> {
  const facts: Record<string, unknown> = { ...(c.base === false ? {} : file.base), ...c.facts };
  for (const key of c.without) delete facts[key];
  return facts;
}
