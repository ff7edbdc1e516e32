import type { Citation } from '../../knowledge/citation.js';
import { describeFact, type FactPath } from '../facts/catalog.js';
import type { EvaluationJson } from './evaluation-json.js';
import { nextStepOf, reasonOf, type ConditionLine, type ProgrammeInput } from './reason.js';
import { References } from './report.js';

const OUTCOME = { eligible: '符合', ineligible: '不符合', undetermined: '尚不能确定' } as const;
const STATUS = { met: '满足', unmet: '不满足', unknown: '待确认' } as const;
const BENEFIT = { applies: '适用', maybe: '可能适用', no: '不适用' } as const;

/** Everything the report prints goes through here: a user's text or a clause never becomes markup. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** One fact as used, in the catalog's words; a key the catalog does not know is shown as given. */
function factRow(path: string, value: unknown): [label: string, shown: string] {
  let info;
  try {
    info = describeFact(path as FactPath);
  } catch {
    return [path, JSON.stringify(value)];
  }
  if (typeof value === 'boolean') return [info.label, value ? '是' : '否'];
  if (info.kind === 'choice') return [info.label, info.choices?.find((c) => c.value === value)?.label ?? String(value)];
  if (typeof value === 'number') return [info.label, `${value}${info.unit ? ` ${info.unit}` : ''}`];
  return [info.label, typeof value === 'string' ? value : JSON.stringify(value)];
}

function factRows(facts: Record<string, unknown>): [string, string][] {
  const rows: [string, string][] = [];
  for (const [key, value] of Object.entries(facts)) {
    if (value === undefined || value === null || key === 'asOf') continue;
    if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [year, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined && v !== null) rows.push(factRow(`${key}.${year}`, v));
    } else rows.push(factRow(key, value));
  }
  return rows;
}

/** Reference marks that link to the full quote at the end of the report. */
function marks(refs: References, citations: readonly Citation[]): string {
  const ns = refs.numbers(citations);
  return ns.length ? `<span class="refs">${ns.map((n) => `<a href="#ref-${n}">[${n}]</a>`).join('')}</span>` : '';
}

function conditionRow(line: ConditionLine, citations: readonly Citation[], refs: References): string {
  return `<tr class="${line.status}"><td class="status">${STATUS[line.status]}</td><td>${escapeHtml(line.number ?? '')}</td>`
    + `<td>${escapeHtml(line.text)}<div class="detail">${escapeHtml(line.detail)}</div>${line.gap ? `<div class="gap">→ ${escapeHtml(line.gap)}</div>` : ''}</td>`
    + `<td>${marks(refs, citations)}</td></tr>`;
}

function list(title: string, items: string[], className: string): string {
  return items.length ? `<p class="${className}"><b>${escapeHtml(title)}</b>${items.map(escapeHtml).join('、')}</p>` : '';
}

/** The editions a programme rests on: its notes first (they name the text and its version), then each cited text's. */
function editionsOf(p: EvaluationJson['programmes'][number]): string[] {
  const fromCitations = p.citations.map((c) => `《${c.partTitle ?? c.docTitle}》${c.docNumber ? `（${c.docNumber}${c.partTitle ? ' 附件' : ''}）` : ''}${c.edition ? `：${c.edition}` : `：${c.date} 发布`}`);
  return [...new Set(fromCitations)];
}

function programmeSection(p: ProgrammeInput, e: EvaluationJson, refs: References): string {
  const r = reasonOf(p);
  const byId = new Map(p.conditions.map((c) => [c.id, c.citations]));
  const rows = (lines: ConditionLine[]) => lines.map((l) => conditionRow(l, byId.get(l.id) ?? [], refs)).join('');
  const group = (title: string, lines: ConditionLine[]) =>
    lines.length ? `<tr class="group"><th colspan="4">${escapeHtml(title)}</th></tr>${rows(lines)}` : '';
  const score = p.score
    ? `<p>评分：${p.score.min === p.score.max ? p.score.min : `${p.score.min}–${p.score.max}`} 分（合格线 ${p.score.pass} 分）</p>`
      + `<ul>${p.score.components.map((c) => `<li>${escapeHtml(c.label)}：${c.min === c.max ? c.min : `${c.min}–${c.max}`} / ${c.maxPoints} 分 — ${escapeHtml(c.detail)}${marks(refs, c.citations)}</li>`).join('')}</ul>`
    : '';
  const next = nextStepOf(e, p.id);
  return `<section class="programme ${p.outcome}" id="p-${escapeHtml(p.id)}">
<h2>${escapeHtml(p.title)}：<span class="outcome">${OUTCOME[p.outcome]}</span></h2>
<p class="reason"><b>理由</b>${escapeHtml(r.headline)}</p>
${r.gaps.length ? `<div class="gaps"><b>差距</b><ul>${r.gaps.map((g) => `<li>${escapeHtml(g.number ?? g.text)}：${g.status === 'unknown' ? '有风险：' : ''}${escapeHtml(g.gap ?? '')}</li>`).join('')}</ul></div>` : ''}
${list('您还可以告诉我：', r.youCanTell, 'tell')}
${list('其余条件还需核实：', r.toCheck, 'tell')}
${list('由专家评审决定：', r.expertsDecide, 'experts')}
${r.estimate ? `<p class="estimate"><b>估算</b>${escapeHtml(r.estimate)}</p>` : ''}
${r.final ? '<p class="final">决定结论的条件无法通过补足改变。</p>' : ''}
${next ? `<p class="next"><b>下一步</b>${escapeHtml(next)}</p>` : ''}
${score}
<table class="conditions"><thead><tr><th>状态</th><th>编号</th><th>条件与核对</th><th>依据</th></tr></thead><tbody>
${group('决定结论的条件', r.deciding)}${group('其他途径', r.otherRoutes)}${group('其余条件', r.rest)}
</tbody></table>
<div class="edition"><b>所依据文本的版本</b><ul>${editionsOf(p).map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul></div>
${p.notes.length ? `<ul class="notes">${p.notes.map((n) => `<li>注：${escapeHtml(n)}</li>`).join('')}</ul>` : ''}
</section>`;
}

/** Newer evaluations date a measure (`period`) and mark one past it (`expired`): read when present. */
function benefitStatus(b: EvaluationJson['benefits'][number] & { period?: unknown; expired?: unknown }): string {
  const period = typeof b.period === 'string' && b.period ? b.period : null;
  if (b.expired === true) return `已到期${period ? `（${escapeHtml(period)}）` : ''}`;
  return `${BENEFIT[b.status]}${period ? `<div class="detail">${escapeHtml(period)}</div>` : ''}`;
}

/** Warnings about the facts themselves (a share that looks like a fraction …), when the evaluation gives them. */
function warningsOf(e: EvaluationJson & { warnings?: unknown }): string {
  const messages = (Array.isArray(e.warnings) ? e.warnings : []).map((w: unknown) => (w && typeof w === 'object' ? (w as { message?: unknown }).message : null)).filter((m): m is string => typeof m === 'string');
  return messages.length ? `<div class="warnings">${messages.map((m) => `<p><b>请核对</b>${escapeHtml(m)}</p>`).join('')}</div>` : '';
}

function reference(c: Citation, n: number): string {
  const kind = c.sourceKind === 'report' ? '<b>【新闻报道，非政策文件】</b>' : '';
  return `<li id="ref-${n}"><div class="src">《${escapeHtml(c.docTitle)}》${c.docNumber ? `（${escapeHtml(c.docNumber)}）` : ''}${c.partTitle ? ` 附件《${escapeHtml(c.partTitle)}》` : ''} ${escapeHtml(c.path)}${kind}</div>`
    + `<blockquote>${escapeHtml(c.quote)}</blockquote>`
    + `<div class="meta">${escapeHtml(c.issuer)} · ${escapeHtml(c.date)} · ${escapeHtml(c.jurisdiction)}${c.edition ? ` · 版本：${escapeHtml(c.edition)}` : ''} · 来源：${escapeHtml(c.provenance)}</div></li>`;
}

const STYLE = `
*{box-sizing:border-box}body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#1d2733;margin:0 auto;max-width:860px;padding:24px;line-height:1.6;font-size:14px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:0 0 8px}h3{font-size:15px}
.lead{color:#556}table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #d5dce4;padding:4px 6px;text-align:left;vertical-align:top}
thead th,tr.group th{background:#eef2f6}.summary td.outcome{white-space:nowrap;font-weight:bold}table.facts th{width:40%}
.eligible .outcome,td.eligible{color:#1a7f37}.ineligible .outcome,td.ineligible{color:#b42318}.undetermined .outcome,td.undetermined{color:#9a6700}
section.programme{border:1px solid #d5dce4;border-left:6px solid #9a6700;border-radius:6px;padding:12px 14px;margin:16px 0}
section.eligible{border-left-color:#1a7f37}section.ineligible{border-left-color:#b42318}
table.conditions td:nth-child(1),table.conditions td:nth-child(2){white-space:nowrap}tr.met td.status{color:#1a7f37}tr.unmet td.status{color:#b42318;font-weight:bold}tr.unknown td.status{color:#9a6700}td.status{white-space:nowrap}
.detail{color:#445;font-size:13px}.warnings{border:1px solid #bf8700;background:#fff8e1;padding:4px 10px;border-radius:6px}.warnings p{margin:4px 0}.gap{color:#b42318}.refs a{color:#0b5cab;text-decoration:none;margin-right:2px}
p b,div b{margin-right:6px}.notes,.edition{font-size:13px;color:#445}blockquote{margin:4px 0 2px;padding-left:8px;border-left:3px solid #9db8d6;white-space:pre-wrap}
.meta{font-size:12px;color:#667}ol.references li{margin-bottom:8px}footer{margin-top:24px;font-size:12px;color:#667;border-top:1px solid #d5dce4;padding-top:8px}
@page{size:A4;margin:16mm 14mm}
@media print{body{padding:0;max-width:none;font-size:11pt}ol.references li,tr{break-inside:avoid}h2,h3{break-after:avoid}a{color:inherit}}
`;

export interface HtmlReportInput {
  evaluation: EvaluationJson;
  /** the facts profile the evaluation used, as given (keys of spec/facts.md) */
  facts: Record<string, unknown>;
  /** the day the report was made */
  generatedOn: string;
}

/**
 * The evaluation as a page to keep: self-contained (its style inline, no script, no outside resource), printable
 * to PDF, with the facts as used, each programme's outcome, reason, gaps, conditions, benefits, parks, roadmap, the
 * edition of each text and every cited clause in full. Every text is escaped.
 */
export function renderHtmlReport({ evaluation: e, facts, generatedOn }: HtmlReportInput): string {
  const refs = new References();
  const used = factRows(facts);
  const name = typeof facts.name === 'string' && facts.name.trim() ? `${escapeHtml(facts.name.trim())} · ` : '';
  const summary = e.programmes.map((p) => `<tr><td><a href="#p-${escapeHtml(p.id)}">${escapeHtml(p.title)}</a></td><td class="outcome ${p.outcome}">${OUTCOME[p.outcome]}</td><td>${escapeHtml(reasonOf(p).headline)}</td></tr>`).join('');
  const programmes = e.programmes.map((p) => programmeSection(p, e, refs)).join('\n');
  const benefits = e.benefits.length
    ? `<h3>可享受的支持政策</h3><table><thead><tr><th>政策</th><th>适用</th><th>理由</th><th>依据</th></tr></thead><tbody>${e.benefits.map((b) => `<tr><td>${escapeHtml(b.title)}（${escapeHtml(b.jurisdiction)}）</td><td>${benefitStatus(b)}</td><td>${escapeHtml(b.reason)}</td><td>${marks(refs, b.citations)}</td></tr>`).join('')}</tbody></table>`
    : '';
  const parks = e.parks.length
    ? `<h3>主攻方向相符的特色园区</h3><table><thead><tr><th>园区</th><th>主攻方向</th><th>相符方向</th><th>依据</th></tr></thead><tbody>${e.parks.map((p) => `<tr><td>${escapeHtml(p.park)}（${escapeHtml(p.region)}）</td><td>${escapeHtml(p.directions)}</td><td>${escapeHtml(p.matchedOn.join('、'))}</td><td>${marks(refs, p.citations)}</td></tr>`).join('')}</tbody></table>`
    : '';
  const roadmap = e.roadmap.length
    ? `<h3>路线图</h3><ol class="roadmap">${e.roadmap.map((s) => `<li><b>${escapeHtml(s.title)}</b>：${escapeHtml(s.plainly)}${marks(refs, s.citations)}${s.actions.length ? `<ul>${s.actions.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul>` : ''}</li>`).join('')}</ol>`
    : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${name}企业认定评估报告 · ${escapeHtml(e.asOf)}</title><style>${STYLE}</style></head>
<body>
<h1>${name}企业认定评估报告</h1>
<p class="lead">评估日：${escapeHtml(e.asOf)}　·　报告生成日：${escapeHtml(generatedOn)}　·　通策（南通科技政策助手）按政策原文由规则计算，仅供参考，以主管部门认定为准。</p>
${warningsOf(e)}
<h3>结论一览</h3>
<table class="summary"><thead><tr><th>项目</th><th>结论</th><th>理由</th></tr></thead><tbody>${summary}</tbody></table>
<h3>所用的企业信息</h3>
${used.length ? `<table class="facts"><tbody>${used.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>` : '<p>未提供企业信息：以下结论均按“尚不知道”判断。</p>'}
${programmes}
${benefits}
${parks}
${roadmap}
<h3>引用条款（全文）</h3>
<ol class="references">${refs.list.map((c, i) => reference(c, i + 1)).join('')}</ol>
<footer>本报告由通策根据上述企业信息与所列政策文本生成（评估日 ${escapeHtml(e.asOf)}）。各文本的版本与来源见每条引用；第三方转载文本以官方原件为准。</footer>
</body></html>
`;
}
