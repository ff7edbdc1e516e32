import type { Writable } from 'node:stream';
import type { ProgrammeScreen, ScreenedRow, Summary } from '../result.js';
import type { Screening } from '../screening.js';
import { atRiskNote, factLabel, gapText, OUTCOME_LABEL, scoreText, shortTitle } from './labels.js';
import { TextSink } from './sink.js';

/**
 * A text cell for a spreadsheet: quoted when it must be, and never starting like a formula (=, +, -, @), which
 * Excel would run: a name in the uploaded file is data, not a command.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const KIND = { 'near-miss': '差一点', undetermined: '待补充' } as const;

const ESTIMATE = { likely: '估算可能通过', unlikely: '估算难以通过', uncertain: '估算难以判断' } as const;

function programmeCells(p: ProgrammeScreen | undefined): (string | number)[] {
  if (!p) return ['', '', '', '', ''];
  const experts = p.expertDecides.length ? `待专家评分：${p.expertDecides.join('、')}` : '';
  const missing = p.missingFacts.length ? `待补充：${p.missingFacts.map(factLabel).join('、')}` : '';
  // an undetermined programme may have gaps at risk beside the facts it still needs: the cell names both
  const gaps = [...p.gaps.map(gapText), missing].filter(Boolean).join('；') || experts;
  const near = p.candidate ? `${KIND[p.candidate.kind]}${p.candidate.shortfall ? `：${p.candidate.shortfall.text}` : ''}${atRiskNote(p.candidate)}` : '';
  const outcome = `${OUTCOME_LABEL[p.outcome]}${p.assessment ? `（${ESTIMATE[p.assessment.estimate]}）` : ''}`;
  return [outcome, scoreText(p.score), gaps, near, p.candidate ? p.candidate.distance : ''];
}

function line(cells: (string | number)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * Writes one line per enterprise, in file order, for staff to sort and filter in Excel: UTF-8 with a byte-order
 * mark (without it Excel reads UTF-8 as the local code page), CRLF line ends.
 */
export async function writeCsvReport(screening: Screening, out: Writable): Promise<Summary> {
  const sink = new TextSink(out);
  const programmes = screening.head.programmes;
  const heading = ['行号', '企业名称', '状态'];
  for (const p of programmes) {
    const t = shortTitle(p);
    heading.push(`${t}结论`, `${t}得分`, `${t}差距`, `${t}近门槛`, `${t}距离`);
  }
  heading.push('问题');
  await sink.write(`\ufeff${line(heading)}`);
  for await (const row of screening.rows) await sink.write(line(rowCells(row, programmes.map((p) => p.id))));
  await sink.flush();
  return screening.summary();
}

function rowCells(row: ScreenedRow, ids: string[]): (string | number)[] {
  const lead = [row.row, row.name ?? ''];
  if (row.status === 'invalid') {
    const problems = row.problems.map((p) => `${p.column ? `${p.column}：` : ''}${p.message}`).join('；');
    return [...lead, '问题行', ...ids.flatMap(() => programmeCells(undefined)), problems];
  }
  const byId = new Map(row.programmes.map((p) => [p.id, p]));
  // a value judged as given but probably misread (0.65 for 65%) flags the row in its 问题 cell
  const warnings = row.warnings.map((w) => `${w.column ? `${w.column}：` : ''}${w.message}`).join('；');
  return [...lead, warnings ? '已判断（请核对）' : '已判断', ...ids.flatMap((id) => programmeCells(byId.get(id))), warnings];
}
