import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import { parseChoice } from './answers.js';
import { readChoice } from './choice-words.js';
import { readDate } from './date-reader.js';
import { figuresIn, inUnit, plainAnswer, type Figure, type FigureKind } from './figures.js';
import { chineseNumber } from './numerals.js';
import { UNKNOWN_WORDS, type Reading } from './reading.js';
import { readYesNo } from './yes-no.js';

export interface ReadContext {
  /** the evaluation date, YYYY-MM-DD: 今年 / 去年 / 上个月 are read against it */
  today: string;
}

/** An answer that is no answer: a filler word, punctuation, a question back. */
const NOT_AN_ANSWER = /^(稍等|等一下|等等|我去问|回头).*|^(嗯|哦|噢|啊|呃|额|好|行|好的|可以|ok|你猜|随便|[\p{P}\p{S}\s]*)$|重要吗|为什么|干嘛|什么意思/iu;
/** The figure does not exist (a year before the company was founded, no R&D at all). */
const DOES_NOT_EXIST = /还没(有)?成立|尚未成立|还没(有)?(注册|开业)|公司还没有|那时(候)?(公司)?还没|不存在|不适用|没(有|得)?(营收|收入|研发|做研发|销售|开票|融|拿|实缴|到账)|没怎么|还没(实缴|到账)|正在谈|^(没有|没|无|暂无|零|0)[。.!！]*$/u;
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
  const words = [...before.matchAll(/(今年|去年|大前年|前年|上年|本年)/gu)].at(-1);
  const tagAt = tag ? tag.end : -1;
  const wordAt = words ? words.index! + words[0].length : -1;
  if (tagAt < 0 && wordAt < 0) return null;
  if (tagAt >= wordAt) return tag!.low < 10 ? null : tag!.low < 100 ? 2000 + tag!.low : tag!.low;
  return { 今年: thisYear, 本年: thisYear, 去年: thisYear - 1, 上年: thisYear - 1, 前年: thisYear - 2, 大前年: thisYear - 3 }[words![0]] ?? null;
}

function figureReading(low: number, high: number, integer: boolean): Reading {
  if (low === high) return integer && !Number.isInteger(low) ? { kind: 'reject' } : { kind: 'value', value: low };
  return { kind: 'range', low, high };
}

/** Ⅰ-class and Ⅱ-class IP named next to a figure: 发明2个，实用新型5个 counts 2 for Ⅰ and 5 for Ⅱ. */
const IP_ITEMS: Record<string, RegExp> = { ipClassI: /发明|布图|新药|植物新品种/u, ipClassII: /实用新型|外观|软著|软件著作权|著作权/u };
/** Figures that are not the one asked: in examination, before the super-deduction, what was applied for … */
const NOT_COUNTED = /在审|实审|在申请|审查中|加计扣除后|含税(?!还)|认缴|申请了|过期|失效/u;
/** Figures that are the one asked when several are given. */
const PREFERRED = /实缴|到账|授权|有效|不含税|现在|目前|如今|眼下/u;
/** Facts that add up across what is listed: every investment round, every outside city's funding. */
const SUMMED = new Set(['socialInvestmentAfterLanding', 'shareholderTalentFundingOutside']);

/** The clause of the text a figure stands in (between punctuation). */
function clauseOf(text: string, f: Figure): string {
  const start = Math.max(text.lastIndexOf('，', f.index), text.lastIndexOf(',', f.index), text.lastIndexOf('；', f.index), text.lastIndexOf('、', f.index), text.lastIndexOf('。', f.index)) + 1;
  const ends = ['，', ',', '；', '、', '。'].map((c) => text.indexOf(c, f.end)).filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) : text.length);
}

type Usable = { f: Figure; v: { low: number; high: number } };

/** A number answer: one figure in the fact's unit, chosen among several by its year, 现在, 一共, or asked back. */
function readFigure(path: FactPath, text: string, ctx: ReadContext): Reading {
  const info = describeFact(path);
  const kind = kindOf(info.unit);
  const integer = kind === 'count' && info.key !== 'techTransfersAnnualAvg';
  if (/^一(个|项|件|名|位|分钱)?(都|也)(没有|没|无)/u.test(text)) return { kind: 'value', value: 0 };
  if (kind === '%') {
    if (info.key === 'rdExpenseChinaShare' && /没有(境外|国外|海外)|全(在|是|部在)?国内|都在国内/u.test(text)) return { kind: 'value', value: 100 };
    if (info.key === 'localStateCapitalShare' && /民营|没有国资|没国资|无国资/u.test(text)) return { kind: 'value', value: 0 };
    if (/不到一半|不足一半/u.test(text)) return { kind: 'range', low: 0, high: 50 };
    if (/一大半|一半多|大半/u.test(text)) return { kind: 'ask', why: 'vague' };
    const fraction = /(\d+)\/(\d+)|([一二三四五六七八九十])分之([一二三四五六七八九])/u.exec(text);
    if (fraction) {
      const [den, num] = fraction[1] ? [Number(fraction[2]), Number(fraction[1])] : [chineseNumber(fraction[3]!)!, chineseNumber(fraction[4]!)!];
      return { kind: 'value', value: Math.round((num / den) * 1000) / 10 };
    }
  }
  // 17年6月1号 to a question about money: a date, not figures to choose between
  if (/\d+月\d*[日号]?|[年.\-/]\d{1,2}[月.\-/]\d{1,2}/u.test(text) && !/[万亿元人个项%]/u.test(text)) return { kind: 'reject' };
  const all = figuresIn(text);
  const figures = all.filter((f) => !f.year);
  const half = /一半|半数/u.test(text);
  if (figures.length === 0) {
    if (kind === '%' && half) return { kind: 'value', value: 50 };
    if (kind === '%' && /全部|全都|都是|都在|百分之百|所有/u.test(text)) return { kind: 'value', value: 100 };
    if (half) return { kind: 'ask', why: 'share' };
    if (DOES_NOT_EXIST.test(text) && !(kind === 'count' || kind === '%') ) return { kind: 'none' };
    if ((kind === 'count' || kind === '%') && /没|无|只有|不是/u.test(text) && !/成立|注册|开业/u.test(text)) return { kind: 'value', value: 0 };
    if (DOES_NOT_EXIST.test(text)) return { kind: 'none' };
    return { kind: 'reject' };
  }
  if (figures.some((f) => f.vague || LOOSE_BOUND.test(text.slice(0, f.index)))) return { kind: 'ask', why: 'vague' };
  // 6到8个, 60-70, 五千万到六千万之间: a range
  if (figures.length === 2 && /^(到|至|-|~|～|—)$/u.test(text.slice(figures[0]!.end, figures[1]!.index).replace(/^-/u, '-'))) {
    const [a, b] = figures as [Figure, Figure];
    const unit = a.unit || b.unit;
    const lo = inUnit({ ...a, unit, inOnes: a.inOnes || b.inOnes }, kind);
    const hi = inUnit({ ...b, low: Math.abs(b.low), high: Math.abs(b.high), unit }, kind);
    if (lo && hi) return { kind: 'range', low: lo.low, high: hi.high };
  }
  const converted = figures.map((f) => ({ f, v: inUnit(f, kind) }));
  const shares = converted.filter((c) => c.v === null && (c.f.unit === '%' || c.f.unit === '成' || c.f.unit === '个点')).map((c) => (c.f.unit === '成' ? c.f.low * 10 : c.f.low));
  if (half && kind !== '%') shares.push(50);
  let usable = converted.filter((c): c is Usable => c.v !== null);
  if (shares.length === 1 && usable.length === 1 && kind !== '%' && /总|一共|全部|销售额|营收|收入/u.test(clauseOf(text, usable[0]!.f))) {
    // 研发投入占销售额6%，销售额3000万: the figure asked is the share of the other
    const value = Math.round(usable[0]!.v.low * shares[0]!) / 100;
    return integer && !Number.isInteger(value) ? { kind: 'ask', why: 'share' } : { kind: 'value', value };
  }
  if (shares.length > 0 && usable.length === 0) return { kind: 'ask', why: 'share' };
  if (info.key === 'techTransfersAnnualAvg' && usable.length === 1 && /(三|3)年(一共|共|总共|合计|累计)/u.test(text)) {
    return { kind: 'value', value: Math.round((usable[0]!.v.low / 3) * 100) / 100 };
  }
  if (usable.length === 0) return { kind: 'reject' };
  const after = (c: Usable) => text.slice(c.f.end, c.f.end + 2);
  if (usable.some((c) => /^(以上|多|往上)/u.test(after(c)))) {
    const c = usable[0]!;
    return kind === '%' ? { kind: 'range', low: c.v.low, high: 100 } : { kind: 'ask', why: 'vague' };
  }
  if (usable.some((c) => /^(不到|以下|以内|之内)/u.test(after(c)))) return { kind: 'ask', why: 'vague' };
  if (kind === '万元' && usable.length === 1 && !usable[0]!.f.unit && !usable[0]!.f.inOnes && Math.abs(usable[0]!.v.low) >= 100000) return { kind: 'ask', why: 'unit' };
  if (kind === '%' && usable.length === 1 && !usable[0]!.f.unit && usable[0]!.v.low > 0 && usable[0]!.v.low < 1) return { kind: 'ask', why: 'fraction' };
  if (info.key === 'rdExpenseChinaShare' && usable.length === 1 && /国外|境外|海外/u.test(text)) return { kind: 'value', value: 100 - usable[0]!.v.low };
  if (info.year !== undefined && usable.length === 1) {
    const tagged = yearTag(text, usable[0]!.f, all, ctx.today);
    // 今年大概3200万 to last year's question: the year said is not the year asked
    if (tagged !== null && tagged !== info.year) return { kind: 'ask', why: 'year' };
  }
  if (usable.length === 1) return figureReading(usable[0]!.v.low, usable[0]!.v.high, integer);

  // several figures: per item, for the year asked, the one for now, the total, a sum, or ask which
  const items = IP_ITEMS[info.key];
  if (items) {
    const itemOf = (c: Usable) => Object.entries(IP_ITEMS).find(([, re]) => re.test(clauseOf(text, c.f)))?.[0];
    if (usable.some((c) => itemOf(c))) {
      const mine = usable.filter((c) => itemOf(c) === info.key && !NOT_COUNTED.test(clauseOf(text, c.f)));
      return { kind: 'value', value: mine.reduce((sum, c) => sum + c.v.low, 0) };
    }
  }
  usable = usable.filter((c) => !NOT_COUNTED.test(clauseOf(text, c.f)) && !(info.key === 'shareholderTalentFundingOutside' && /南通/u.test(clauseOf(text, c.f))));
  if (usable.length === 0) return { kind: 'ask', why: 'which' };
  if (usable.length === 1) return figureReading(usable[0]!.v.low, usable[0]!.v.high, integer);
  if (info.year !== undefined) {
    const forYear = usable.filter((c) => yearTag(text, c.f, all, ctx.today) === info.year);
    if (forYear.length === 1) return figureReading(forYear[0]!.v.low, forYear[0]!.v.high, integer);
  }
  const preferred = usable.filter((c) => PREFERRED.test(clauseOf(text, c.f)));
  if (preferred.length === 1) return figureReading(preferred[0]!.v.low, preferred[0]!.v.high, integer);
  const total = usable.filter((c) => /(一共|总共|合计|总计|加起来)[^，,。；;]*$/u.test(text.slice(0, c.f.index)));
  if (total.length === 1) return figureReading(total[0]!.v.low, total[0]!.v.high, integer);
  if (PART_TIME.test(text) && /还有|算上|加上|另有|另外/u.test(text)) return { kind: 'ask', why: 'part-time' };
  if ((SUMMED.has(info.key) || /另外(还)?有|此外还有|再加上?/u.test(text)) && usable.every((c) => c.v.low === c.v.high)) {
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
  // 记不清了，大概2015年底: a figure or date given after all is the answer
  const givesFigure = /\d|[一二两三四五六七八九十百千万]/u.test(text.replace(UNKNOWN_WORDS, ''));
  if (UNKNOWN_WORDS.test(text) && !givesFigure && !(info.kind === 'choice' && readChoice(info.key, text, info.choices ?? []) !== null)) return { kind: 'unknown' };
  if (/什么意思|啥意思|不太懂|看不懂|不明白/u.test(text)) return { kind: 'reject' };
  if (info.kind !== 'text' && info.kind !== 'boolean' && NOT_AN_ANSWER.test(text)) return { kind: 'reject' };
  switch (info.kind) {
    case 'boolean':
      return readYesNo(info.key, text);
    case 'number':
      return readFigure(path, text, ctx);
    case 'date':
      return readDate(text, ctx.today);
    case 'choice': {
      const asked = readChoice(info.key, text, info.choices ?? []);
      // a place's own words first: 通州湾 is not 通州区
      if (asked?.kind === 'ask' || (asked && info.key === 'region')) return asked;
      const exact = parseChoice(text, info.choices ?? []);
      if (exact !== null) return { kind: 'value', value: exact };
      return asked ?? { kind: 'reject' };
    }
    case 'text':
      return text.length > 200 ? { kind: 'reject' } : { kind: 'value', value: raw.trim() };
  }
}
