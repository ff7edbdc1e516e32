import type { Summary } from '../result.js';
import { atRiskNote, shortTitle } from './labels.js';

const SHOWN = 5;
// a name in the file must not be able to move the cursor or recolour the terminal
const plain = (text: string | null) => (text ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/gu, '');

/** The few lines a terminal gets after a screening: counts, the closest candidates, where the problems are. */
export function textSummary(summary: Summary, asOf: string): string {
  const { rows, source } = summary;
  const lines = [`已筛查 ${plain(source.name)}：${rows.data} 家企业（已判断 ${rows.screened}，问题行 ${rows.invalid}，空行 ${rows.blank}），评估日 ${asOf}`];
  for (const p of summary.programmes) {
    const { eligible, undetermined, ineligible } = p.outcomes;
    const c = p.candidates;
    lines.push(`  ${shortTitle(p)}：符合 ${eligible}，待定 ${undetermined}，不符合 ${ineligible}；近门槛 ${c.total}（差一点 ${c.nearMiss}，待补充 ${c.undetermined}）`);
  }
  const near = summary.programmes
    .flatMap((p) => p.candidates.top.filter((c) => c.kind === 'near-miss').map((c) => ({ p, c })))
    .sort((a, b) => a.c.distance - b.c.distance || a.c.row - b.c.row)
    .slice(0, SHOWN);
  if (near.length) {
    lines.push('差一点的企业（最近的几家）：');
    for (const { p, c } of near) lines.push(`  ${shortTitle(p)} 第 ${c.row} 行 ${plain(c.name)}：${c.shortfall!.text}${atRiskNote(c)}`);
  }
  if (rows.invalid) {
    lines.push(`问题行 ${rows.invalid} 行未判断，例如：`);
    for (const p of summary.problems.slice(0, SHOWN)) lines.push(`  第 ${p.row} 行 ${plain(p.column)}${p.value !== null ? `“${plain(p.value)}”` : ''}：${plain(p.message)}`);
  }
  return `${lines.join('\n')}\n`;
}
