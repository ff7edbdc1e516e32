import { COUNTY_DIVISIONS } from '../../knowledge/places.js';
import { describeFact, perYearPath, type FactPath } from '../../rules/facts/catalog.js';
import { PER_YEAR_KEYS, type FactKey, type PerYearKey } from '../../rules/facts/schema.js';
import { readAnswer } from './answer-reader.js';
import { factsNamed } from './fact-names.js';
import { figuresIn, plainAnswer } from './figures.js';
import { alternation, NAMES_A_PLACE, NAMES_AN_OUTSIDE_PLACE } from './place-words.js';
import type { Reading } from './reading.js';

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

interface Years {
  lastYear: number;
  thisYear: number;
}

/** Facts an opening message states without naming them: where the enterprise is (knowledge/places.ts), how many people. */
const PLACE = new RegExp(`${NAMES_A_PLACE}|还没落户|打算落户|准备落户|还没在南通|(?:还|公司|我们)在(?:${NAMES_AN_OUTSIDE_PLACE})|从\\S{2,3}过来`, 'u');
/** a park whose name says its county (如东开发区 → 如东县); 南通高新区 alone says none */
const PARK = new RegExp(`(?:${alternation(COUNTY_DIVISIONS.flatMap((p) => [...p.aliases, ...(p.formerly ?? [])]))})[\\u4e00-\\u9fa5]{0,3}?(?:开发区|高新区|产业园|工业园)`, 'u');
const HEADCOUNT = /^(人|个人|名|号人|位)$/u;
/** 研发费用近三年是80 100 130万: three years' figures, oldest first */
const THREE_YEARS = /(营收|营业收入|销售收入|收入|研发费用|研发投入)[^0-9]{0,8}(?:近三年|三年)(?:分别)?(?:是|为)?[:：]?\s*(\d+(?:\.\d+)?)(?:万)?[\s,，、]+(\d+(?:\.\d+)?)(?:万)?[\s,，、]+(\d+(?:\.\d+)?)万/u;
/** a sentence's year: 去年 / 前年 / 大前年 / 今年 / 2024年 / 24年 */
const YEAR_WORD = /大前年|前年|去年|今年|(?<!\d)(\d{4}|\d{2})年/u;

function yearOf(word: string, years: Years): number | null {
  if (word === '大前年') return years.lastYear - 2;
  if (word === '前年') return years.lastYear - 1;
  if (word === '去年') return years.lastYear;
  if (word === '今年') return years.thisYear;
  const n = Number(word.replace('年', ''));
  return Number.isFinite(n) ? (n < 100 ? 2000 + n : n) : null;
}

function isPerYear(key: FactKey): key is PerYearKey {
  return (PER_YEAR_KEYS as readonly string[]).includes(key);
}

/** A reading as a proposal's value: a month or a year of a date is partial, to be completed by the dialog. */
function proposed(path: FactPath, r: Reading, evidence: string): Proposal | null {
  if (r.kind === 'value' || r.kind === 'guess') return { path, value: r.value, evidence };
  if (r.kind === 'month') return { path, value: `${r.year}-${String(r.month).padStart(2, '0')}`, evidence, partial: true };
  if (r.kind === 'year') return { path, value: String(r.year), evidence, partial: true };
  if (r.kind === 'none' && describeFact(path).kind === 'number') return { path, value: 0, evidence };
  return null;
}

/** The pieces of a message that each state one fact: between punctuation, spaces, 和 / 其中 / 及. */
function pieces(text: string): string[] {
  return text
    .split(/[，,。；;！!？?\s、]+|其中|以及|(?<=[\d万个件项人])和|和(?=[\d一二两三四五六七八九十])|(?<=[\d万个件项人])及/u)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * Every fact a message states, for the dialog to confirm: several facts in one message are all captured (an
 * opening like "海门的 做新材料 2019年成立 120个人 去年营收1.2亿"). Each piece is read by the name it gives a
 * fact (营收, 员工, 发明专利 …), or, unnamed, as a place or a headcount; a figure following a per-year one
 * ("去年营收3500万 前年2800万") is that fact's other year. The first statement of a fact wins; nothing is
 * inferred beyond the words — a trade never becomes a field or an industry. `unnamed: false` reads only facts
 * the message names (an answer to a question: its bare figure is the answer, not a headcount).
 */
export function extractFacts(raw: string, years: Years, opts: { unnamed?: boolean } = {}): Proposal[] {
  const unnamed = opts.unnamed ?? true;
  const text = plainAnswer(raw);
  const today = `${years.thisYear}-12-31`;
  const out = new Map<string, Proposal>();
  const add = (p: Proposal | null) => {
    if (p && !out.has(p.path)) out.set(p.path, p);
  };
  const three = THREE_YEARS.exec(text);
  if (three) {
    const key: PerYearKey = /研发/u.test(three[1]!) ? 'rdExpenseByYear' : 'salesRevenueByYear';
    [three[2], three[3], three[4]].forEach((v, i) => add({ path: perYearPath(key, years.lastYear - 2 + i), value: Number(v), evidence: three[0] }));
  }
  if (/没有(任何)?专利|专利(都)?没有/u.test(text)) {
    add({ path: 'ipClassI', value: 0, evidence: text });
    add({ path: 'ipClassII', value: 0, evidence: text });
  }
  let lastPerYear: PerYearKey | null = null;
  let lastKey: FactKey | null = null;
  for (const piece of pieces(text)) {
    if (three && three[0].includes(piece)) continue;
    const named = factsNamed(piece).filter((n) => n.key !== 'park' && n.key !== 'name' && n.key !== 'mainBusiness' && n.key !== 'region');
    // 2019年在海门注册: the place as well as the date
    const placed = unnamed && PLACE.test(piece) && !/母公司|总部|老板|股东/u.test(piece);
    if (placed) {
      const r = readAnswer('region', piece.replace(/的$/u, ''), { today });
      if (r.kind === 'value') add({ path: 'region', value: r.value, evidence: piece });
    }
    const yearWord = YEAR_WORD.exec(piece)?.[0];
    const pieceYear = yearWord ? yearOf(yearWord, years) : null;
    if (named.length === 1) {
      const key = named[0]!.key;
      if (key === 'highTechField' || key === 'industryType') {
        // only the choice's own words: 制造业, 科技服务业 — a trade is not a category
        if (key === 'industryType' && /制造业|科技服务业/u.test(piece)) add({ path: key, value: /制造业/u.test(piece) ? 'manufacturing' : 'techService', evidence: piece });
        continue;
      }
      const path: FactPath = isPerYear(key) ? perYearPath(key, pieceYear ?? years.lastYear) : key;
      const rest = piece.slice(0, named[0]!.index) + piece.slice(named[0]!.end);
      const info = describeFact(path);
      lastPerYear = isPerYear(key) ? key : null;
      lastKey = key;
      if (key === 'hnteCertified' && YEAR_WORD.test(piece) && /拿|获得|认定|颁发/u.test(piece)) add(proposed('hnteCertDate', readAnswer('hnteCertDate', piece, { today }), piece));
      if (info.kind === 'number' && figuresIn(rest).filter((f) => !f.year).length === 0 && !/没有|无/u.test(rest)) continue;
      // 能认定科小吗 names 科小 but states nothing about it
      if (info.kind === 'boolean' && (/吗|[？?]|能不能|能否|可以|想|评|申报|报/u.test(piece) || !/已经|已|有|是|拿过|入了|入库了|认定过|没有|没/u.test(piece))) continue;
      const reading = readAnswer(path, info.kind === 'boolean' || info.kind === 'date' ? piece : rest, { today });
      const earlier = out.get(path);
      if (key === 'ipClassII' && earlier && reading.kind === 'value') {
        // 实用新型11个 软著3个: Ⅱ-class items add up
        out.set(path, { ...earlier, value: Number(earlier.value) + Number(reading.value), evidence: `${earlier.evidence} ${piece}` });
        continue;
      }
      add(proposed(path, reading, piece));
      continue;
    }
    if (lastKey === 'hnteCertified' && YEAR_WORD.test(piece) && /拿|获得|认定|颁发/u.test(piece)) {
      // 有高企证书 22年拿的
      add(proposed('hnteCertDate', readAnswer('hnteCertDate', piece, { today }), piece));
      continue;
    }
    // a place or a headcount without a name is read in an opening, never in an answer to another question
    if (named.length > 1 || !unnamed) continue;
    if (/制造业|科技服务业/u.test(piece)) add({ path: 'industryType', value: /制造业/u.test(piece) ? 'manufacturing' : 'techService', evidence: piece });
    const park = PARK.exec(piece);
    if (park) add({ path: 'park', value: park[0], evidence: piece });
    if (placed) continue;
    const figures = figuresIn(piece).filter((f) => !f.year);
    if (figures.length === 1 && lastPerYear && pieceYear !== null && /万|亿/u.test(piece)) {
      // 去年营收3500万 前年2800万: the same fact, another year
      add(proposed(perYearPath(lastPerYear, pieceYear), readAnswer(perYearPath(lastPerYear, pieceYear), piece.replace(YEAR_WORD, ''), { today }), piece));
      continue;
    }
    if (figures.length === 1 && HEADCOUNT.test(figures[0]!.unit) && !/研发|科技|技术/u.test(piece)) {
      add(proposed('employees', readAnswer('employees', piece, { today }), piece));
      continue;
    }
    if (figures.length === 1 && /^研发\d|研发[一二三四五六七八九十\d]/u.test(piece)) {
      add(proposed('scienceStaff', readAnswer('scienceStaff', piece.replace(/^研发/u, ''), { today }), piece));
      continue;
    }
    if (/卖了/u.test(piece) && figures.length === 1) {
      const path = perYearPath('salesRevenueByYear', pieceYear ?? years.lastYear);
      add(proposed(path, readAnswer(path, piece.replace(/^.*卖了/u, ''), { today }), piece));
    }
  }
  return [...out.values()];
}
