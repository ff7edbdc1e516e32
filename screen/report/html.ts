import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Citation } from '../../knowledge/citation.js';
import type { ProgrammeScreen, ScreenedRow, ScreeningHead, Summary } from '../result.js';
import type { Screening } from '../screening.js';
import { hnteMeasuresAt } from '../../rules/parameters/hnte.js';
import { outcomesChart, rdChart, staffShareChart } from './charts.js';
import { escapeHtml as e } from './escape.js';
import { atRiskNote, factLabel, gapText, OUTCOME_LABEL, scoreText, shortTitle } from './labels.js';
import { TOP_CANDIDATES } from '../summary.js';
import { TextSink } from './sink.js';

/** The page allows no script and no outside resource at all: what a file smuggles in cannot run or phone home. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#222;background:#f6f7f9}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 10px;border-left:4px solid #1565c0;padding-left:8px}h3{font-size:15px;margin:18px 0 6px}
.meta{color:#555;font-size:13px}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 16px;min-width:120px}.card b{display:block;font-size:22px}
figure{background:#fff;border:1px solid #ddd;border-radius:6px;margin:12px 0;padding:12px;overflow-x:auto}figcaption{font-size:13px;color:#555;margin-top:6px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eef1f5;position:sticky;top:0;white-space:nowrap}td.n{text-align:right;white-space:nowrap}td.k{white-space:nowrap}
.o b{display:block}.o-eligible b{color:#2e7d32}.o-ineligible b{color:#c62828}.o-undetermined b{color:#a06f00}
.score{color:#555;font-size:12px}.gaps{margin:2px 0 0;padding-left:16px;font-size:12px}.near{display:inline-block;background:#fff3cd;border:1px solid #e0a100;border-radius:3px;font-size:11px;padding:0 4px;margin-top:2px}
tr.invalid td{background:#fdecea}.note{font-size:13px;color:#555}blockquote{margin:4px 0 8px 12px;padding-left:8px;border-left:3px solid #ccc;color:#444;font-size:13px}
.basis li{margin-bottom:6px;font-size:13px}.basis b{font-size:14px}footer{font-size:12px;color:#777;margin:32px 0}
@media print{th{position:static}figure,table{break-inside:auto}}`;

const KIND_LABEL = { 'near-miss': '差一点', undetermined: '待补充' } as const;

function programmeCell(p: ProgrammeScreen): string {
  const parts = [`<b>${OUTCOME_LABEL[p.outcome]}</b>`];
  if (p.score) parts.push(`<span class="score">${e(scoreText(p.score))}</span>`);
  if (p.gaps.length) parts.push(`<ul class="gaps">${p.gaps.slice(0, 3).map((g) => `<li>${e(gapText(g))}</li>`).join('')}${p.gaps.length > 3 ? `<li>等 ${p.gaps.length} 项</li>` : ''}</ul>`);
  if (p.missingFacts.length) parts.push(`<ul class="gaps"><li>待补充：${e(p.missingFacts.map(factLabel).join('、'))}</li></ul>`);
  if (p.candidate) parts.push(`<span class="near">近门槛 · ${KIND_LABEL[p.candidate.kind]}</span>`);
  return `<td class="o o-${p.outcome}">${parts.join('')}</td>`;
}

/** One enterprise's line of the full table, in the programmes' order of the head. */
function enterpriseRow(row: ScreenedRow, programmeIds: readonly string[]): string {
  const lead = `<td class="n">${row.row}</td><td>${e(row.name ?? '')}</td>`;
  if (row.status === 'invalid') {
    const problems = row.problems.map((p) => `<li>${p.column ? `${e(p.column)}${p.value !== null ? `“${e(p.value)}”` : ''}：` : ''}${e(p.message)}</li>`).join('');
    return `<tr class="invalid">${lead}<td colspan="${programmeIds.length}"><b>未判断：此行有问题</b><ul class="gaps">${problems}</ul></td></tr>\n`;
  }
  const byId = new Map(row.programmes.map((p) => [p.id, p]));
  return `<tr>${lead}${programmeIds.map((id) => programmeCell(byId.get(id)!)).join('')}</tr>\n`;
}

function citationText(c: Citation): string {
  const doc = `《${c.docTitle}》${c.docNumber ? `（${c.docNumber}）` : ''}`;
  return `${e(doc)} ${e(c.path)}<blockquote>${e(c.quote)}</blockquote>`;
}

function top(head: ScreeningHead, summary: Summary): string {
  const { rows, source } = summary;
  const card = (label: string, n: number) => `<div class="card">${label}<b>${n}</b></div>`;
  const encoding = source.encoding ? `，编码 ${e(source.encoding)}` : '';
  return `<h1>企业批量预诊断报告</h1>
<p class="meta">来源文件：${e(source.name)}（${source.format.toUpperCase()}${encoding}，表头在第 ${head.headerRow} 行）　评估日：${e(head.asOf)}</p>
<div class="cards">${card('读取企业', rows.data)}${card('已判断', rows.screened)}${card('问题行（未判断）', rows.invalid)}${card('空行（跳过）', rows.blank)}</div>`;
}

function outcomesSection(summary: Summary): string {
  const rows = summary.programmes.map((p) => `<tr><td>${e(p.title)}</td><td class="n">${p.outcomes.eligible}</td><td class="n">${p.outcomes.undetermined}</td><td class="n">${p.outcomes.ineligible}</td><td class="n">${p.candidates.nearMiss}</td><td class="n">${p.candidates.undetermined}</td></tr>`);
  return `<h2>结论分布</h2>
<figure>${outcomesChart(summary.programmes)}<figcaption>每个项目中，已判断企业的结论：符合、待定（缺少事实，无法判定）、不符合。</figcaption></figure>
<table><thead><tr><th>项目</th><th>符合</th><th>待定</th><th>不符合</th><th>近门槛：差一点</th><th>近门槛：待补充</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function candidatesSection(head: ScreeningHead, summary: Summary): string {
  const intro = `<p class="note">近门槛候选：结论“待定”（尚无条件不满足，只缺事实）的企业，以及只差一个条件、且差距在以下范围内的企业：${head.margins.map(e).join('；')}。按“距离”排序：尚待确认的条件数，加上差距占允许范围的比例（0 表示恰在门槛上）；距离相同按行号。每个项目列出最近的 ${TOP_CANDIDATES} 家，完整标记见逐家结果和 CSV / JSON 导出。</p>`;
  const sections = summary.programmes.map((p) => {
    if (p.candidates.total === 0) return `<h3>${e(p.title)}</h3><p class="note">没有近门槛候选。</p>`;
    const rows = p.candidates.top.map((c, i) => {
      const what = c.kind === 'near-miss'
        ? `<a href="#c-${e(c.condition!.id)}">${e(c.condition!.label)}</a>：${e(c.shortfall!.text)}${c.open ? `；另有 ${c.open} 项条件待确认` : ''}${atRiskNote(c)}`
        : `尚有 ${c.open} 项条件待确认${atRiskNote(c)}`;
      return `<tr><td class="n">${i + 1}</td><td class="n">${c.row}</td><td>${e(c.name ?? '')}</td><td class="k">${KIND_LABEL[c.kind]}</td><td>${what}</td><td class="n">${c.distance}</td></tr>`;
    });
    return `<h3>${e(p.title)}（共 ${p.candidates.total} 家：差一点 ${p.candidates.nearMiss}，待补充 ${p.candidates.undetermined}）</h3>
<table><thead><tr><th>排名</th><th>行号</th><th>企业</th><th>类型</th><th>差距</th><th>距离</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  });
  return `<h2>近门槛候选</h2>${intro}${sections.join('')}`;
}

/** The key indicators against the 办法 in force on the evaluation date. */
function chartsSection(head: ScreeningHead, summary: Summary): string {
  const { rd, scienceShare } = summary.charts;
  const M = hnteMeasuresAt(head.asOf);
  const sampled = rd.known > rd.points.length ? `，图中随机抽取 ${rd.points.length} 家` : '';
  return `<h2>关键指标</h2>
<figure>${rdChart(rd, M)}<figcaption>近三个会计年度研究开发费用总额占同期销售收入总额的比例（纵轴）与最近一年销售收入（横轴）；虚线为《高新技术企业认定管理办法》第十一条（五）按销售收入分档的门槛。点的颜色为该企业的高企结论。${rd.known} 家数据完整${sampled}。</figcaption></figure>
<figure>${staffShareChart(scienceShare, M)}<figcaption>科技人员占职工总数的比例，每 2 个百分点一档；红线为高企要求的 ${M.scienceStaff.share.value}%。${scienceShare.known} 家数据完整。</figcaption></figure>`;
}

function problemsSection(summary: Summary): string {
  const { problems } = summary;
  if (summary.rows.invalid === 0) return `<h2>问题行</h2><p class="note">没有问题行：每一行都已判断。</p>`;
  const rows = problems.map((p) => `<tr><td class="n">${p.row}</td><td>${e(p.name ?? '')}</td><td>${e(p.column ?? '（整行）')}</td><td>${e(p.value ?? '')}</td><td>${e(p.message)}</td></tr>`);
  return `<h2>问题行</h2><p class="note">${summary.rows.invalid} 行因下列问题未作判断（空单元格视为“未知”，不算问题）。改正后重新筛查即可；下表列出前 ${problems.length} 条，逐家结果中每行都有完整说明。</p>
<table><thead><tr><th>行号</th><th>企业</th><th>列</th><th>填写内容</th><th>问题</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function columnsSection(head: ScreeningHead, summary: Summary): string {
  const mapped = head.columns.map((c) => `<tr><td>${e(c.header)}</td><td>${e(factLabel(c.fact))}（${e(c.fact)}）${c.moneyScale !== 1 ? `，按 ${c.moneyScale} 万元/单位换算` : ''}</td></tr>`);
  const ignored = head.ignoredColumns.map((c) => `<tr><td>${e(c.header)}</td><td>未读取：${e(c.reason)}</td></tr>`);
  const notes = [...head.notes, ...summary.notes].map((n) => `<li>${e(n)}</li>`).join('');
  return `<h2>列的对应</h2><table><thead><tr><th>文件中的列</th><th>读作</th></tr></thead><tbody>${mapped.join('')}${ignored.join('')}</tbody></table>${notes ? `<ul class="note">${notes}</ul>` : ''}`;
}

function basisSection(head: ScreeningHead): string {
  const programmes = head.programmes.map((p) => {
    const conditions = p.conditions.map((c) => `<li id="c-${e(c.id)}"><b>${e(c.label)}</b><br>${c.citations.map(citationText).join('')}</li>`).join('');
    return `<h3>${e(p.title)}</h3><ul class="note">${p.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul><ol class="basis">${conditions}</ol>`;
  });
  return `<h2>判断依据</h2>${programmes.join('')}`;
}

/**
 * Writes the self-contained HTML report: summary, charts and candidates first, then every enterprise. The
 * enterprises' lines are spooled to a temporary file while the rows stream, because the summary above them is
 * only known at the end; memory stays bounded whatever the size of the file.
 */
export async function writeHtmlReport(screening: Screening, out: Writable): Promise<Summary> {
  const { head } = screening;
  const ids = head.programmes.map((p) => p.id);
  const dir = await mkdtemp(join(tmpdir(), 'tongce-screen-'));
  const spoolFile = join(dir, 'rows.html');
  const spoolStream = createWriteStream(spoolFile);
  const spooled = finished(spoolStream);
  spooled.catch(() => {});
  try {
    const spool = new TextSink(spoolStream);
    for await (const row of screening.rows) await spool.write(enterpriseRow(row, ids));
    await spool.flush();
    spoolStream.end();
    await spooled;

    const summary = screening.summary();
    const sink = new TextSink(out);
    await sink.write(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>企业批量预诊断报告 · ${e(summary.source.name)}</title><style>${STYLE}</style></head>
<body><main>
${top(head, summary)}
${outcomesSection(summary)}
${candidatesSection(head, summary)}
${chartsSection(head, summary)}
${problemsSection(summary)}
${columnsSection(head, summary)}
<h2>逐家结果</h2>
<table class="enterprises"><thead><tr><th>行号</th><th>企业</th>${head.programmes.map((p) => `<th>${e(shortTitle(p))}</th>`).join('')}</tr></thead><tbody>
`);
    for await (const chunk of createReadStream(spoolFile)) await sink.writeBytes(chunk as Buffer);
    await sink.write(`</tbody></table>
${basisSection(head)}
<footer>通策（Tongce）预诊断：结论由确定性规则按所列文件条文逐项判断，依据企业填报的数据，仅供排摸参考，不代替主管部门的认定。空白单元格视为“未知”，不视为“否”或“0”。</footer>
</main></body></html>
`);
    await sink.flush();
    return summary;
  } finally {
    spoolStream.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
