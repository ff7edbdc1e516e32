import type { Citation } from '../../knowledge/citation.js';
import { describeFact, type FactPath } from '../facts/catalog.js';
import type { EvaluationJson } from './evaluation-json.js';

const OUTCOME = { eligible: '符合', ineligible: '不符合', undetermined: '尚不能确定' } as const;
const STATUS = { met: '✓ 满足', unmet: '✗ 不满足', unknown: '？ 待确认' } as const;
const BENEFIT = { applies: '适用', maybe: '可能适用', no: '不适用' } as const;
const ESTIMATE = { likely: '可能通过', unlikely: '难以通过', uncertain: '难以判断' } as const;

/** Numbers each cited clause once, in order of first mention, for the reference list at the end. */
export class References {
  private readonly index = new Map<string, number>();
  readonly list: Citation[] = [];

  numbers(citations: readonly Citation[]): number[] {
    return citations.map((c) => {
      const key = `${c.clauseId}\u0000${c.quote}`;
      let n = this.index.get(key);
      if (n === undefined) {
        this.list.push(c);
        this.index.set(key, (n = this.list.length));
      }
      return n;
    });
  }

  marks(citations: readonly Citation[]): string {
    return citations.length ? ` 依据${this.numbers(citations).map((n) => `[${n}]`).join('')}` : '';
  }
}

function source(c: Citation): string {
  const number = c.docNumber ? `（${c.docNumber}）` : '';
  const part = c.partTitle ? `附件《${c.partTitle}》` : '';
  const kind = c.sourceKind === 'report' ? '【新闻报道，非政策文件】' : '';
  return `《${c.docTitle}》${number}${part} ${c.path}${kind}：“${c.quote}”`;
}

function factLine(path: string, asOf: string): string {
  const f = describeFact(path as FactPath, asOf);
  return `${f.label}（${path}）：${f.question}`;
}

/** A titled list of facts with their questions, the first few of a long one. */
function factList(title: string, facts: readonly string[], asOf: string): string[] {
  if (facts.length === 0) return [];
  const lines = [title, ...facts.slice(0, 8).map((f) => `    · ${factLine(f, asOf)}`)];
  if (facts.length > 8) lines.push(`    · ……共 ${facts.length} 项`);
  return lines;
}

/** The evaluation as a Chinese report for a person: outcomes, conditions with numbers and gaps, what to ask next. */
export function renderReport(e: EvaluationJson): string {
  const refs = new References();
  const out: string[] = [`评估日期：${e.asOf}`, ''];
  for (const w of e.warnings) out.push(`⚠ ${w.message}`);
  if (e.warnings.length) out.push('');
  for (const p of e.programmes) {
    out.push(`■ ${p.title}：${OUTCOME[p.outcome]}`);
    if (p.score) out.push(`  评分：${p.score.min === p.score.max ? p.score.min : `${p.score.min}–${p.score.max}`} 分（合格线 ${p.score.pass}）`);
    for (const c of p.conditions) {
      out.push(`  ${STATUS[c.status]} ${c.label}`);
      out.push(`      ${c.detail}${refs.marks(c.citations)}`);
      if (c.gap) out.push(`      → ${c.gap}`);
    }
    if (p.assessment) out.push(`  估算（${ESTIMATE[p.assessment.estimate]}）：${p.assessment.basis}`);
    if (p.expertDecides.length) {
      out.push(`  由评审专家打分决定（企业无需再提供）：${p.expertDecides.map((x) => `${x.label}（${x.min}–${x.max} 分）`).join('、')}`);
    }
    out.push(...factList('  企业还可以补充：', p.missingFacts, e.asOf));
    out.push(...factList('  结论已定；要知道其余条件是否满足（全部差距），还需：', p.uncheckedFacts ?? [], e.asOf));
    for (const n of p.notes) out.push(`  注：${n}`);
    out.push('');
  }
  if (e.benefits.length) {
    out.push('■ 可享受的政策');
    for (const b of e.benefits) {
      const status = b.expired ? `已到期（${b.period}）` : BENEFIT[b.status];
      out.push(`  [${status}] ${b.title}（${b.jurisdiction}${b.period && !b.expired ? `，${b.period}` : ''}）：${b.reason}${refs.marks(b.citations)}`);
    }
    out.push('');
  }
  if (e.parks.length) {
    out.push('■ 方向相符的科技创新型特色园区');
    for (const p of e.parks) out.push(`  ${p.park}（${p.region}）：${p.directions}　相符方向：${p.matchedOn.join('、')}${refs.marks(p.citations)}`);
    out.push('');
  }
  if (e.roadmap.length) {
    out.push('■ 路线图');
    for (const s of e.roadmap) {
      out.push(`  ${s.step}. ${s.title}：${s.plainly}${refs.marks(s.citations)}`);
      for (const a of s.actions) out.push(`     - ${a}`);
    }
    out.push('');
  }
  if (e.missingFacts.length) {
    out.push(`■ 下一步最值得补充的信息：${e.missingFacts.slice(0, 5).map((f) => describeFact(f as FactPath).label).join('、')}`, '');
  }
  out.push('■ 引用条款');
  refs.list.forEach((c, i) => out.push(`  [${i + 1}] ${source(c)}`));
  return out.join('\n') + '\n';
}
