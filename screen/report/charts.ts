import { money } from '../../rules/logic/format.js';
import type { HnteMeasures } from '../../rules/parameters/hnte.js';
import type { Outcome, Summary } from '../result.js';
import { escapeHtml } from './escape.js';
import { OUTCOME_LABEL, shortTitle } from './labels.js';

/**
 * The report's charts as inline SVG drawn here: no script, no library, no network, so the report opens offline
 * and prints as it shows. Every text taken from the file is escaped.
 */

const OUTCOME_COLOUR: Record<Outcome, string> = { eligible: '#2e7d32', undetermined: '#e0a100', ineligible: '#c62828' };
const OUTCOMES: Outcome[] = ['eligible', 'undetermined', 'ineligible'];
const WIDTH = 1100;
const INK = '#333';
const GRID = '#e3e3e3';

const r1 = (n: number) => Math.round(n * 10) / 10;

function svg(height: number, label: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" style="max-width:${WIDTH}px;height:auto" role="img" aria-label="${escapeHtml(label)}">${body}</svg>`;
}

function legend(x: number, y: number): string {
  return OUTCOMES.map((o, i) => {
    const lx = x + i * 96;
    return `<rect x="${lx}" y="${y - 10}" width="12" height="12" fill="${OUTCOME_COLOUR[o]}"/><text x="${lx + 17}" y="${y}" font-size="12" fill="${INK}">${OUTCOME_LABEL[o]}</text>`;
  }).join('');
}

function empty(height: number, label: string): string {
  return svg(height, label, `<text x="${WIDTH / 2}" y="${height / 2}" text-anchor="middle" font-size="14" fill="#888">没有可绘制的数据</text>`);
}

/** One stacked bar per programme: how many enterprises are 符合 / 待定 / 不符合. */
export function outcomesChart(programmes: Summary['programmes']): string {
  const left = 110;
  const barWidth = WIDTH - left - 20;
  const rowHeight = 44;
  const height = 40 + programmes.length * rowHeight;
  const bars = programmes.map((p, i) => {
    const total = OUTCOMES.reduce((n, o) => n + p.outcomes[o], 0);
    const y = 34 + i * rowHeight;
    let x = left;
    const segments = OUTCOMES.map((o) => {
      const count = p.outcomes[o];
      const w = total ? (count / total) * barWidth : 0;
      const rect = `<rect class="bar" data-outcome="${o}" x="${r1(x)}" y="${y}" width="${r1(w)}" height="26" fill="${OUTCOME_COLOUR[o]}"><title>${escapeHtml(`${p.title}：${OUTCOME_LABEL[o]} ${count}`)}</title></rect>`;
      const label = w >= 34 ? `<text x="${r1(x + w / 2)}" y="${y + 17}" text-anchor="middle" font-size="12" fill="#fff">${count}</text>` : '';
      x += w;
      return rect + label;
    }).join('');
    const name = `<text x="${left - 8}" y="${y + 17}" text-anchor="end" font-size="13" fill="${INK}">${escapeHtml(shortTitle(p))}</text>`;
    const none = total === 0 ? `<rect x="${left}" y="${y}" width="${barWidth}" height="26" fill="${GRID}"/>` : '';
    return name + none + segments;
  });
  return svg(height, '各项目结论分布', legend(left, 18) + bars.join(''));
}

/** Where log-scale ticks fall between two powers of ten, labelled in 万元 / 亿元. */
function decadeTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.log10(lo); e <= Math.log10(hi) + 1e-9; e++) ticks.push(10 ** Math.round(e));
  return ticks;
}

/**
 * 第十一条（五）: each enterprise's R&D ratio against its latest-year sales (log scale), under the stepped
 * requirement the sales bands set (5% / 4% / 3%). A sample when there are more enterprises than points.
 */
export function rdChart(rd: Summary['charts']['rd'], M: HnteMeasures): string {
  const height = 380;
  const label = '研发费用占销售收入比例与高企门槛';
  if (rd.points.length === 0) return empty(height, label);
  const [l, r, t, b] = [64, 24, 36, 52];
  const positive = rd.points.map((p) => p.latestSales).filter((s) => s > 0);
  const bands = M.rdIntensity.bands;
  const lastCeiling = bands[bands.length - 2]!.salesUpTo;
  const lo = Math.min(1000, 10 ** Math.floor(Math.log10(Math.min(...positive, 1000))));
  const hi = Math.max(10 * lastCeiling, 10 ** Math.ceil(Math.log10(Math.max(...positive, 1))));
  const maxRatio = Math.max(...rd.points.map((p) => p.ratio));
  const yMax = Math.min(30, Math.max(10, Math.ceil(maxRatio + 1)));
  const sx = (sales: number) => l + ((Math.log10(Math.max(sales, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (WIDTH - l - r);
  const sy = (pct: number) => height - b - (Math.min(pct, yMax) / yMax) * (height - t - b);
  const parts: string[] = [];
  for (let pct = 0; pct <= yMax; pct += yMax > 15 ? 5 : 1) {
    parts.push(`<line x1="${l}" x2="${WIDTH - r}" y1="${r1(sy(pct))}" y2="${r1(sy(pct))}" stroke="${GRID}"/><text x="${l - 6}" y="${r1(sy(pct) + 4)}" text-anchor="end" font-size="11" fill="${INK}">${pct}%</text>`);
  }
  for (const tick of decadeTicks(lo, hi)) {
    parts.push(`<line x1="${r1(sx(tick))}" x2="${r1(sx(tick))}" y1="${t}" y2="${height - b}" stroke="${GRID}"/><text x="${r1(sx(tick))}" y="${height - b + 16}" text-anchor="middle" font-size="11" fill="${INK}">${money(tick)}</text>`);
  }
  // the requirement steps down at each band's ceiling
  let from = lo;
  let step = '';
  for (const band of bands) {
    const to = Math.min(band.salesUpTo, hi);
    step += `${step ? 'L' : 'M'}${r1(sx(from))},${r1(sy(band.rate.value))} L${r1(sx(to))},${r1(sy(band.rate.value))} `;
    from = to;
  }
  parts.push(`<path class="threshold" d="${step.trim()}" fill="none" stroke="#1565c0" stroke-width="2" stroke-dasharray="6 4"/>`);
  for (const p of rd.points) {
    const tip = `${p.name ?? '（未填名称）'}（第 ${p.row} 行）：研发费用占比 ${p.ratio.toFixed(2)}%，要求 ${p.required}%，最近一年销售收入 ${money(p.latestSales)}`;
    parts.push(`<circle class="point" cx="${r1(sx(p.latestSales))}" cy="${r1(sy(p.ratio))}" r="3.2" fill="${OUTCOME_COLOUR[p.outcome]}" fill-opacity="0.75"><title>${escapeHtml(tip)}</title></circle>`);
  }
  parts.push(`<text x="${(l + WIDTH - r) / 2}" y="${height - 12}" text-anchor="middle" font-size="12" fill="${INK}">最近一年销售收入（对数刻度）</text>`);
  const rates = bands.map((band) => `${band.rate.value}%`).join(' / ');
  parts.push(`<text x="${WIDTH - r}" y="${t - 10}" text-anchor="end" font-size="12" fill="#1565c0">虚线：高企门槛（${rates}）</text>`);
  parts.push(legend(l, t - 16));
  return svg(height, label, parts.join(''));
}

/** 科技人员占职工总数的比例 in 2-point bins, with 高企's line (10% in the 2016 办法). */
export function staffShareChart(share: Summary['charts']['scienceShare'], M: HnteMeasures): string {
  const height = 300;
  const label = '科技人员占比分布';
  if (share.known === 0) return empty(height, label);
  const [l, r, t, b] = [56, 24, 40, 48];
  const most = Math.max(...share.bins);
  const slot = (WIDTH - l - r) / share.bins.length;
  const sy = (n: number) => height - b - (n / most) * (height - t - b);
  const parts: string[] = [];
  share.bins.forEach((n, i) => {
    const x = l + i * slot;
    const range = i === share.bins.length - 1 ? `${i * share.binWidth}% 及以上` : `${i * share.binWidth}–${(i + 1) * share.binWidth}%`;
    parts.push(`<rect class="bar" x="${r1(x + 2)}" y="${r1(sy(n))}" width="${r1(slot - 4)}" height="${r1(height - b - sy(n))}" fill="#5c7cfa"><title>${range}：${n} 家</title></rect>`);
    if (n > 0) parts.push(`<text x="${r1(x + slot / 2)}" y="${r1(sy(n) - 4)}" text-anchor="middle" font-size="10" fill="${INK}">${n}</text>`);
    if (i % 5 === 0 || i === share.bins.length - 1) {
      parts.push(`<text x="${r1(x)}" y="${height - b + 16}" text-anchor="middle" font-size="11" fill="${INK}">${i * share.binWidth}%${i === share.bins.length - 1 ? '+' : ''}</text>`);
    }
  });
  const required = M.scienceStaff.share.value;
  const tx = r1(l + (required / share.binWidth) * slot);
  parts.push(`<line class="threshold" x1="${tx}" x2="${tx}" y1="${t - 22}" y2="${height - b}" stroke="#c62828" stroke-width="2" stroke-dasharray="6 4"/>`);
  parts.push(`<text x="${tx + 6}" y="${t - 12}" font-size="12" fill="#c62828">高企要求 ${required}%</text>`);
  parts.push(`<line x1="${l}" x2="${WIDTH - r}" y1="${height - b}" y2="${height - b}" stroke="${INK}"/>`);
  parts.push(`<text x="${(l + WIDTH - r) / 2}" y="${height - 12}" text-anchor="middle" font-size="12" fill="${INK}">科技人员占职工总数的比例</text>`);
  return svg(height, label, parts.join(''));
}
