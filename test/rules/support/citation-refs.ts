import type { CitationRef } from '../../../knowledge/citation.js';
import { BENEFIT_SOURCES } from '../../../rules/parameters/benefits.js';
import { HNTE_MEASURES_EDITIONS, HNTE_SCORING_EDITIONS } from '../../../rules/parameters/hnte.js';
import { KECHUANG_EDITIONS } from '../../../rules/parameters/kechuang.js';
import { LADDER } from '../../../rules/parameters/ladder.js';
import { PARKS_2024 } from '../../../rules/parameters/parks-2024.js';
import { REGISTRY } from '../../../rules/programmes/index.js';
import { TECH_SME_EDITIONS } from '../../../rules/parameters/tech-sme.js';

const isRef = (v: unknown): v is CitationRef =>
  typeof v === 'object' && v !== null && Object.keys(v).sort().join() === 'doc,quote';

function collect(value: unknown, into: Set<CitationRef>): Set<CitationRef> {
  if (isRef(value)) into.add(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v, into);
  return into;
}

/**
 * Every clause reference the rules hold: they all live in the parameter tables, of every edition; and what every
 * registered programme's conditions cite, so that a programme added to the registry has its quotes checked too.
 */
export const ALL_REFS: CitationRef[] = [
  ...collect(
    [
      ...[KECHUANG_EDITIONS, HNTE_MEASURES_EDITIONS, HNTE_SCORING_EDITIONS, TECH_SME_EDITIONS].map((list) => list.map((e) => e.values)),
      BENEFIT_SOURCES,
      PARKS_2024,
      LADDER,
      REGISTRY.entries.flatMap((e) => e.editions.map((ed) => ed.values)),
    ],
    new Set(),
  ),
];
