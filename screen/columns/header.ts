import { FACT_CATALOG, type FactPath } from '../../rules/facts/catalog.js';
import { FACT_KEYS, PER_YEAR_KEYS, type FactKey } from '../../rules/facts/schema.js';
import { type Cell, isBlank, SheetError, type SheetRow } from '../input/sheet.js';
import { EXTRA_ALIASES } from './aliases.js';

/** One column of the sheet and the fact it fills. */
export interface FactColumn {
  /** position in the row, from 0 */
  index: number;
  /** the header as the file writes it */
  header: string;
  path: FactPath;
  key: FactKey;
  /** the fiscal year of a per-year fact */
  year: string | null;
  /** 万元 per unit the column is written in: 1 by default, 0.0001 for a column headed (元), 10000 for (亿元) */
  moneyScale: number;
}

/** How a sheet's columns map to facts; plain data, so it can be handed to worker threads. */
export interface ColumnPlan {
  /** the row holding the column names */
  headerRow: number;
  columns: FactColumn[];
  /** every column that fills no fact, with why, so that nothing in the file is passed over silently */
  ignored: { header: string; reason: string }[];
  /** columns read with a caveat */
  notes: string[];
}

const BRACKETS = /[([{【〔]([^)\]}】〕]*)[)\]}】〕]/gu;
const UNIT_SUFFIX = /[/:](万元|亿元|千元|百万元|元|人|项|个|%)$/u;
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)(?:年度|年)?/u;
const MONEY_SCALE: Record<string, number> = { 元: 1e-4, 千元: 0.1, 万元: 1, 百万元: 100, 亿元: 1e4 };

/** A label reduced to what distinguishes it: no width forms, case, spaces, punctuation or 是否 / 有无. */
function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(BRACKETS, '')
    .replace(/单位[:：].*$/u, '')
    .replace(/[\p{P}\p{S}\s]/gu, '')
    .replace(/^(是否为|是否属于|是否|有无)/u, '');
}

const isPerYear = (key: FactKey) => (PER_YEAR_KEYS as readonly string[]).includes(key);

function aliasTable(): Map<string, FactKey> {
  const table = new Map<string, FactKey>();
  for (const key of FACT_KEYS) {
    const info = FACT_CATALOG[key];
    for (const alias of [key, info.label, info.labelEn, ...(EXTRA_ALIASES[key] ?? [])]) {
      const label = normaliseLabel(alias);
      const taken = table.get(label);
      // two facts claiming one label would make a column's meaning depend on the order of this table
      if (taken && taken !== key) throw new Error(`header alias “${alias}” claimed by both ${taken} and ${key}`);
      table.set(label, key);
    }
  }
  return table;
}

export const ALIASES: ReadonlyMap<string, FactKey> = aliasTable();

type Reading = { key: FactKey; year: number | null; moneyScale: number } | { reason: string };

/** What one header names: the fact, the year of a per-year fact, and the money unit it is written in. */
export function readHeader(header: string): Reading {
  let text = header.normalize('NFKC').replace(/\s+/gu, '');
  const year = YEAR.exec(text);
  if (year) text = text.replace(YEAR, '');
  let unit: string | undefined;
  for (const m of text.matchAll(BRACKETS)) if (m[1]! in MONEY_SCALE) unit = m[1];
  const suffix = UNIT_SUFFIX.exec(text);
  if (suffix) {
    unit = suffix[1];
    text = text.replace(UNIT_SUFFIX, '');
  }
  unit ??= /单位[:：](万元|亿元|千元|百万元|元)/u.exec(text)?.[1];
  const key = ALIASES.get(normaliseLabel(text));
  if (!key) return { reason: '不是模板中的列名 / not a template column (screen/TEMPLATE.md)' };
  if (isPerYear(key) && !year) {
    return { reason: `按年份填写的指标缺少年份，请写成“2024年${FACT_CATALOG[key].label}” / per-year figure without a year` };
  }
  return { key, year: year ? Number(year[1]) : null, moneyScale: unit ? MONEY_SCALE[unit]! : 1 };
}

const text = (cell: Cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? '').trim());

/** Reads a header row; throws SheetError when two columns fill the same fact. */
export function planColumns(row: SheetRow): ColumnPlan {
  const plan: ColumnPlan = { headerRow: row.number, columns: [], ignored: [], notes: [] };
  const byPath = new Map<FactPath, FactColumn>();
  row.cells.forEach((cell, index) => {
    if (isBlank(cell)) return;
    const header = text(cell);
    const reading = readHeader(header);
    if ('reason' in reading) {
      plan.ignored.push({ header, reason: reading.reason });
      return;
    }
    const { key, year, moneyScale } = reading;
    const path = (isPerYear(key) ? `${key}.${year}` : key) as FactPath;
    const twin = byPath.get(path);
    if (twin) throw new SheetError(`列“${twin.header}”和列“${header}”都对应 ${path}，请删去其一 / two columns fill ${path}`);
    if (!isPerYear(key) && year !== null) {
      plan.notes.push(`列“${header}”读作${FACT_CATALOG[key].label}（${key}），其中的年份不参与判断 / the year in this header is not used`);
    }
    const column = { index, header, path, key, year: isPerYear(key) ? String(year) : null, moneyScale };
    byPath.set(path, column);
    plan.columns.push(column);
  });
  return plan;
}

/** How many of a row's cells name a fact: a header row names at least two. */
export function recognisedColumns(row: SheetRow): number {
  return row.cells.filter((c) => !isBlank(c) && !('reason' in readHeader(text(c)))).length;
}
