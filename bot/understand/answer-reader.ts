import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import { parseChoice } from './answers.js';
import { readChoice } from './choice-words.js';
import { readDate } from './date-reader.js';
import { figuresIn, inUnit, plainAnswer, type Figure, type FigureKind } from './figures.js';
import { UNKNOWN_WORDS, type Reading } from './reading.js';
import { readYesNo } from './yes-no.js';

export interface ReadContext {
  /** the evaluation date, YYYY-MM-DD: 今年 / 去年 / 上个月 are read against it */
  today: string;
}

/** An answer that is no answer: a filler word, punctuation, a question back. */
const NOT_AN_ANSWER = /^(嗯|哦|噢|啊|呃|额|好|行|好的|可以|ok|你猜|随便|[\p{P}\p{S}\s]*)$|重要吗|为什么|干嘛|什么意思/iu;
/** The figure does not exist (a year before the company was founded, no R&D at all). */
const DOES_NOT_EXIST = /还没(有)?成立|尚未成立|还没(有)?(注册|开业)|公司还没有|那时(候)?(公司)?还没|不存在|不适用|没(有)?(营收|收入|研发|做研发|销售|开票)|没怎么|^(没有|没|无|暂无|零|0)[。.!！]*$/u;
/** words that make a figure an estimate too loose to record */
const LOOSE_BOUND = /(不到|不足|少于|低于|多于|超过|至少|最多|上下)$/u;
const PART_TIME = /临时|兼职|外包|实习|劳务|派遣|退休返聘/u;

function kindOf(unit: string | undefined): FigureKind {
  return unit === '万元' ? '万元' : unit === '%' ? '%' : 'count';
}

/** The year a figure is said for: 23年 / 2024年 / 去年 / 今年 / 前年 just before it. */
function yearTag(text: string, f: Figure, figures: Figure[], today: string): number | null {
  const before = text.slice(0, f.index);
  const thisYear = Number(today.slice(0, 4));
  const tag = figures.filter((g) => g.year && g.end <= f.index).at(-1);
  const words = [...before.matchAll(/(今年|去年|前年|上年|本年)/gu)].at(-1);
  const tagAt = tag ? tag.end : -1;
  const wordAt = words ? words.index! + words[0].length : -1;
  if (tagAt < 0 && wordAt < 0) return null;
  if (tagAt >= wordAt) return tag!.low < 100 ? 2000 + tag!.low : tag!.low;
  return { 今年: thisYear, 本年: thisYear, 去年: thisYear - 1, 上年: thisYear - 1, 前年: thisYear - 2 }[words![0]] ?? null;
}

function figureReading(low: number, high: number, integer: boolean): Reading {
  if (low === high) return integer && !Number.isInteger(low) ? { kind: 'reject' } : { kind: 'value', value: low };
  return { kind: 'range', low, high };
}

/** A number answer: one figure in the fact's unit, chosen among several by its year, 现在, 一共, or asked back. */
function readFigure(path: FactPath, text: string, ctx: ReadContext): Reading {
  const info = describeFact(path);
  const kind = kindOf(info.unit);
  const integer = kind === 'count' && info.unit !== '项' ? true : kind === 'count' && info.key !== 'techTransfersAnnualAvg';
  if (/^一(个|项|件|名|位|分钱)?(都|也)(没有|没|无)/u.test(text)) return { kind: 'value', value: 0 };
  const all = figuresIn(text);
  const figures = all.filter((f) => !f.year);
  if (figures.length === 0) {
    if (kind === '%' && /全部|全都|都是|都在|百分之百|所有/u.test(text)) return { kind: 'value', value: 100 };
    if (/一半|半数/u.test(text)) return kind === '%' ? { kind: 'value', value: 50 } : { kind: 'ask', why: 'share' };
    if (DOES_NOT_EXIST.test(text)) return kind === 'count' && !/成立|注册|开业/u.test(text) ? { kind: 'value', value: 0 } : { kind: 'none' };
    return { kind: 'reject' };
  }
  if (figures.some((f) => f.vague || LOOSE_BOUND.test(text.slice(0, f.index)))) return { kind: 'ask', why: 'vague' };
  const converted = figures.map((f) => ({ f, v: inUnit(f, kind) }));
  if (converted.some((c) => c.v === null && (c.f.unit === '%' || c.f.unit === '成' || c.f.unit === '个点'))) return { kind: 'ask', why: 'share' };
  const usable = converted.filter((c): c is { f: Figure; v: { low: number; high: number } } => c.v !== null);
  if (usable.length === 0) return { kind: 'reject' };
  if (usable.length === 1) return figureReading(usable[0]!.v.low, usable[0]!.v.high, integer);

  // several figures: the one for the year asked, the one for now, the total, a sum, or ask which
  if (info.year !== undefined) {
    const forYear = usable.filter((c) => yearTag(text, c.f, all, ctx.today) === info.year);
    if (forYear.length === 1) return figureReading(forYear[0]!.v.low, forYear[0]!.v.high, integer);
  }
  const now = usable.filter((c) => /(现在|目前|如今|眼下)[^，,。；;]*$/u.test(text.slice(0, c.f.index)));
  if (now.length === 1) return figureReading(now[0]!.v.low, now[0]!.v.high, integer);
  const total = usable.filter((c) => /(一共|总共|合计|总计|加起来)[^，,。；;]*$/u.test(text.slice(0, c.f.index)));
  if (total.length === 1) return figureReading(total[0]!.v.low, total[0]!.v.high, integer);
  if (PART_TIME.test(text) && /还有|算上|加上|另有|另外/u.test(text)) return { kind: 'ask', why: 'part-time' };
  if (/另外(还)?有|此外还有|再加上?/u.test(text) && usable.every((c) => c.v.low === c.v.high)) {
    return { kind: 'value', value: usable.reduce((sum, c) => sum + c.v.low, 0) };
  }
  // 120人，不过有20个是兼职的 / 其中20个…: the later figures are a part of the first
  if (/(不过|其中|里面|当中)[^，,。；;]*$/u.test(text.slice(0, usable[1]!.f.index))) return figureReading(usable[0]!.v.low, usable[0]!.v.high, integer);
  return { kind: 'ask', why: 'which' };
}

/**
 * What an answer to the question about `path` says, in the answer set's terms. Never guesses a value silently: an
 * owner's own word for a choice comes back as a guess to confirm, a loose estimate or a choice between figures as
 * something to ask back.
 */
export function readAnswer(path: FactPath, raw: string, ctx: ReadContext): Reading {
  const text = plainAnswer(raw).replace(/\s+/gu, '');
  if (!text) return { kind: 'reject' };
  const info = describeFact(path);
  if (UNKNOWN_WORDS.test(text) && !(info.kind === 'choice' && readChoice(info.key, text, info.choices ?? []) !== null)) return { kind: 'unknown' };
  if (info.kind !== 'text' && info.kind !== 'boolean' && NOT_AN_ANSWER.test(text)) return { kind: 'reject' };
  switch (info.kind) {
    case 'boolean':
      return readYesNo(info.key, text);
    case 'number':
      return readFigure(path, text, ctx);
    case 'date':
      return readDate(text, ctx.today);
    case 'choice': {
      const exact = parseChoice(text, info.choices ?? []);
      if (exact !== null) return { kind: 'value', value: exact };
      return readChoice(info.key, text, info.choices ?? []) ?? { kind: 'reject' };
    }
    case 'text':
      return text.length > 200 ? { kind: 'reject' } : { kind: 'value', value: raw.trim() };
  }
}
