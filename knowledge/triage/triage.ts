import { z } from 'zod';
import { noticesFor } from '../answer.js';
import type { Citation } from '../citation.js';
import { citationOf, type CitationLog } from '../cite.js';
import type { Knowledge } from '../index.js';
import { MAX_QUERY_CHARS } from '../search/retrieve.js';
import { cleanQuestion } from '../text/normalize.js';
import { DepartmentDirectory } from './directory.js';
import { CITY, jurisdictionNamedIn, normaliseJurisdiction } from './jurisdictions.js';
import { questionTerms } from './question.js';
import { quotesFor } from './quote.js';
import type { Role } from './responsibilities.js';
import { rankDepartments, type Candidate } from './route.js';
import { topicOf } from './topics.js';

export const TriageOptions = z.object({
  /** where the caller is: 海门区, 海门, 启东市 … (a place outside 南通 is served by no department we know) */
  jurisdiction: z.string().trim().min(1, 'jurisdiction must not be empty').optional(),
  /** where dropped citations are reported */
  log: z.custom<CitationLog>((v) => typeof v === 'function').optional(),
  /** the date edition notices are judged against (default today) */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u).optional(),
});
export type TriageOptions = z.input<typeof TriageOptions>;

export interface RoutedDepartment {
  name: string;
  jurisdiction: string;
  confidence: number;
  citations: Citation[];
  /** the directory key the name normalises to (区市监局 → 区市场监管局) */
  key: string;
  /** how the best cited clause makes it responsible */
  role: Role;
  /** what that clause is about */
  topic: string;
}

export type HandoffReason = 'empty question' | 'outside the documents' | 'low confidence' | 'jurisdiction not covered';

/** The `tongce triage --json` document of contracts.md, with additions. */
export interface TriageResult {
  query: string;
  departments: RoutedDepartment[];
  handoff: boolean;
  handoffReason?: HandoffReason;
  /** the caller's jurisdiction as used: given, else named in the question, else null */
  jurisdiction: string | null;
  /** the answer depends on where the caller is and we do not know: ask, and treat the routes as provisional */
  needsJurisdiction: boolean;
  /** where the documents route this question, when needsJurisdiction */
  candidateJurisdictions: string[];
  /** units the cited clauses also make responsible that no help desk routes to (各区镇, 各县（市、区）人民政府) */
  coResponsible: string[];
  /** edition and source notices of the cited documents */
  notices: string[];
}

const MAX_DEPARTMENTS = 3;
/** Departments weaker than this share of the best are noise, not alternatives. */
const KEEP_WITHIN = 0.5;
/**
 * Below this confidence the evidence is too thin to route on: a person takes it. Set on the dev half of the gold
 * set (even lines), where in-scope routes and out-of-scope questions separate; bench/triage.ts reports both halves.
 */
export const HANDOFF_BELOW = 0.4;
/** The corpus as a whole has nothing that answers the question (retrieval's covered flag): trust a route less. */
const NOT_COVERED = 0.85;
/** A route from a county's documents, for a caller whose county we do not know. */
const JURISDICTION_UNKNOWN = 0.7;
/** A county office this close to a city-wide best route means the answer depends on where the caller is. */
const COUNTY_RIVAL = 0.8;
/** Candidates at least this share of the best show where else the question would be routed. */
const ALTERNATIVE_WITHIN = 0.6;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Routes a help-desk question to the departments the documents make responsible for its topic, best first, each
 * with the clause that says so. Deterministic: no model involved.
 */
export function triage(knowledge: Knowledge, question: string, options: TriageOptions = {}): TriageResult {
  const opts = TriageOptions.parse(options);
  const query = cleanQuestion(question).slice(0, MAX_QUERY_CHARS);
  const given = opts.jurisdiction === undefined ? undefined : normaliseJurisdiction(opts.jurisdiction);
  const caller = given === undefined ? jurisdictionNamedIn(query) : given;
  const empty = { query, departments: [], jurisdiction: caller ?? opts.jurisdiction ?? null, needsJurisdiction: false, candidateJurisdictions: [], coResponsible: [], notices: [] };
  if (!query) return { ...empty, handoff: true, handoffReason: 'empty question' };
  // a place outside 南通 has no department we could name
  if (given === null) return { ...empty, handoff: true, handoffReason: 'jurisdiction not covered' };

  const store = knowledge.store;
  const directory = DepartmentDirectory.of(store);
  // a 南通 county we hold no documents of (如皋, 海安 …) is served only by the city's departments
  const unknownPlace: HandoffReason | null = caller && caller !== CITY && directory.inJurisdiction(caller).length === 0 ? 'jurisdiction not covered' : null;
  const ranked = rankDepartments(store, directory, questionTerms(store, query), caller);
  const covered = knowledge.retrieve(query, { jurisdiction: caller }).covered;
  const top = ranked[0];
  if (!top) return { ...empty, handoff: true, handoffReason: unknownPlace ?? 'outside the documents' };

  const trust = covered ? 1 : NOT_COVERED;
  // unknown caller: a county office as the best route, or close to it, holds only for callers of that county
  const needsJurisdiction =
    caller === null && ranked.some((c) => c.department.jurisdiction !== CITY && c.strength >= COUNTY_RIVAL * top.strength);
  const alternatives = ranked.filter((c) => c.strength >= ALTERNATIVE_WITHIN * top.strength);
  const candidateJurisdictions = needsJurisdiction ? [...new Set(alternatives.map((c) => c.department.jurisdiction))] : [];
  const chosen = choose(ranked, needsJurisdiction, top.strength);

  const log = opts.log ?? (() => {});
  const departments = chosen.map((c): RoutedDepartment => {
    const best = c.evidence[0]!;
    const citations = knowledge.verify(
      quotesFor(best.responsibility, best.passage).map((q) => citationOf(store, q.clause, q.quote)),
      log,
    );
    return {
      name: c.department.name,
      jurisdiction: c.department.jurisdiction,
      confidence: round2(Math.min(1, c.strength * trust * (needsJurisdiction ? JURISDICTION_UNKNOWN : 1))),
      citations,
      key: c.department.key,
      role: best.responsibility.role,
      topic: topicOf(best.responsibility),
    };
  }).filter((d) => d.citations.length > 0);

  const handoff = departments.length === 0 || departments[0]!.confidence < HANDOFF_BELOW;
  const cited = new Set(chosen.map((c) => c.evidence[0]!.responsibility.clause.id));
  const coResponsible = directory.departments
    .filter((d) => !d.routable && d.responsibilities.some((r) => cited.has(r.clause.id)))
    .map((d) => d.name);
  return {
    query,
    departments,
    handoff,
    ...(handoff ? { handoffReason: unknownPlace ?? (departments.length === 0 ? 'outside the documents' : 'low confidence') } : {}),
    jurisdiction: caller,
    needsJurisdiction,
    candidateJurisdictions,
    coResponsible,
    notices: noticesFor(departments.flatMap((d) => d.citations), opts.today ?? new Date().toISOString().slice(0, 10)),
  };
}

/** Up to three, none far weaker than the best; when the caller's place decides, one per place first. */
function choose(ranked: Candidate[], byPlace: boolean, best: number): Candidate[] {
  const eligible = ranked.filter((c) => c.strength >= KEEP_WITHIN * best);
  if (!byPlace) return eligible.slice(0, MAX_DEPARTMENTS);
  const firstOfEach = new Map<string, Candidate>();
  for (const c of eligible) if (!firstOfEach.has(c.department.jurisdiction)) firstOfEach.set(c.department.jurisdiction, c);
  const picked = [...firstOfEach.values()].slice(0, MAX_DEPARTMENTS);
  for (const c of eligible) if (picked.length < MAX_DEPARTMENTS && !picked.includes(c)) picked.push(c);
  return picked.sort((a, b) => b.strength - a.strength);
}
