import type { CitationResolver } from '../knowledge/citation.js';
import { evaluate } from '../rules/evaluate.js';
import type { IsoDate } from '../rules/logic/dates.js';
import { REGISTRY, type ProgrammeRegistry } from '../rules/programmes/index.js';
import { toJson } from '../rules/present/to-json.js';
import type { ProgrammeBasis } from './result.js';

/**
 * What every verdict in a screening rests on: each programme's edition notes and each condition's clauses,
 * resolved once for the whole file rather than once per enterprise. Judging an empty profile lists every
 * programme and condition exactly as the rules define them, so nothing here is kept in a second copy.
 */
export function programmeBasis(asOf: IsoDate, resolve: CitationResolver, programmes: ProgrammeRegistry = REGISTRY): ProgrammeBasis[] {
  return toJson(evaluate({}, asOf, programmes), resolve).programmes.map((p) => ({
    id: p.id,
    title: p.title,
    notes: p.notes,
    conditions: p.conditions.map((c) => ({ id: c.id, label: c.label, citations: c.citations })),
  }));
}
