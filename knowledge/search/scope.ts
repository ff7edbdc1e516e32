/**
 * Whether a clause speaks for what a question is about: the years it names, the places beyond 南通 it names, and
 * the 南通 county it names. Scope is a rule, never outweighed by how well the words match (knowledge/search/retrieve.ts).
 */
import { CITY, COUNTY_DIVISIONS, coversWholeCity, NATION, placeNamed, shortName } from '../places.js';
import type { KnowledgeStore, StoredClause } from '../store/store.js';
import { comparable } from '../text/normalize.js';
import { toSimplified } from '../text/traditional.js';
import { answerKindsOf, type AnswerKind } from './answer-kind.js';
import { namedJurisdiction, outsidePlacesNamed } from './jurisdiction.js';

/**
 * Years a question names must be ones the clause speaks for: in its text, or within its document's validity
 * (or, without one, the document's own year). "2025年的奖励" is not answered by a 2022 report.
 */
export function yearsOutOfScope(store: KnowledgeStore, c: StoredClause, question: string): number[] {
  const years = yearsNamed(question);
  if (years.length === 0) return [];
  const { from, to } = periodOf(store, c);
  const text = `${c.text} ${c.context}`;
  return years.filter((y) => !text.includes(String(y)) && (y < from || y > to));
}

/**
 * A year written short, as people say it ("海门24年的目标", "26年度"): two digits the texts' years could be, right
 * before 年. Not a span or an age ("满15年", "近20年", "20年以上", "成立15年", "办了16年了"), which a word before or after marks.
 */
const SHORT_YEAR = /(?<![\d.．满近过超约共续计每前后第]|成立|经营|创办|办了|开了|干了|做了|注册)(1[5-9]|2\d|3[0-5])(?=年(?!以上|以内|以下|以来|内|左右|多|半|之内|后|前|了|的历史|时间|工龄|经验))/gu;

/** The question with its short years written out in full (24年 → 2024年), so every rule reads one form. */
export function withFullYears(question: string): string {
  return question.replace(SHORT_YEAR, '20$1');
}

/** The years (2000–2049) a question names, in full or short. */
export function yearsNamed(question: string): number[] {
  return [...new Set([...withFullYears(question).matchAll(/(?<!\d)(20[0-4]\d)(?:年|\b)/gu)].map((m) => Number(m[1])))];
}

/** A year naming an edition outright: 2024新版, 2022年修订后, 2008版. */
const EDITION_NAMED = /(?<!\d)(20[0-4]\d)\s*年?\s*的?\s*(?:新版|版|修订|修正)/gu;
/** A year before a standard's name: 2021年南通科创项目认定标准, 2025年新认定高企奖励标准. */
const YEAR_OF_STANDARD = /(?<!\d)(20[0-4]\d)\s*年?度?的?[^，,。；;？?\s\d]{0,8}?(?:认定标准|评价办法|管理办法|认定办法|评分表|工作指引|标准|办法)/gu;

/**
 * Editions a question asks that the clause is not of. "科小评价 2024新版评分表" is another edition than the 2017 one
 * held, whatever the clause says; "2021年南通科创项目认定标准" is not the 2023 standard because its text mentions
 * "2021年以后" in a condition — only a standard in force that year, or one that cites that year's edition
 * (国科发火〔2008〕172号), speaks for it.
 */
export function editionsOutOfScope(store: KnowledgeStore, c: StoredClause, question: string): number[] {
  const full = withFullYears(question);
  // the edition a clause belongs to is the year its period starts: its part's or document's validity, else its date
  const { from, to } = periodOf(store, c);
  const text = `${c.text} ${c.context}`;
  const named = [...full.matchAll(EDITION_NAMED)].map((m) => Number(m[1])).filter((y) => y !== from);
  const ofStandard = [...full.matchAll(YEAR_OF_STANDARD)].map((m) => Number(m[1]))
    .filter((y) => (y < from || y > to) && !new RegExp(`[〔[［]${y}[〕\\]］]|${y}\\s*年?版|${y}\\s*年修`, 'u').test(text));
  return [...new Set([...named, ...ofStandard])];
}

/** The years a clause speaks for: its part's or document's validity, or, without one, the document's own year. */
export function periodOf(store: KnowledgeStore, c: StoredClause): { from: number; to: number } {
  const doc = store.documents.get(c.docId)!;
  const part = c.part ? doc.parts.find((p) => p.heading === c.part) : undefined;
  const validity = part?.validity ?? doc.validity;
  const from = Number((validity?.from ?? doc.date).slice(0, 4));
  const to = validity?.to ? Number(validity.to.slice(0, 4)) : validity?.from ? Infinity : Number(doc.date.slice(0, 4));
  return { from, to };
}

/** A year the question names that the clause's document covers ("通州2023年…" of 通州's 2023 plan). */
export function withinPeriod(store: KnowledgeStore, c: StoredClause, token: string): boolean {
  if (!/^20[0-4]\d$/u.test(token)) return false;
  const y = Number(token);
  const { from, to } = periodOf(store, c);
  return y >= from && y <= to && to !== Infinity;
}

/** The jurisdiction a clause speaks for: its part's (附件1 of 通州's plan is the city's standard), else its document's. */
export function ownJurisdiction(store: KnowledgeStore, c: StoredClause): string {
  const doc = store.documents.get(c.docId)!;
  return (c.part && doc.parts.find((p) => p.heading === c.part)?.jurisdiction) || doc.jurisdiction;
}

// a clause's haystack never changes once the store is built; every question reads dozens of them
const haystacks = new WeakMap<StoredClause, string>();

export function clauseHaystack(store: KnowledgeStore, c: StoredClause): string {
  let hay = haystacks.get(c);
  if (hay === undefined) haystacks.set(c, (hay = haystackOf(store, c)));
  return hay;
}

function haystackOf(store: KnowledgeStore, c: StoredClause): string {
  const doc = store.documents.get(c.docId);
  const headings = store.ancestors(c.id).filter((a) => a.text.length <= 40).map((a) => a.text).join(' ');
  // a clause of 启东's plan speaks for 启东 even where its sentence does not name it
  const places = doc ? `${doc.jurisdiction} ${ownJurisdiction(store, c)}` : '';
  return toSimplified(comparable(`${doc?.shortTitle ?? ''} ${places} ${c.path} ${headings} ${c.context} ${c.fullText}`)).toLowerCase();
}

/**
 * Places beyond 南通 the question names that the clause does not: about those, the corpus says nothing. A question
 * that also names a place of the corpus (母公司在上海、在南通新设的子公司) is about the corpus's place.
 */
export function placesOutOfScope(store: KnowledgeStore, c: StoredClause, question: string): string[] {
  // where the asker comes from (从上海迁过来, 母公司是上海的) is not what the question is about
  const outside = outsidePlacesNamed(question).filter((p) => !new RegExp(`从${p}|母公司(?:是|在|为)?${p}|${p}(?:迁|过来|来的|搬)`, 'u').test(question));
  if (outside.length === 0 || [...COUNTIES, ...CORPUS_WIDE].some((p) => question.includes(p))) return [];
  // a national text speaks for every place (科小's 60-point pass mark holds in 深圳 too), but not for what a city
  // gives of its own: no national text here sets a reward, a subsidy or a talent scheme, so "苏州的高企奖励" is
  // answered by 苏州's rules, which the corpus lacks, never by the 工作指引's 奖励制度 item
  if (store.documents.get(c.docId)?.jurisdiction === NATION && !LOCAL_MEASURE.test(question)) return [];
  const hay = clauseHaystack(store, c);
  return outside.filter((p) => !hay.includes(p));
}

/** What a city grants of its own accord: national texts set recognition and tax, never these. */
const LOCAL_MEASURE = /奖励|奖补|补贴|补助|资助|奖金|扶持|配套|返还|人才引进|引才|落户|人才政策|人才计划|人才公寓/u;

/** 南通's 区/县 as running text names them, with the names of those merged away (港闸, now 崇川's). */
const COUNTIES = COUNTY_DIVISIONS.flatMap((p) => [shortName(p), ...(p.formerly ?? [])]);
/** Words that place a question in the corpus's own territory without naming a county. */
const CORPUS_WIDE = ['南通', '全市', '全区', '国家', '全国'];

/**
 * 南通's 区/县 the question names that a county's clause does not speak for: 通州's plan does not answer a
 * question about 崇川区 or 如皋市 (which have no plan here), unless the clause itself names the place.
 */
export function countiesOutOfScope(store: KnowledgeStore, c: StoredClause, question: string): string[] {
  const named = countiesNamed(store, question);
  const doc = store.documents.get(c.docId);
  if (named.length === 0 || !doc || coversWholeCity(doc.jurisdiction)) return [];
  if (named.some((p) => doc.jurisdiction.startsWith(p))) return [];
  const hay = clauseHaystack(store, c);
  return named.filter((p) => !hay.includes(p));
}

const unitsOf = new WeakMap<KnowledgeStore, Array<[unit: string, county: string]>>();

/**
 * The 区/县 a question names, or names through one of its units: 南通高新区 and 五接镇 are 通州's (the 空间布局
 * table and 通州's targets table say so), so a question about them is about 通州.
 */
export function countiesNamed(store: KnowledgeStore, question: string): string[] {
  let units = unitsOf.get(store);
  if (!units) {
    const countyOf = (place: string | undefined) => COUNTIES.find((p) => place?.startsWith(p));
    units = store.records.flatMap((r): Array<[string, string]> => {
      const clause = store.clause(r.clauseId);
      const county = r.kind === 'park' ? countyOf(r.region) : r.kind === 'target' && clause ? countyOf(ownJurisdiction(store, clause)) : undefined;
      const unit = r.kind === 'park' ? r.park : r.kind === 'target' ? r.place : '';
      return county && [...unit].length >= 3 && !COUNTIES.some((p) => unit.startsWith(p)) ? [[unit, county]] : [];
    });
    unitsOf.set(store, units);
  }
  return [...new Set([...COUNTIES.filter((p) => question.includes(p)), ...units.filter(([u]) => question.includes(u)).map(([, county]) => county)])];
}

/** 南通 and its 区/县 as a firm's name may begin with them, or a question name them instead of a firm. */
const PLACE_NAMES = [shortName(placeNamed(CITY)!), ...COUNTY_DIVISIONS.map(shortName)].join('|');

/** What a firm reports of itself: the texts set thresholds for these, and never state one firm's own. */
const FIRM_METRIC = '研发投入|研发费用|研发经费|营收|营业收入|销售收入|销售额|主营收入|净利润|利润|产值|纳税额|纳税|税收|市值|估值|员工人数|员工数|职工人数|人数|融资额|出口额';
const WHEN = '(?:去年|今年|前年|上年|上一年|本年|近三年|近两年|20\\d\\d年度?)';
const FIRM_FIGURE = new RegExp(`([\\p{Script=Han}A-Za-z0-9]{2,14}?)${WHEN}?的?(${FIRM_METRIC})(?:是|有|为|大概|大约|一共|总共|达到|能有)*(?:多少|几)`, 'u');
/**
 * Words that make the one before a metric a kind of firm, a place or the asker, not a named firm; a question word or
 * a 或者 makes it another figure asked (投多少钱或者估值多少), never a name.
 */
const NOT_A_NAME = new RegExp(`多少|什么|哪|或者|还是|企业|公司$|^公司|我|咱|本|贵|全|${PLACE_NAMES}|规上|规模|高企|高新|科小|科技型|行业|平均|项目|园区|开发区|每家|一家|这家|那家|该|他们|你们|省|国家|全国|中小|单位|申请|申报|认定|要求|需要|标准|至少|最低|最少|占比|才能|才算|应该|必须|投后|投前|累计|年均|合计|总|人员|人才|员工|孵化器|平台|空间|机构|载体`, 'u');

/**
 * The firm a question asks the own figures of ("通富微电去年研发投入多少"): a name before a metric the firm reports
 * (营收, 研发投入, 利润 …) and 多少. Null for a kind of firm (规上企业, 高企), a place or the asker's own.
 */
export function firmFigureAsked(question: string): { firm: string; metric: string } | null {
  const m = FIRM_FIGURE.exec(question.replace(/^(?:请问|我想问|问一下|想知道|想问下?)/u, ''));
  if (!m || NOT_A_NAME.test(m[1]!)) return null;
  return { firm: m[1]!, metric: m[2]! };
}

const PROGRAMME = '(?:国家级?|省级?|市级?)?(?:高企|高新技术企业|科小|科技型中小企业|专精特新[\\p{Script=Han}]{0,6}?企业|科创项目|雏鹰企业|瞪羚企业|独角兽企业)';
const PLACE_FIRST = new RegExp(`^(?:${PLACE_NAMES})`, 'u');
const NAMES_PROGRAMME = new RegExp(PROGRAMME, 'u');
/** The words a firm's name ends with, which also name a sector: 科技, 电子, 生物医药, 智能制造. */
const TRADE = '科技|电子|电容器|生物|医药|药业|股份|集团|公司|材料|智能|装备|机械|实业|能源|光电|半导体|电气|信息|软件|化工|纺织|制造|微电';
/** How a firm's name ends: 中天科技, 江海电容器, 南通华隆微电子, 某某有限公司. */
const FIRM_NAME = `(?:^|[，,。；;\\s])([\\p{Script=Han}A-Za-z0-9]{1,12}?(?:${TRADE})子?)`;
/** A sector, not a firm: trade words alone, perhaps after 新/高端 (智能制造, 电子信息, 新材料, 高端装备). */
const SECTOR = new RegExp(`^(?:新|高端|先进|智慧|绿色|数字|现代)?(?:${TRADE})+$`, 'u');
const FIRM_STATUS = new RegExp(
  `${FIRM_NAME}(?:[^，,。？?]{0,16}?(?:之后|以后|后))?[，,]?(?:现在|今年|目前|已经)?(?:是不是|是否|有没有被?(?:认定|评)为|算不算|被认定为)${PROGRAMME}` +
    `|${FIRM_NAME}(?:现在|今年|目前)?的?${PROGRAMME}(?:资格|证书)`,
  'u',
);

/**
 * The firm a question asks the own standing of ("中天科技是不是高新技术企业", "…的高企资格还在有效期吗"): which firms
 * hold a title is the registers', not the texts'. Null for a kind of firm, a place or the asker's own.
 */
export function firmStatusAsked(question: string): string | null {
  const m = FIRM_STATUS.exec(question.replace(/^(?:请问|我想问|问一下|想知道|想问下?)/u, ''));
  const firm = m?.[1] ?? m?.[2];
  // a firm's name may begin with its place (南通赛可特电子); the rest must still name one firm, not a kind of firm
  const name = firm?.replace(PLACE_FIRST, '');
  return firm && !NOT_A_NAME.test(name!) && !SECTOR.test(name!) ? firm : null;
}

/**
 * A named firm's own figure or standing the clause does not state: the texts set thresholds and rewards; a report
 * names firms and what they won, never what they spent or earned. Only a sentence naming the firm with the metric and
 * a number (or with the title granted) answers.
 */
export function firmFigureOutOfScope(c: StoredClause, question: string): string | null {
  const asked = firmFigureAsked(question);
  if (asked) {
    const states = c.fullText.split(/[。；;]/u).some((s) => s.includes(asked.firm) && s.includes(asked.metric) && /\d/u.test(s));
    return states ? null : asked.firm;
  }
  // the same of a firm's standing: only a sentence naming the firm with the title it was granted answers
  const firm = firmStatusAsked(question);
  if (!firm) return null;
  const grants = c.fullText.split(/[。；;]/u).some((s) => s.includes(firm) && NAMES_PROGRAMME.test(s) && /认定|获评|入选|获批|资格/u.test(s));
  return grants ? null : firm;
}

/**
 * A figure the question asks of the whole city ("南通全市2024年底高企总数") that a county's clause gives for its own
 * area only: 海门's 全区 count is not 南通's. Rules a county restates are not figures, and stay answers.
 */
export function cityFigureOfCounty(store: KnowledgeStore, c: StoredClause, question: string): boolean {
  return namedJurisdiction(question) === CITY && countiesNamed(store, question).length === 0 && !coversWholeCity(ownJurisdiction(store, c)) && answerKindsOf(question).some((k) => FIGURES.has(k.name));
}

const FIGURES = new Set<AnswerKind['name']>(['amount', 'award', 'benefit rate', 'fund size', 'count of enterprises', 'count', 'rate', 'cap']);
