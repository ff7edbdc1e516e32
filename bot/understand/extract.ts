import { nfkc } from '../../knowledge/text/normalize.js';
import { parseDate } from './dates.js';
import { chineseNumber } from './numerals.js';
import { parseQuantity } from './quantities.js';

/** A fact read from free text, to be shown to the user and used only once confirmed. */
export interface Proposal {
  /** a fact key, or a per-year key with its year (salesRevenueByYear.2025) */
  path: string;
  value: unknown;
  /** the words it was read from */
  evidence: string;
  /** a year or month without the day: the dialog asks for the full date */
  partial?: boolean;
  /** read by a model but not said in the message's words: shown apart, recorded only if the user ticks it */
  inferred?: { ticked: boolean };
}

const COUNT = '(\\d+|[零〇一二两三四五六七八九十百千]+)';
const MONEY = '(\\d+(?:\\.\\d+)?(?:亿元|个亿|亿|千万元|千万|百万元|百万|万元|万|元)|[零〇一二两三四五六七八九十百千]+(?:亿元|个亿|亿|千万|百万|万元|万))';
const PERCENT = '(\\d+(?:\\.\\d+)?[%％]|百分之[零〇一二两三四五六七八九十百]+|百分之\\d+(?:\\.\\d+)?)';
const DATE = '((?:\\d{4}|[零〇一二两三四五六七八九]{4})[年.\\-/](?:\\d{1,2}[月.\\-/](?:\\d{1,2}[日号]?)?)?)';
const FILLER = '(?:有|是|为|约|大约|大概|达到|达|共|一共|总共|在)?';

const count = (s: string) => (/^\d+$/u.test(s) ? Number(s) : chineseNumber(s));

interface Pattern {
  re: RegExp;
  read: (m: RegExpExecArray, ctx: { lastYear: number; thisYear: number }) => Omit<Proposal, 'evidence'> | null;
}

/** Which fiscal year a figure belongs to: an explicit 2024年, 去年/上年 (the last completed year), 前年. */
function yearOf(word: string | undefined, ctx: { lastYear: number; thisYear: number }): number {
  if (!word) return ctx.lastYear;
  const y = /(\d{4})/u.exec(word);
  if (y) return Number(y[1]);
  if (/前年/u.test(word)) return ctx.lastYear - 1;
  return ctx.lastYear;
}

const YEARWORD = '(\\d{4}年|去年|上年|上一年|前年|上个年度|上一年度)?(?:的|全年)?';

const PATTERNS: Pattern[] = [
  {
    re: new RegExp(`${DATE}(?:注册)?成立`, 'u'),
    read: (m) => date('registrationDate', m[1]!),
  },
  {
    re: new RegExp(`(?:成立于|注册于|成立时间${FILLER}|注册时间${FILLER}|成立日期${FILLER}|注册日期${FILLER})${DATE}`, 'u'),
    read: (m) => date('registrationDate', m[1]!),
  },
  {
    re: new RegExp(`(?:员工|职工总数|职工|总人数|全员)${FILLER}${COUNT}(?:人|名|个)?`, 'u'),
    read: (m) => num('employees', count(m[1]!)),
  },
  {
    re: new RegExp(`${COUNT}(?:名|个|位)?(?:员工|职工)`, 'u'),
    read: (m) => num('employees', count(m[1]!)),
  },
  {
    re: new RegExp(`(?:科技人员|研发人员|技术人员)${FILLER}${COUNT}(?:人|名|个|位)?`, 'u'),
    read: (m) => num('scienceStaff', count(m[1]!)),
  },
  {
    re: new RegExp(`${YEARWORD}(?:营收|营业收入|销售收入|销售额|主营业务收入)${FILLER}${MONEY}`, 'u'),
    read: (m, ctx) => money(`salesRevenueByYear.${yearOf(m[1], ctx)}`, m[2]!),
  },
  {
    re: new RegExp(`今年(?:的)?(?:应税)?(?:销售|营收|开票)(?:收入|额)?${FILLER}${MONEY}`, 'u'),
    read: (m) => money('taxableSalesThisYear', m[1]!),
  },
  {
    re: new RegExp(`${YEARWORD}研发(?:费用|投入|经费|支出)${FILLER}${MONEY}`, 'u'),
    read: (m, ctx) => money(`rdExpenseByYear.${yearOf(m[1], ctx)}`, m[2]!),
  },
  {
    re: new RegExp(`(?:资产总额|总资产)${FILLER}${MONEY}`, 'u'),
    read: (m) => money('totalAssets', m[1]!),
  },
  {
    re: new RegExp(`${COUNT}(?:项|件|个)?(?:授权的?|有效的?)?发明专利`, 'u'),
    read: (m) => num('ipClassI', count(m[1]!)),
  },
  {
    re: new RegExp(`发明专利${FILLER}${COUNT}(?:项|件|个)`, 'u'),
    read: (m) => num('ipClassI', count(m[1]!)),
  },
  {
    re: new RegExp(`${COUNT}(?:项|件|个)?(?:实用新型|软件著作权|软著|外观设计)`, 'u'),
    read: (m) => num('ipClassII', count(m[1]!)),
  },
  {
    re: new RegExp(`高新技术产品(?:（服务）|\\(服务\\))?收入(?:占比|占总收入的?比例|占比为)?${FILLER}${PERCENT}`, 'u'),
    read: (m) => pct('highTechIncomeShare', m[1]!),
  },
];

function num(path: string, n: number | null): Omit<Proposal, 'evidence'> | null {
  return n === null || !Number.isFinite(n) ? null : { path, value: n };
}
function money(path: string, text: string): Omit<Proposal, 'evidence'> | null {
  return num(path, parseQuantity(text, '万元'));
}
function pct(path: string, text: string): Omit<Proposal, 'evidence'> | null {
  return num(path, parseQuantity(text, '%'));
}
function date(path: string, text: string): Omit<Proposal, 'evidence'> | null {
  const d = parseDate(text);
  if (!d) return null;
  return 'date' in d ? { path, value: d.date } : { path, value: d.month ? `${d.year}-${String(d.month).padStart(2, '0')}` : String(d.year), partial: true };
}

/**
 * Every fact a message states, for the dialog to confirm: several facts in one message are all captured. The
 * first statement of a fact wins; nothing is inferred beyond the words.
 */
export function extractFacts(text: string, ctx: { lastYear: number; thisYear: number }): Proposal[] {
  const t = nfkc(text).replace(/\s+/g, '');
  const out = new Map<string, Proposal>();
  for (const p of PATTERNS) {
    const m = p.re.exec(t);
    if (!m) continue;
    const found = p.read(m, ctx);
    if (found && !out.has(found.path)) out.set(found.path, { ...found, evidence: m[0] });
  }
  return [...out.values()];
}
