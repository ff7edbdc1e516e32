import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import type { Outcome } from '../result.js';

export const OUTCOME_LABEL: Record<Outcome, string> = { eligible: '符合', ineligible: '不符合', undetermined: '待定' };

/** Programme names short enough for a table heading; a programme added to the rules shows its full title. */
const SHORT_TITLE: Record<string, string> = { 'kechuang-project-2023': '科创项目', hnte: '高企', 'tech-sme': '科小' };

export function shortTitle(programme: { id: string; title: string }): string {
  return SHORT_TITLE[programme.id] ?? programme.title;
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
