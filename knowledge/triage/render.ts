import type { Citation } from '../citation.js';
import type { HandoffReason, TriageResult } from './triage.js';

const HANDOFF_TEXT: Record<HandoffReason, string> = {
  'empty question': '问题是空的，请用一句话说明要办的事，例如“研发费用加计扣除找哪个部门”。',
  'outside the documents': '现有政策文件没有写明这件事由哪个部门负责，我不作推测。',
  'low confidence': '文件中的依据不足以确定责任部门。',
  'jurisdiction not covered': '我们没有这个地区的政策文件，无法确定责任部门。',
};

/** A long quote shortened in the middle: its end is where a task names who is responsible. */
function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\t/g, ' ｜ ').replace(/\s*\n\s*/g, '');
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const head = Math.floor(max / 2);
  return `${chars.slice(0, head).join('')}……${chars.slice(chars.length - (max - head)).join('')}`;
}

function source(c: Citation): string {
  return `《${c.partTitle ?? c.docTitle}》${c.docNumber ? `（${c.docNumber}）` : ''}${c.path}`;
}

/** The readable Chinese answer of `tongce triage` (and of any channel that shows a route as text). */
export function renderTriage(r: TriageResult): string {
  const lines: string[] = [];
  if (r.handoff) {
    lines.push(`${HANDOFF_TEXT[r.handoffReason ?? 'low confidence']}已转人工：工作人员会接手处理这个问题。`);
    if (r.departments.length > 0) lines.push('可能相关的部门（依据不足，仅供工作人员参考）：');
  } else if (r.needsJurisdiction) {
    lines.push(
      `这件事由哪个部门负责，要看您在哪个区/县：文件中有${r.candidateJurisdictions.join('、')}的规定。` +
        '请告诉我们您所在的地区（命令行可加 --jurisdiction）。各地文件写明的责任部门：',
    );
  } else {
    lines.push(`建议转交${r.jurisdiction ? `（按${r.jurisdiction}的文件）` : ''}：`);
  }
  r.departments.forEach((d, i) => {
    lines.push(`${i + 1}. ${d.name}（${d.jurisdiction}）  置信度 ${d.confidence.toFixed(2)}`);
    for (const c of d.citations) lines.push(`   依据：${source(c)}`, `   “${excerpt(c.quote)}”`);
  });
  if (!r.handoff && r.coResponsible.length > 0) lines.push(`同时负有责任：${r.coResponsible.join('、')}（不单独受理咨询）`);
  for (const n of r.notices) lines.push(`注：${n}`);
  return lines.join('\n');
}
