import type { CitationRef } from '../../knowledge/citation.js';
import type { FactPath } from '../facts/catalog.js';
import { allOfEach, anyOfEach, type Tri } from '../logic/tri.js';
import type { Judgement } from './condition.js';
import { judgementSaying } from './said-later.js';

/**
 * One condition whose clause joins several requirements ("A、B 且 C", "A 或 B"). Kleene logic decides; while
 * the whole is unknown, no part is settled against it, so every unknown part's facts stay open.
 * (Plain loops: this runs for most conditions of every evaluation.)
 */
function combine(status: Tri, parts: readonly Judgement[], gapJoin: string): Judgement {
  const say = () => {
    let detail = '';
    for (const p of parts) detail = detail ? `${detail}；${p.detail}` : p.detail;
    return detail;
  };
  if (status === 'unknown') {
    const open: FactPath[] = [];
    for (const p of parts) if (p.status === 'unknown' && p.open) open.push(...p.open);
    return judgementSaying(status, say, undefined, open);
  }
  let gap: string | undefined;
  const cites: CitationRef[] = [];
  for (const p of parts) {
    if (p.gap && (status !== 'unmet' || p.status !== 'met')) gap = gap ? `${gap}${gapJoin}${p.gap}` : p.gap;
    if (p.cites) cites.push(...p.cites);
  }
  return judgementSaying(status, say, gap || undefined, undefined, cites.length ? cites : undefined);
}

const statusOf = (p: Judgement): Tri => p.status;

export function allParts(...parts: Judgement[]): Judgement {
  return combine(allOfEach(parts, statusOf), parts, '；');
}

export function anyParts(...parts: Judgement[]): Judgement {
  return combine(anyOfEach(parts, statusOf), parts, '；或');
}
