import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { openKnowledge } from '../knowledge/index.js';
import { CITY_PARKS, COUNTY_DIVISIONS } from '../knowledge/places.js';
import type { ReportFormat } from '../screen/report/write.js';
import { writeReportFile } from '../screen/report/write.js';
import { openScreening } from '../screen/screening.js';
import { round } from './lib/metrics.js';

const ROWS = 100_000;
const AS_OF = '2026-11-22';
const HEADER = [
  '企业名称', '所在板块', '注册时间', '是否居民企业', '行业类别', '技术领域', '职工总数', '科技人员数', '资产总额（万元）',
  '2023年销售收入（万元）', '2024年销售收入（万元）', '2025年销售收入（万元）',
  '2023年研发费用（万元）', '2024年研发费用（万元）', '2025年研发费用（万元）',
  '2023年末净资产（万元）', '2024年末净资产（万元）', '2025年末净资产（万元）',
  '境内研发费用占比（%）', '高新技术产品收入占比（%）', 'Ⅰ类知识产权数', 'Ⅱ类知识产权数', '是否有自主研发知识产权', '拥有核心知识产权',
  '技术先进程度', '核心支持作用', '参与编制标准', '科技成果转化年均项数', '研发组织管理制度', '内部研发机构与产学研合作', '成果转化激励制度',
  '人才培养制度', '近一年重大事故', '是否严重失信', '禁止限制淘汰类',
];
// the seven 区/县/市 and the first of the city's parks
const REGIONS = [...COUNTY_DIVISIONS, CITY_PARKS[0]!].map((p) => p.name);
const FIELDS = ['电子信息', '新材料', '先进制造与自动化', '生物与新医药', '新能源与节能', 'none'];

/** A deterministic generator, so every run screens the same enterprises. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One enterprise as a staff spreadsheet holds it: spread around the thresholds so every outcome and kind of
 * candidate occurs, with a blank cell here and there (unknown) and one row in two hundred unreadable.
 */
function enterprise(i: number, r: () => number): (string | number)[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const maybe = (v: string | number) => (r() < 0.05 ? '' : v);
  const employees = 20 + Math.floor(r() * 600);
  const science = Math.floor(employees * r() * 0.3);
  const sales = Math.round(200 + r() * 30000);
  const growth = 0.9 + r() * 0.5;
  const rdRate = r() * 0.09;
  const years = [sales / growth / growth, sales / growth, sales].map(Math.round);
  const yn = () => (r() < 0.7 ? '是' : '否');
  const row: (string | number)[] = [
    `南通测试企业${i}有限公司`, pick(REGIONS), `${2005 + Math.floor(r() * 21)}-${1 + Math.floor(r() * 12)}-${1 + Math.floor(r() * 28)}`, '是',
    pick(['制造业', '科技服务业', '其他']), pick(FIELDS), employees, i % 200 === 0 ? '一百多' : science, Math.round(sales * (0.5 + r())),
    ...years.map(maybe), ...years.map((s) => maybe(Math.round(s * rdRate))), ...years.map((s) => Math.round(s * 0.6)),
    100, maybe(Math.round(r() * 100 * 10) / 10), Math.floor(r() * 3), Math.floor(r() * 12), yn(), yn(),
    pick(['A', 'B', 'C', 'D']), pick(['A', 'B', 'C', 'D']), yn(), Math.floor(r() * 7), yn(), yn(), yn(), yn(),
    r() < 0.02 ? '是' : '否', '否', '否',
  ];
  return row;
}

const csvField = (v: string | number) => (typeof v === 'string' && /[",\n]/u.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));

async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const r = random(7);
  out.write(`\ufeff${HEADER.join(',')}\r\n`);
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    chunk += `${enterprise(i, r).map(csvField).join(',')}\r\n`;
    if (chunk.length > 1 << 16) {
      const flowing = out.write(chunk);
      chunk = '';
      if (!flowing) await once(out, 'drain');
    }
  }
  out.end(chunk);
  await finished(out);
}

async function writeXlsx(path: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('企业名单');
  sheet.addRow(HEADER).commit();
  const r = random(7);
  for (let i = 1; i <= rows; i++) sheet.addRow(enterprise(i, r)).commit();
  sheet.commit();
  await workbook.commit();
}

type Measured = Record<'rows' | 'invalidRows' | 'seconds' | 'cpuSeconds' | 'rowsPerSecond' | 'peakRssMb' | 'reportMb', number>;

/**
 * Screens one file to one report format — run in a process of its own (see below), so that its peak resident
 * memory is the screening's alone, worker threads included, and not the generator's that wrote the file.
 */
async function measure(file: string, format: ReportFormat, dataDir: string): Promise<Measured> {
  const resolve = openKnowledge({ dataDir }).resolve;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const screening = await openScreening({ path: file }, { asOf: AS_OF, resolve, sourceName: file });
  const report = join(dirname(file), `report.${format}`);
  const summary = await writeReportFile(screening, format, report);
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  return {
    rows: summary.rows.data,
    invalidRows: summary.rows.invalid,
    seconds: round(seconds, 2),
    // every thread's CPU time: what the work costs, whatever else the machine is doing
    cpuSeconds: round((user + system) / 1e6, 2),
    rowsPerSecond: Math.round(summary.rows.data / seconds),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    reportMb: round(statSync(report).size / 2 ** 20, 1),
  };
}

function measureApart(file: string, format: ReportFormat, dataDir: string): Measured {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), 'measure', file, format, dataDir], { encoding: 'utf8' });
  return JSON.parse(out) as Measured;
}

/**
 * Throughput of batch screening: 100,000 generated enterprises, as a CSV screened to the HTML report (the
 * heaviest output) and as an .xlsx screened to JSON; seconds, rows per second and peak resident memory.
 */
export async function runScreenBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'tongce-screen-bench-'));
  try {
    const dataDir = join(dir, 'data');
    openKnowledge({ dataDir }).close(); // built once here, opened by each measuring process
    const csv = join(dir, 'enterprises.csv');
    const xlsx = join(dir, 'enterprises.xlsx');
    await writeCsv(csv, ROWS);
    await writeXlsx(xlsx, ROWS);
    // other work on the machine slows the wall clock, not the CPU time: both are reported
    const load = loadavg()[0]!;
    const fromCsv = measureApart(csv, 'html', dataDir);
    const fromXlsx = measureApart(xlsx, 'json', dataDir);
    return {
      rows: fromCsv.rows,
      invalidRows: fromCsv.invalidRows,
      threads: Math.min(availableParallelism(), 4),
      loadAverageAtStart: round(load, 2),
      csvToHtmlSeconds: fromCsv.seconds,
      csvToHtmlCpuSeconds: fromCsv.cpuSeconds,
      csvToHtmlRowsPerSecond: fromCsv.rowsPerSecond,
      csvToHtmlPeakRssMb: fromCsv.peakRssMb,
      htmlReportMb: fromCsv.reportMb,
      xlsxToJsonSeconds: fromXlsx.seconds,
      xlsxToJsonCpuSeconds: fromXlsx.cpuSeconds,
      xlsxToJsonRowsPerSecond: fromXlsx.rowsPerSecond,
      xlsxToJsonPeakRssMb: fromXlsx.peakRssMb,
      jsonReportMb: fromXlsx.reportMb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [mode, file, format, dataDir] = process.argv.slice(2);
  const result = mode === 'measure' ? await measure(file!, format as ReportFormat, dataDir!) : await runScreenBench();
  console.log(JSON.stringify(result, null, 2));
}
