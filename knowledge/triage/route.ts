import type { KnowledgeStore } from '../store/store.js';
import type { Department, DepartmentDirectory } from './directory.js';
import { CITY, servingJurisdictions } from './jurisdictions.js';
import { coverage, type Term } from './question.js';
import type { Responsibility, Role } from './responsibilities.js';
import { topicPassages, type Passage } from './topics.js';

/** How strongly a role makes a unit the one to route to (see Role). */
const ROLE_WEIGHT: Record<Role, number> = { duty: 1, lead: 0.95, listed: 0.9, support: 0.65 };
/** Each later place in a list of units weighs this much less: lists name the leading office first. */
const LIST_DECAY = 0.9;
const LIST_FLOOR = 0.5;
/** A county caller's own offices come before the city's for the same task (the city's plan still applies). */
const CITY_FOR_COUNTY_CALLER = 0.85;
/** Share of a department's second-best evidence that adds to its best: agreement between clauses. */
const AGREEMENT = 0.25;
/** Within a task, the sentence that holds the question counts most; the whole task text a little. */
const SENTENCE_SHARE = 0.75;

/** One clause's support for routing a question to a department. */
export interface Evidence {
  responsibility: Responsibility;
  /** the passage of the task that best matches the question */
  passage: Passage;
  /** how directly the task's text matches the question's topic, 0..1 */
  match: number;
  /** match × role × jurisdiction */
  value: number;
}

export interface Candidate {
  department: Department;
  /** 0..1, from the best evidence and agreement between clauses */
  strength: number;
  evidence: Evidence[];
}

export function roleWeight(r: Responsibility): number {
  return Math.max(LIST_FLOOR, ROLE_WEIGHT[r.role] * LIST_DECAY ** r.position);
}

function match(store: KnowledgeStore, terms: Term[], r: Responsibility): { match: number; passage: Passage } | null {
  const topic = topicPassages(store, r);
  let best: { score: number; passage: Passage } | null = null;
  for (const p of topic.passages) {
    const score = coverage(terms, p.haystack);
    if (!best || score > best.score) best = { score, passage: p };
  }
  if (!best) return null;
  return { match: SENTENCE_SHARE * best.score + (1 - SENTENCE_SHARE) * coverage(terms, topic.whole), passage: best.passage };
}

/**
 * Departments ranked by how well the documents support routing the question to them. A known caller is served
 * by its own jurisdiction's offices and the city's; an unknown one by every jurisdiction's.
 */
export function rankDepartments(store: KnowledgeStore, directory: DepartmentDirectory, terms: Term[], caller: string | null): Candidate[] {
  if (terms.length === 0) return [];
  const serving = caller ? servingJurisdictions(caller) : null;
  const candidates: Candidate[] = [];
  for (const department of directory.departments) {
    if (!department.routable) continue;
    if (serving && !serving.includes(department.jurisdiction)) continue;
    const place = caller && caller !== CITY && department.jurisdiction === CITY ? CITY_FOR_COUNTY_CALLER : 1;
    const evidence: Evidence[] = [];
    for (const r of department.responsibilities) {
      const m = match(store, terms, r);
      if (m && m.match > 0) evidence.push({ responsibility: r, passage: m.passage, match: m.match, value: m.match * roleWeight(r) * place });
    }
    if (evidence.length === 0) continue;
    // stable sorts over the directory's document order: the same question always routes the same way
    evidence.sort((a, b) => b.value - a.value);
    const [first, second] = evidence;
    const strength = first!.value + AGREEMENT * (second?.value ?? 0) * (1 - first!.value);
    candidates.push({ department, strength, evidence });
  }
  return candidates.sort((a, b) => b.strength - a.strength);
}
