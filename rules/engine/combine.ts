import { allOf, anyOf, type Tri } from '../logic/tri.js';
import type { Judgement } from './condition.js';

/**
 * One condition whose clause joins several requirements ("A、B 且 C", "A 或 B"). Kleene logic decides; while
 * the whole is unknown, no part is settled against it, so every unknown part's facts stay open.
 */
function combine(status: Tri, parts: readonly Judgement[], gapJoin: string): Judgement {
  const detail = parts.map((p) => p.detail).join('；');
  if (status === 'unknown') return { status, detail, open: parts.flatMap((p) => (p.status === 'unknown' ? (p.open ?? []) : [])) };
  const gaps = parts.filter((p) => p.gap && (status === 'unmet' ? p.status !== 'met' : true)).map((p) => p.gap!);
  const cites = parts.flatMap((p) => p.cites ?? []);
  return { status, detail, ...(gaps.length ? { gap: gaps.join(gapJoin) } : {}), ...(cites.length ? { cites } : {}) };
}

export function allParts(...parts: Judgement[]): Judgement {
  return combine(allOf(parts.map((p) => p.status)), parts, '；');
}

export function anyParts(...parts: Judgement[]): Judgement {
  return combine(anyOf(parts.map((p) => p.status)), parts, '；或');
}
