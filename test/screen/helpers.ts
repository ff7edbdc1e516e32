import type { Knowledge } from '../../knowledge/index.js';
import type { SheetInput } from '../../screen/input/open.js';
import type { ScreenedRow } from '../../screen/result.js';
import { openScreening, type ScreeningOptions } from '../../screen/screening.js';
import { testKnowledge } from '../helpers/knowledge.js';

export const AS_OF = '2026-11-22';

let knowledge: Knowledge | undefined;
/** One knowledge store per test file, built on first use. */
export function resolver() {
  knowledge ??= testKnowledge();
  return knowledge.resolve;
}

/** Screens a file or CSV text to the end; returns the head, every row and the summary. */
export async function screen(input: SheetInput | string, options: Partial<ScreeningOptions> = {}) {
  const source = typeof input === 'string' ? { bytes: Buffer.from(input) } : input;
  const screening = await openScreening(source, { asOf: AS_OF, resolve: resolver(), sourceName: 'test.csv', threads: 0, ...options });
  const rows: ScreenedRow[] = [];
  for await (const row of screening.rows) rows.push(row);
  return { head: screening.head, rows, summary: screening.summary() };
}

/** A row that was judged (the test fails if it was not). */
export function screened(row: ScreenedRow | undefined) {
  if (row?.status !== 'screened') throw new Error(`expected a screened row, got ${JSON.stringify(row)}`);
  return row;
}

export function programme(row: ScreenedRow | undefined, id: string) {
  return screened(row).programmes.find((p) => p.id === id)!;
}

/** The full 高企 template columns; each test row fills them and overrides what it is about. */
export const HNTE_HEADER = [
  '企业名称', '所在板块', '注册时间', '技术领域', '拥有核心知识产权', '职工总数', '科技人员数',
  '2023年销售收入', '2024年销售收入', '2025年销售收入', '2023年研发费用', '2024年研发费用', '2025年研发费用',
  '2023年末净资产', '2024年末净资产', '2025年末净资产', '境内研发费用占比', '高新技术产品收入占比',
  'Ⅰ类知识产权数', 'Ⅱ类知识产权数', '有自主研发知识产权', '技术先进程度', '核心支持作用', '参与编制标准', '科技成果转化年均项数',
  '研发组织管理制度', '内部研发机构与产学研合作', '成果转化激励制度', '人才培养制度', '近一年重大事故',
];

/**
 * An enterprise that meets every 高企 condition with room to spare (score 66–100): the outcome is left to the
 * experts' scoring of 组织管理水平 (0–20, no floor in the text), with an estimate beside it.
 */
export const STRONG: Record<string, string | number> = {
  企业名称: '强企', 所在板块: '通州区', 注册时间: '2015-03-18', 技术领域: '电子信息', 拥有核心知识产权: '是', 职工总数: 200, 科技人员数: 45,
  '2023年销售收入': 8000, '2024年销售收入': 11000, '2025年销售收入': 15000, '2023年研发费用': 480, '2024年研发费用': 660, '2025年研发费用': 900,
  '2023年末净资产': 5000, '2024年末净资产': 7000, '2025年末净资产': 9500, 境内研发费用占比: 100, 高新技术产品收入占比: 85,
  Ⅰ类知识产权数: 3, Ⅱ类知识产权数: 12, 有自主研发知识产权: '是', 技术先进程度: 'A', 核心支持作用: 'A', 参与编制标准: '是', 科技成果转化年均项数: 6,
  研发组织管理制度: '是', 内部研发机构与产学研合作: '是', 成果转化激励制度: '是', 人才培养制度: '是', 近一年重大事故: '否',
};

/** A CSV of 高企 template rows, each the strong enterprise with some cells changed. */
export function hnteCsv(...changes: Record<string, string | number>[]): string {
  const lines = [HNTE_HEADER.join(',')];
  for (const change of changes) lines.push(HNTE_HEADER.map((h) => String({ ...STRONG, ...change }[h] ?? '')).join(','));
  return lines.join('\n');
}
