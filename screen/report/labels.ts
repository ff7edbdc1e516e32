import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import { REGISTRY } from '../../rules/programmes/index.js';
import type { Gap, Outcome } from '../result.js';

export const OUTCOME_LABEL: Record<Outcome, string> = { eligible: '符合', ineligible: '不符合', undetermined: '待定' };

/** A programme's name short enough for a table heading (its registry entry's); one the registry lacks shows its full title. */
export function shortTitle(programme: { id: string; title: string }): string {
  return REGISTRY.byId(programme.id)?.shortTitle ?? programme.title;
}

const labels = new Map<string, string>();

/** A fact path from the rules (`salesRevenueByYear.2025`) as the report names it (2025年销售收入). */
export function factLabel(path: string): string {
  let label = labels.get(path);
  if (label === undefined) labels.set(path, (label = describeFact(path as FactPath).label));
  return label;
}

export function scoreText(score: { min: number; max: number; pass: number } | null): string {
  if (!score) return '';
  const points = score.min === score.max ? `${score.min}` : `${score.min}–${score.max}`;
  return `得分 ${points}（线 ${score.pass}）`;
}

/** A gap as a cell shows it: one still unknown but at risk on the figures known says so first. */
export function gapText(gap: Gap): string {
  return `${gap.atRisk ? '有风险：' : ''}${gap.text}`;
}

/** Beside a near-threshold candidate: how many of its programme's gaps are at risk, if any ("；1 项有风险"). */
export function atRiskNote(candidate: { atRisk: number }): string {
  return candidate.atRisk ? `；${candidate.atRisk} 项有风险` : '';
}
