import type { EvaluationJson } from '../../../rules/present/evaluation-json.js';
import { reasonOf } from '../../../rules/present/reason.js';
import { labelOf } from '../../dialog/facts.js';

type ProgrammeJson = EvaluationJson['programmes'][number];

const OUTCOME = { eligible: '✅ 符合', ineligible: '❌ 不符合', undetermined: '❓ 尚不能确定' } as const;
/** A chat message on a phone: the few deciding lines, not the whole table the web page shows. */
const MAX_LINES_PER_KIND = 3;

const listed = (items: string[]) => (items.length > MAX_LINES_PER_KIND ? [...items.slice(0, MAX_LINES_PER_KIND), `等${items.length}项`] : items);

/** The next step the roadmap gives for this programme, if any. */
function nextStep(e: EvaluationJson, p: ProgrammeJson, said: string[]): string | null {
  const step = e.roadmap.find((s) => s.programme === p.id);
  if (!step) return null;
  const actions = step.actions.filter((a) => !said.includes(a)).slice(0, 2).join('；');
  return `下一步：${step.plainly}${actions ? `——${actions}` : ''}`;
}

/**
 * One programme's verdict as a short WeChat message, read top to bottom on a phone: the outcome, then why (the
 * conditions that decide it), what is missing (gaps, facts still unknown), and the next step. Built from the
 * evaluation the verdict rests on (the contract shape), so it says nothing the rules did not decide.
 */
export function programmeVerdictText(e: EvaluationJson, p: ProgrammeJson): string {
  const lines = [`${OUTCOME[p.outcome]}｜${p.title}`];
  const unmet = p.conditions.filter((c) => c.status === 'unmet');
  const unknown = p.conditions.filter((c) => c.status === 'unknown');
  const met = p.conditions.filter((c) => c.status === 'met');
  const reason = reasonOf(p);
  // ruled out: the conditions that decide it, not routes a met route makes unnecessary
  const blocking = p.outcome === 'ineligible' ? p.conditions.filter((c) => reason.deciding.some((l) => l.id === c.id)) : unmet;
  if (p.outcome === 'eligible') lines.push(`原因：${listed(met.map((c) => c.label)).join('；')} 均满足`);
  else if (blocking.length) lines.push(...listed(blocking.map((c) => `原因：${c.label}——${c.detail}`)));
  // the evaluation's one gap list, as the chat and the web card show it
  const gaps = reason.gaps.map((g) => `${g.status === 'unknown' ? '有风险：' : ''}${g.gap}`);
  if (gaps.length) lines.push(`差距：${listed(gaps).join('；')}`);
  if (reason.final) lines.push('决定结论的条件无法通过补足改变。');
  if (p.outcome === 'undetermined') {
    if (unknown.length) lines.push(`待确认：${listed(unknown.map((c) => c.label)).join('；')}`);
    if (p.missingFacts.length) lines.push(`还需要了解：${listed(p.missingFacts.map((f) => labelOf(f, 'zh'))).join('、')}`);
  }
  if (p.score) {
    const range = p.score.min === p.score.max ? `${p.score.min}` : `${p.score.min}–${p.score.max}`;
    lines.push(`评分：${range} 分（合格线 ${p.score.pass} 分）`);
  }
  const next = nextStep(e, p, gaps);
  if (next) lines.push(next);
  for (const n of p.notes) lines.push(`注：${n}`);
  return lines.join('\n');
}
