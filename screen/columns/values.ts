import { isSkip, parseChoice, parseYesNo } from '../../bot/understand/answers.js';
import { parseDate } from '../../bot/understand/dates.js';
import { parseQuantity } from '../../bot/understand/quantities.js';
import { FACT_CATALOG, type FactInfo } from '../../rules/facts/catalog.js';
import type { Cell } from '../input/sheet.js';
import type { FactColumn } from './header.js';

/** A cell as a fact: a value, nothing known, or a reason it cannot be read. */
export type CellReading = { kind: 'value'; value: unknown } | { kind: 'unknown' } | { kind: 'problem'; problem: string };

/** Reads the cells of one column, in the unit and form of the fact it fills. */
export type CellReader = (cell: Cell) => CellReading;

const UNKNOWN: CellReading = { kind: 'unknown' };
const problem = (zh: string, en: string): CellReading => ({ kind: 'problem', problem: `${zh} / ${en}` });
const value = (v: unknown): CellReading => ({ kind: 'value', value: v });

/** Cells that say "not known" in so many words; like an empty cell they leave the fact unknown, never 0 or 否. */
const UNKNOWN_WORDS = /^(-+|—+|\/|\?|？|n\/?a|null|未知|不详|待定|待查|待核实|待确认)$/iu;
/** Cells that say "none" in a count or an amount column: 0, stated. */
const NONE_WORDS = /^(无|没有|暂无)$/u;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/u;
const SEPARATORS = /[,\s¥￥]/gu;
/** Characters NFKC changes (full-width forms, Roman numerals, ideographic space…); most cells have none. */
const COMPATIBILITY = /[^\u0000-\u007f\u4e00-\u9fff\u3001\u3002]/u;

const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/u;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** The serial numbers Excel can display as dates (1900-01-01 to 9999-12-31). */
const MAX_SERIAL = 2_958_465;
/** Distinct texts remembered per yes/no or choice column, where the same few words recur on every row. */
const MEMO_LIMIT = 512;

function normal(text: string): string {
  const t = text.trim();
  return COMPATIBILITY.test(t) ? t.normalize('NFKC').trim() : t;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function displayed(cell: Exclude<Cell, null>): string {
  return cell instanceof Date ? cell.toISOString() : String(cell);
}

function saysUnknown(text: string): boolean {
  // every word for "not known" is short and starts with something other than a digit, as no number or date does
  return text === '' || (text.length <= 8 && !/^\d/u.test(text) && (UNKNOWN_WORDS.test(text) || isSkip(text)));
}

/**
 * A reader for one column, chosen once for the whole file from the fact the column fills. An empty cell, or one
 * that says it is not known, is unknown in every column.
 */
export function readerFor(column: FactColumn): CellReader {
  const info = FACT_CATALOG[column.key];
  const read = valueReader(info, column.moneyScale);
  const readText = (text: string): CellReading => (saysUnknown(text) ? UNKNOWN : read(text));
  const memo = info.kind === 'boolean' || info.kind === 'choice' ? new Map<string, CellReading>() : null;
  return (cell) => {
    if (cell === null) return UNKNOWN;
    if (typeof cell !== 'string') return read(cell);
    const text = normal(cell);
    if (!memo) return readText(text);
    let reading = memo.get(text);
    if (reading === undefined) {
      reading = readText(text);
      if (memo.size < MEMO_LIMIT) memo.set(text, reading);
    }
    return reading;
  };
}

function valueReader(info: FactInfo, moneyScale: number): (cell: Exclude<Cell, null>) => CellReading {
  switch (info.kind) {
    case 'boolean':
      return readYesNo;
    case 'date':
      return readDate;
    case 'choice':
      return (cell) => readChoice(cell, info);
    case 'text':
      return (cell) => value(displayed(cell).trim());
    case 'number':
      if (info.unit === '万元') return (cell) => readMoney(cell, moneyScale);
      return info.unit === '%' ? readPercent : readCount;
  }
}

function readYesNo(cell: Exclude<Cell, null>): CellReading {
  if (typeof cell === 'boolean') return value(cell);
  const t = displayed(cell).trim();
  if (/^(1|√|✓|✔|☑)$/u.test(t)) return value(true);
  if (/^(0|×|✗|✘|☒)$/u.test(t)) return value(false);
  const answer = parseYesNo(t);
  return answer === null ? problem(`“${t}”不是是/否`, `“${t}” is not a yes/no answer (是/否)`) : value(answer);
}

function readDate(cell: Exclude<Cell, null>): CellReading {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? problem('无效日期', 'invalid date') : value(isoDay(cell.getTime()));
  const t = displayed(cell).trim();
  // the common case first: year, month and day in digits (2019-06-01, 2019/6/1, 2019.6.1)
  const ymd = YMD.exec(t);
  if (ymd) {
    const [year, month, day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return value(`${ymd[1]}-${ymd[2]!.padStart(2, '0')}-${ymd[3]!.padStart(2, '0')}`);
    }
  }
  // a date the sheet stores as Excel's day count (a CSV export of an unformatted date cell, or a formula's result)
  const serial = typeof cell === 'number' ? cell : /^\d{5}(\.\d+)?$/u.test(t) ? Number(t) : null;
  if (serial !== null) {
    if (serial >= 1 && serial <= MAX_SERIAL) return value(isoDay(EXCEL_EPOCH + Math.floor(serial) * 86_400_000));
    return problem(`“${t}”不是日期`, `“${t}” is not a date`);
  }
  const parsed = parseDate(t);
  if (parsed === null) return problem(`“${t}”不是日期（如 2019-06-01、2019/6/1）`, `“${t}” is not a date (e.g. 2019-06-01)`);
  if ('partial' in parsed) return problem(`“${t}”缺少月或日，需要完整日期`, `“${t}” needs year, month and day`);
  return value(parsed.date);
}

const GRADE_WORDS = /^[a-e]?\s*(高|较高|一般|较低|强|较强|较弱|无)$/iu;

function readChoice(cell: Exclude<Cell, null>, info: FactInfo): CellReading {
  const t = displayed(cell).trim();
  const choices = info.choices ?? [];
  let chosen = parseChoice(t, choices);
  // a grade written by its word alone (较高) rather than letter and word (B 较高)
  if (chosen === null && GRADE_WORDS.test(t)) {
    const word = t.replace(/^[a-e]\s*/iu, '');
    chosen = choices.find((c) => c.label.split(' ')[1] === word)?.value ?? null;
  }
  if (chosen === null && info === FACT_CATALOG.highTechField && /^(无|否|不属于|none)$/iu.test(t)) chosen = 'none';
  if (chosen !== null) return value(chosen);
  const options = choices.map((c) => c.label).join('、');
  return problem(`“${t}”不是可选项之一（${options}）`, `“${t}” is not one of the choices`);
}

function numberIn(cell: Exclude<Cell, null>, unit: '万元' | '%' | 'count'): number | null {
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string') return null;
  if (PLAIN_NUMBER.test(cell)) return Number(cell);
  // thousands separators or a currency sign at most, as spreadsheets export numbers
  const bare = cell.replace(SEPARATORS, '');
  if (PLAIN_NUMBER.test(bare)) return Number(bare);
  if (NONE_WORDS.test(bare)) return 0;
  // accounting notation for a negative amount: (120) or （120）
  const negative = /^\(([^()]+)\)$/u.exec(bare);
  if (negative) {
    const n = numberIn(negative[1]!, unit);
    return n === null ? null : -n;
  }
  return parseQuantity(bare, unit);
}

function readMoney(cell: Exclude<Cell, null>, scale: number): CellReading {
  const n = numberIn(cell, '万元');
  const t = displayed(cell).trim();
  if (n === null) return problem(`“${t}”不是金额（如 300、300万、1.2亿）`, `“${t}” is not an amount (e.g. 300, 300万, 1.2亿)`);
  // a number that names its unit (300万, 1.2亿, 50000元) is already in 万元; a bare one is in the column's unit
  const namesUnit = typeof cell === 'string' && /[万亿元块]/u.test(t);
  return value(namesUnit || scale === 1 ? n : Math.round(n * scale * 1e6) / 1e6);
}

function readPercent(cell: Exclude<Cell, null>): CellReading {
  const n = numberIn(cell, '%');
  const t = displayed(cell).trim();
  if (n === null) return problem(`“${t}”不是百分比（如 12%、12）`, `“${t}” is not a percentage (e.g. 12%)`);
  // 0.85 might be 85% written as a fraction or 0.85% itself: asked, never guessed
  if (n > 0 && n < 1 && !/[%％]|百分之/u.test(t)) {
    const times100 = Number((n * 100).toPrecision(12));
    return problem(`“${t}”含义不明：请写成 ${times100}% 或 ${t}%`, `“${t}” is ambiguous: write ${times100}% or ${t}%`);
  }
  return value(n);
}

function readCount(cell: Exclude<Cell, null>): CellReading {
  const n = numberIn(cell, 'count');
  return n === null ? problem(`“${displayed(cell).trim()}”不是数量（如 120、120人）`, `“${displayed(cell).trim()}” is not a number (e.g. 120)`) : value(n);
}
