import { describeFact, perYearPath, type FactPath } from '../../rules/facts/catalog.js';
import { PER_YEAR_KEYS, type FactKey, type PerYearKey } from '../../rules/facts/schema.js';
import { readAnswer } from './answer-reader.js';
import { factsNamed } from './fact-names.js';
import { plainAnswer } from './figures.js';
import type { Reading } from './reading.js';

/** Words that say an earlier answer was wrong: a message with them is a correction, whatever else it holds. */
export const MISTAKE_WORDS = /不对不对|不对[，, ]*(前面|刚才|之前)|说错|填错|写错|输错|搞错|弄错|记错|打错|点错|选错|答错|报错了|说(多|少|高|低)了|(多|少)打了|写成|更正|纠正|是错的|是不对的|(刚才|刚刚|前面|之前|上面|上一个)[^，,。]{0,10}(不对|有问题|要改)/u;
/** Words that set a new value; said with another fact's name (or a past mistake) they correct it. */
export const CORRECTION_WORDS = new RegExp(`${MISTAKE_WORDS.source}|改为|改成|修改为|改一下|应该是|应为|不对[，,。 ]*(是|应该|应为)|不是[^，,。]{0,12}[，, ]?(而)?是`, 'u');

/**
 * Whether a correction-worded message ("应该是新能源", "改成200人") is rather an answer to the question pending: it
 * admits no earlier mistake and names no fact but the pending one (for a per-year fact, none at all: naming it
 * while another of its years is asked means the year already given).
 */
export function answersPending(text: string, pending: string): boolean {
  if (MISTAKE_WORDS.test(text)) return false;
  const [key, year] = pending.split('.');
  const named = factsNamed(text);
  if (!named.every((n) => n.key === key)) return false;
  // "销售收入改为2500万" while another year's revenue is asked changes the year already given
  return year === undefined || named.length === 0;
}

/** What a correction says: which fact and what its words give — or that the fact could not be told. */
export type CorrectionReading =
  | { kind: 'fact'; path: FactPath; reading: Reading }
  | { kind: 'which'; reason: 'no fact named' | 'several facts named' | 'which year'; key?: FactKey };

/** Clauses that are about the mistake, not the new value: 刚才点错了, 前面说没有是错的, 写成2012了, 少打了个1. */
const MISTAKE_CLAUSES = /(刚才|刚刚|前面|之前|上面)?(说|答|选|点|填|写|打|搞|弄|记)?(的)?(没有|有)?是(错|不对)的?|(刚才|刚刚|前面|之前|上面)?(那题|那个|的)?[^，,。 ]{0,3}?(说|答|选|点|填|写|打|搞|弄|记)(错|反|多|少|高|低)了?|(多|少)打了?(一)?个\S|写成\S+?了|打成\S+?了|填成\S+?了|改一下|(刚才|刚刚|前面|之前)[^，,。 ]{0,8}(不对|有问题)/gu;
/** 不是2个 / 不在海门: the old value, said to be wrong */
const OLD_VALUE = /不(是|在)[^，,。 是]*/gu;
const VALUE_AFTER = /(修改为|改为|改成|应该是|应为|其实是|实际是|实际上是|(?<!不)是|为)/gu;
const NEGATIVE = /没|不是|不属于|不满足|不符合|未|无|过期|失效|非|尚未|不再/u;

function isPerYear(key: FactKey): key is PerYearKey {
  return (PER_YEAR_KEYS as readonly string[]).includes(key);
}

/** 去年 / 前年 / 大前年 / 2024年 / 24年 said along with the fact's name. */
function yearSaid(text: string, thisYear: number): number | null {
  if (/大前年/u.test(text)) return thisYear - 3;
  if (/前年/u.test(text)) return thisYear - 2;
  if (/去年|上年|上一年/u.test(text)) return thisYear - 1;
  const y = /(?<!\d)(\d{4}|\d{2})年/u.exec(text);
  if (!y) return null;
  const n = Number(y[1]);
  return n < 100 ? 2000 + n : n;
}

/** A boolean from a correction's words: 没有 / 不是 / 过期 … say no; anything else affirms. */
function polarity(text: string): Reading {
  return { kind: 'value', value: !NEGATIVE.test(text) };
}

const usable = (r: Reading) => r.kind === 'value' || r.kind === 'month' || r.kind === 'year';

/** A known fact's value as an owner would mention it: 海门 for 海门区, 90 for 90. */
function mentions(text: string, value: unknown): boolean {
  if (typeof value === 'string') return value.length >= 2 && text.includes(value.replace(/[区市县]$/u, ''));
  return false;
}

/**
 * Reads a correction ("刚才去年营收说错了，是2500万", "员工改为150人", "我们不在海门 在启东"). The fact is found by
 * its name in the message — never from the question pending — or, when none is named, by the old value the
 * message mentions or a choice only one known fact takes; a per-year fact's year from the words or the one year
 * already recorded. Anything less certain asks which.
 */
export function readCorrection(raw: string, ctx: { today: string; known: Record<string, unknown> }): CorrectionReading {
  const text = plainAnswer(raw).replace(/\s+/gu, ' ');
  // the words about the mistake ("前面说没有是错的") hold no name and no new value
  const cleaned = text.replace(MISTAKE_CLAUSES, (m) => ' '.repeat(m.length));
  const marker = [...cleaned.matchAll(VALUE_AFTER)].at(-1);
  const stripped = (s: string) => s.replace(MISTAKE_CLAUSES, ' ').replace(OLD_VALUE, ' ').trim();
  // names before the new value name the fact; a name inside the value (苏锡通园区) does not
  const before = marker ? factsNamed(text.slice(0, marker.index)) : [];
  const named = before.length ? before : factsNamed(text);
  const valueOf = (key: FactKey, path: FactPath): Reading => {
    const info = describeFact(path);
    let rest = text;
    for (const n of factsNamed(text)) if (n.key === key) rest = rest.slice(0, n.index) + ' '.repeat(n.end - n.index) + rest.slice(n.end);
    // 不是创业类的: for a yes/no the negation is the answer, not an old value
    if (info.kind === 'boolean') return polarity(rest.replace(MISTAKE_CLAUSES, ' '));
    const after = marker ? stripped(text.slice(marker.index! + marker[0].length)) : '';
    return readAnswer(path, after || stripped(rest), { today: ctx.today });
  };
  const pathOf = (key: FactKey): FactPath | 'which year' => {
    if (!isPerYear(key)) return key;
    const said = yearSaid(text, Number(ctx.today.slice(0, 4)));
    if (said !== null) return perYearPath(key, said);
    const recorded = Object.keys((ctx.known[key] as Record<string, unknown> | undefined) ?? {}).map(Number);
    return recorded.length === 1 ? perYearPath(key, recorded[0]!) : 'which year';
  };

  let candidates = named.map((n) => n.key);
  if (candidates.length === 0) {
    // no name: the known fact whose old value the message mentions, or the only known fact its value fits
    const byOldValue = Object.keys(ctx.known).filter((k) => mentions(text, ctx.known[k])) as FactKey[];
    const byChoice = (Object.keys(ctx.known) as FactKey[]).filter((k) => {
      const info = describeFact(k as FactPath);
      return info.kind === 'choice' && readAnswer(k as FactPath, stripped(marker ? text.slice(marker.index! + marker[0].length) : text), { today: ctx.today }).kind === 'value';
    });
    candidates = byOldValue.length === 1 ? byOldValue : byChoice.length === 1 ? byChoice : [];
    if (candidates.length === 0) return { kind: 'which', reason: 'no fact named' };
  }
  const readAll = (keys: FactKey[]) => keys.map((key): { key: FactKey; path: FactPath | 'which year'; reading: Reading | null } => {
    const path = pathOf(key);
    return { key, path, reading: path === 'which year' ? null : valueOf(key, path) };
  });
  let readings = readAll(candidates);
  const fitting = (rs: typeof readings) => {
    const fits = rs.filter((r) => r.reading !== null && usable(r.reading));
    // a free-text fact (主要产品) named along with another is context, not the fact corrected
    return fits.length > 1 ? fits.filter((r) => describeFact(r.key as FactPath).kind !== 'text') : fits;
  };
  let fits = fitting(readings);
  if (fits.length === 0 && before.length) {
    // the name before the value did not take it (I类知识产权是从母公司转让过来的): any fact the message names
    const all = readAll(factsNamed(text).map((n) => n.key));
    if (fitting(all).length) [readings, fits] = [all, fitting(all)];
  }
  if (fits.length === 1) return { kind: 'fact', path: fits[0]!.path as FactPath, reading: fits[0]!.reading! };
  if (fits.length > 1 || readings.length > 1) return { kind: 'which', reason: 'several facts named' };
  const only = readings[0]!;
  if (only.reading === null) return { kind: 'which', reason: 'which year', key: only.key };
  // the fact is certain, its value is not: the dialog says so and changes nothing
  return { kind: 'fact', path: only.path as FactPath, reading: only.reading };
}
