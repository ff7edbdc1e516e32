import { CITY, coversWholeCity } from '../places.js';
import type { KnowledgeStore } from '../store/store.js';
import { periodOf, yearsNamed } from '../search/scope.js';
import { synonymsOf } from '../search/synonyms.js';
import { comparable } from '../text/normalize.js';
import { matchParks } from './park-match.js';
import type { ActivityRecord, ParkRecord, TargetRecord, TaskRecord } from './records.js';
import { sectorsIn } from './sectors.js';

/** A question the table records answer: the rows that answer it, best first, each with a line saying what it holds. */
export interface RecordAnswer {
  kind: 'park' | 'target' | 'task' | 'activity' | 'document';
  rows: Array<{ clauseId: string; line: string }>;
}

const ASKS_PARK = /哪个园区|哪些园区|哪个园|哪些园|哪家园区|什么园区|园区.{0,4}(?:适合|合适|对口)|(?:适合|合适|对口|落户|去|放|布局|投|选).{0,6}(?:园区|哪里|哪儿|哪边)|去哪|落户哪|主攻方向|特色园区/u;
const ASKS_TARGET = /目标|任务数|(?:招引|引进|培育|认定|入库)数|要达到|达到多少|达多少|(?:多少|几)(?:家|个|项|名|人|件)|多少亿/u;
/**
 * "南通几个高新区2022年拿了多少奖励": 几个 before the places a question is about, with another figure asked after it,
 * says which places (the several 高新区), not a count asked of a plan.
 */
const PLACES_DETERMINER = /几个[^，。？?\s]{0,4}(?:区|园|县|市|镇)(?=[^，。？?]*(?:多少|几))/gu;
const asksTarget = (question: string) => ASKS_TARGET.test(question.replace(PLACES_DETERMINER, ''));
const ASKS_LEAD = /谁牵头|牵头部门|牵头单位|哪个部门牵头|由谁牵头|责任单位|哪个部门负责|哪些部门负责|谁负责|由谁负责|归谁管|哪个单位负责|配合单位|完成时限|(?:什么时候|何时|哪年|几月|哪个月)(?:之?前)?(?:要)?(?:完成|出台|建成|落地|到位|实现|办结)|截止时间/u;
const ASKS_NUMBER = /文号|发文字号|几号文|文件号/u;
/** "依据市里哪个文件定的", "根据什么法律制定的", "上位文件是哪个": the text a document says it was made under. */
const ASKS_BASIS = /(?:依据|根据|依照|按照)[^，。？?]{0,8}(?:哪个|什么|哪份|哪部|哪些)(?:文件|法律|政策|规定|通知|法)|上位(?:文件|法)/u;
/** "从哪天开始施行", "什么时候生效": the date a text takes effect, which its own words state (本办法自…起实施). */
const ASKS_EFFECTIVE = /(?:哪天|哪一天|哪年|什么时候|何时|几号|几月)[^，。？?]{0,4}(?:施行|实施|生效|执行)|(?:施行|实施|生效|执行)(?:日期|时间)/u;
const ASKS_DATE = /(?:哪天|哪一天|什么时候|何时|哪年|几月)(?:印发|发布|发的|出台|下发)|印发日期|发文日期|成文日期|发布日期/u;
const ASKS_ACTIVITY = /活动|峰会|推介会|对接会|交流会|招商会|大赛|(?:外出|出去|出门)招商|去哪(?:儿)?招商/u;

/**
 * Share of the question's content words a text holds (a synonym counts), and whether it holds any. Outside the names
 * it quotes, when asked: 高企 in “高企贷” names a loan, not what a figure counts.
 */
function held(content: string[], text: string, outsideQuotes = false): number {
  const hay = comparable(text).toLowerCase();
  const words = content.filter((t) => [...t].length > 1 || /\d/u.test(t));
  if (words.length === 0) return 0;
  // a quoted name is held whole (“专精特新”), not the words of a longer one
  const has = (w: string) => (outsideQuotes ? hay.replace(/“([^”]{1,16})”/gu, (name: string, inner: string) => (inner === w ? name : ' ')) : hay).includes(w);
  const found = words.filter((t) => has(t) || synonymsOf(t).some((s) => has(comparable(s).toLowerCase())));
  return found.length / words.length;
}

const BY_DEADLINE = /到\s*(?:20)?\d{0,2}\s*年?(?:底|末)|到期末/u;
const DEADLINE_WORDS = /^(?:年底|年末|期末)$/u;

/** Shortest run of a document's title a question must quote to be naming the document (三年行动, 认定管理办法). */
const TITLE_RUN = 4;

/** The runs of a title a question quotes, each as long as it goes: "三年行动方案" of 海门's 高企培育三年行动方案. */
function titleFragments(question: string, title: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < question.length; ) {
    let len = 0;
    while (i + len < question.length && title.includes(question.slice(i, i + len + 1))) len++;
    if (len >= TITLE_RUN) {
      out.push(question.slice(i, i + len));
      i += len;
    } else i++;
  }
  return out;
}

/** Words that say what is asked rather than about what: they are in no record and must not count against one. */
const FRAME = /^(?:月份|目标|目标任务|任务|任务数|多少|达到|要求|牵头|牵头部门|负责|谁负责|谁牵头|谁管|归谁管|这块|内容|安排|部门|单位|责任单位|哪个|哪些|完成|时限|时间|年|活动|什么|是|的|主攻方向|园区|方向|数量|届时|做到)$/u;

function parkAnswer(store: KnowledgeStore, question: string, jurisdiction: string | null): RecordAnswer | null {
  if (!ASKS_PARK.test(question)) return null;
  const sectors = sectorsIn(question).map((m) => m.sector);
  if (sectors.length === 0) return null;
  const rows = store.records.filter((r): r is ParkRecord => r.kind === 'park');
  const matched = matchParks(rows, sectors, jurisdiction ?? undefined, question);
  if (matched.length === 0) return null;
  // "通州湾示范区…先进材料包括哪些": a park the question names asks about its own row before others of the sector;
  // "启东那边哪个园区", "吕四港那边": then the parks of the place it names, before the best fits elsewhere
  const named = matched.filter((f) => [...f.row.park].length >= 3 && question.includes(f.row.park));
  const placed = matched.filter((f) => !named.includes(f) && parkPlaceNamed(question, f.row));
  const fits = [...named, ...placed, ...matched.filter((f) => !named.includes(f) && !placed.includes(f))];
  return {
    kind: 'park',
    rows: fits.map((f) => ({ clauseId: f.row.clauseId, line: `${f.row.park}（${f.row.region}）主攻方向：${f.row.directions}；相符：${f.matched.map((d) => d.text).join('、')}` })),
  };
}

/** A park's own name without its kind (吕四港经济开发区 → 吕四港), as people call it. */
const PARK_KIND = /(?:经济技术开发区|经济开发区|开发区|高新区|示范区|科技产业园区|产业园区|园区)$/u;

/** Whether a question names a park by its own name without its kind (吕四港 of 吕四港经济开发区), three characters or more. */
function shortNamed(question: string, row: ParkRecord): boolean {
  const short = row.park.replace(PARK_KIND, '');
  return short !== row.park && [...short].length >= 3 && question.includes(short);
}

/** Whether a question names the place of a park: its 区/县/市 (启东, 如东) or the park by its short name (吕四港). */
function parkPlaceNamed(question: string, row: ParkRecord): boolean {
  const short = row.park.replace(PARK_KIND, '');
  // 南通高新区's 南通 is the city every park is in
  return question.includes(placeWord(row.region)) || (short !== placeWord(CITY) && [...short].length >= 2 && question.includes(short));
}

/** What a park is for: 赛道, 产业, 主攻方向, 定位 — the 主攻方向 column in the words people use for it. */
const ASKS_DIRECTIONS = /赛道|产业|方向|定位|做什么|干什么|搞什么|聚焦|主攻|招什么|重点发展|发展什么|主导|特色/u;

/** Words that ask what a park is for rather than about something in it. */
const DIRECTION_WORDS = /^(?:赛道|产业|方向|主攻|主攻方向|定位|聚焦|主导|重点|发展|特色|园区|招|项目|做|那块|那边|这块|主要|布局|哪些|什么|领域|行业)+$/u;

/**
 * "洋口港开发区聚焦哪些赛道", "如皋港那块定位做什么产业": the row of the park the question names, when that is all it
 * asks (not "南通高新区搭科创平台围绕哪些产业", which the plan's text answers).
 */
function parkByName(store: KnowledgeStore, question: string, content: string[]): RecordAnswer | null {
  if (!ASKS_DIRECTIONS.test(question)) return null;
  // by its full name or as people shorten it (吕四港开发区, 洋口港 for 洋口港开发区)
  const rows = store.records.filter((r): r is ParkRecord => r.kind === 'park' && ([...r.park].length >= 3 && question.includes(r.park) || shortNamed(question, r)));
  // the longest name the question holds: 南通经济技术开发区, not a shorter park inside it
  const named = rows.filter((r) => !rows.some((o) => o !== r && o.park.includes(r.park)));
  const other = content.filter((t) => !DIRECTION_WORDS.test(t) && !named.some((r) => `${r.park}${r.region}`.includes(t)));
  if (named.length === 0 || (other.length > 0 && named.some((r) => held(other, r.directions) < 1))) return null;
  return { kind: 'park', rows: named.map((r) => ({ clauseId: r.clauseId, line: `${r.park}（${r.region}）主攻方向：${r.directions}` })) };
}

/** The place a record speaks for: its clause's catalog part's jurisdiction, else its document's. */
function jurisdictionOf(store: KnowledgeStore, clauseId: string): string | undefined {
  const c = store.clause(clauseId);
  const doc = c && store.documents.get(c.docId);
  return (c?.part && doc?.parts.find((p) => p.heading === c.part)?.jurisdiction) || doc?.jurisdiction;
}

/** The place's own name without its 区/市/县 (启东市 → 启东): a question word naming it is not part of its topic. */
const placeWord = (p: string) => p.replace(/[区市县]$/u, '');

function targetAnswer(store: KnowledgeStore, question: string, content: string[], jurisdiction: string | null, years: number[]): RecordAnswer | null {
  if (!asksTarget(question)) return null;
  const targets = store.records.filter((r): r is TargetRecord => r.kind === 'target');
  // a unit the question names (五接镇, 南通高新区) narrows to its row; else the 区/县 it names, to its plan
  const units = [...new Set(targets.map((r) => r.place))].filter((p) => question.includes(p));
  const inPlace = (r: TargetRecord) =>
    units.length > 0 ? units.includes(r.place) : jurisdiction === null || jurisdictionOf(store, r.clauseId) === jurisdiction;
  const placeWords = [...units, jurisdiction ?? ''].filter(Boolean).map(placeWord);
  // "到2024年底" sets the target's deadline; "2023年底有多少" asks the state then, which no target gives
  const deadline = BY_DEADLINE.test(question);
  const topic = content.filter((t) => !FRAME.test(t) && !(deadline && DEADLINE_WORDS.test(t)) && !/^20\d\d$/u.test(t) && !placeWords.some((p) => p.includes(t) || t.includes(p)));
  if (topic.length === 0) return null;
  const candidates = targets.filter(inPlace).filter((r) => years.length === 0 || r.year === null || years.includes(r.year));
  const line = (r: TargetRecord) => `${r.place}${r.year ? `${r.year}年` : ''}目标：${r.statement.includes('\t') ? `${r.subject} ${r.figure}` : r.statement}`;
  // "海门那个高企三年行动方案…要多少家": the words naming the plan itself are not what its figure counts
  const naming = new Map<string, string[]>();
  const namingPlan = (r: TargetRecord) => {
    const doc = store.clause(r.clauseId)?.docId ?? '';
    if (!naming.has(doc)) naming.set(doc, titleFragments(comparable(question), comparable(store.documents.get(doc)?.title ?? '')));
    return naming.get(doc)!;
  };
  const scored = candidates
    .map((r) => ({ r, share: held(topic.filter((t) => !namingPlan(r).some((f) => f.includes(t))), `${r.subject} ${r.place}`, true) }))
    .filter((x) => x.share >= 0.99)
    .sort((a, b) => a.r.subject.length - b.r.subject.length);
  if (scored.length > 0) {
    // one figure per clause: the record naming the fewest other things is the one asked about
    const best = scored.filter((x, i) => scored.findIndex((y) => y.r.clauseId === x.r.clauseId) === i).slice(0, 3);
    return { kind: 'target', rows: best.map(({ r }) => ({ clauseId: r.clauseId, line: line(r) })) };
  }
  // two figures asked together ("科创项目要招多少个，里面高企几家") are one sentence's: 180个以上，其中高新技术企业20家
  if ((question.match(/多少|几(?:家|个|项|名|人|件)/gu) ?? []).length < 2) return null;
  const byClause = new Map<string, TargetRecord[]>();
  for (const r of candidates) byClause.set(r.clauseId, [...(byClause.get(r.clauseId) ?? []), r]);
  const together = [...byClause.values()].filter((rs) => rs.length > 1 && held(topic, rs.map((r) => `${r.subject} ${r.place}`).join(' ')) >= 0.99);
  if (together.length === 0) return null;
  return { kind: 'target', rows: together.slice(0, 3).map((rs) => ({ clauseId: rs[0]!.clauseId, line: rs.map(line).join('；') })) };
}

/**
 * Whether a record speaks for the place asked about: its own, or the whole city's (a city task binds every
 * county); never another county's ("启东…归谁管" is not answered by 海门's table).
 */
function speaksFor(store: KnowledgeStore, clauseId: string, jurisdiction: string | null): boolean {
  const own = jurisdictionOf(store, clauseId);
  return jurisdiction === null || own === jurisdiction || own === undefined || coversWholeCity(own);
}

/**
 * Years a question about a place's targets names that none of the place's targets is set for: 海门's plan sets
 * its figures for 2022–2024, so "海门26年的科创项目招引数" has no answer however near another text's words come.
 * Any year of the plan counts (a figure set 每年 holds for each), and the year a figure is due.
 */
export function targetYearsUnset(store: KnowledgeStore, question: string, jurisdiction: string | null): number[] {
  const years = yearsNamed(question);
  if (!jurisdiction || years.length === 0 || !asksTarget(question)) return [];
  const spans = store.records
    .filter((r): r is TargetRecord => r.kind === 'target' && jurisdictionOf(store, r.clauseId) === jurisdiction)
    .flatMap((r) => {
      const c = store.clause(r.clauseId);
      return [...(r.year !== null ? [{ from: r.year, to: r.year }] : []), ...(c ? [periodOf(store, c)] : [])];
    });
  if (spans.length === 0) return [];
  return years.filter((y) => !spans.some((s) => y >= s.from && y <= s.to));
}

/**
 * What a task is called: a table row's heading cells and the sections above it ("(三) 招引培育创新主体 8. 加强科创项目
 * 招引"), or an item's first phrase without its number ("（七）加强知识产权创造。…" → 加强知识产权创造). A row that is
 * a department's duties has no heading: its duties are what it is about.
 */
function titleOf(store: KnowledgeStore, r: TaskRecord): string {
  let title = titles.get(r);
  if (title === undefined) titles.set(r, (title = titleOfTask(store, r)));
  return title;
}

// the records never change once the store is open; every who-leads question reads all their titles
const titles = new WeakMap<TaskRecord, string>();

function titleOfTask(store: KnowledgeStore, r: TaskRecord): string {
  const c = store.clause(r.clauseId);
  if (c?.kind === 'row') {
    const cells = c.text.split('\t');
    const at = cells.findIndex((cell) => comparable(r.task).startsWith(comparable(cell).slice(0, 12)));
    const sections = c.context.split('｜').slice(1).filter((x) => !x.startsWith('列：'));
    const heading = [...sections, ...cells.slice(0, Math.max(0, at))].filter((x) => !/^\d+$/u.test(x.trim())).join(' ');
    return heading.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '') || r.task;
  }
  return r.task.replace(/^\s*(?:[（(][一二三四五六七八九十]+[）)]|\d+\s*[.．、]?)\s*/u, '').split(/[。，；：:]/u)[0]!;
}

/** Like held, each word weighed by its rarity in the texts: 创造 says more of a task than 企业 does. */
function heldByRarity(store: KnowledgeStore, content: string[], text: string): number {
  const hay = comparable(text).toLowerCase();
  const words = content.filter((t) => [...t].length > 1 || /\d/u.test(t));
  const weight = (t: string) => Math.log(1 + store.clauseCount / (store.documentFrequency(t) + 1));
  const total = words.reduce((n, t) => n + weight(t), 0);
  const found = words.filter((t) => hay.includes(t) || synonymsOf(t).some((s) => hay.includes(comparable(s).toLowerCase())));
  return total > 0 ? found.reduce((n, t) => n + weight(t), 0) / total : 0;
}

function taskAnswer(store: KnowledgeStore, question: string, content: string[], jurisdiction: string | null): RecordAnswer | null {
  if (!ASKS_LEAD.test(question)) return null;
  const place = jurisdiction && placeWord(jurisdiction);
  const topic = content.filter((t) => !FRAME.test(t) && !(place && (place.includes(t) || t.includes(place))));
  if (topic.length === 0) return null;
  const matching = store.records
    .filter((r): r is TaskRecord => r.kind === 'task' && speaksFor(store, r.clauseId, jurisdiction))
    .map((r) => ({ r, title: titleOf(store, r) }))
    .map(({ r, title }) => ({ r, title, share: held(topic, `${title} ${r.task}`) }))
    .filter((x) => x.share >= 0.75)
    .map(({ r, title, share }) => ({ r, share, named: heldByRarity(store, topic, title) }));
  // the place's own tasks before the city's: 启东's 科技金融 item, not the city plan's 金融产品 row
  const own = matching.filter((x) => jurisdiction !== null && jurisdictionOf(store, x.r.clauseId) === jurisdiction);
  // among tasks that hold the question alike, the one whose title names it (提升企业研发平台水平) is the one asked about
  const scored = (own.length > 0 ? own : matching).sort((a, b) => b.share - a.share || b.named - a.named);
  if (scored.length === 0) return null;
  const line = (r: TaskRecord) =>
    [r.lead && `牵头部门：${r.lead}`, r.responsible && `责任单位：${r.responsible}`, r.deadline && `时限：${r.deadline}`].filter(Boolean).join('；');
  const [top] = scored;
  const best = scored.filter((x) => x.share === top!.share && x.named >= top!.named - 0.01);
  return { kind: 'task', rows: best.slice(0, 3).map(({ r }) => ({ clauseId: r.clauseId, line: `${r.task.slice(0, 40)}${r.task.length > 40 ? '……' : ''}——${line(r)}` })) };
}

const CN_MONTH = '一二三四五六七八九十';
const QUARTERS: Record<string, [number, number]> = { 一: [1, 3], 二: [4, 6], 三: [7, 9], 四: [10, 12] };

/** The months a question asks about: 6月, 十一月, 四季度 (10–12), 下半年 (7–12); null when it names none. */
function monthsAsked(question: string): [number, number] | null {
  const quarter = /(?:第)?([一二三四1-4])季度/u.exec(question)?.[1];
  if (quarter) return QUARTERS[/\d/u.test(quarter) ? CN_MONTH[Number(quarter) - 1]! : quarter]!;
  if (/上半年/u.test(question)) return [1, 6];
  if (/下半年/u.test(question)) return [7, 12];
  const month = /(\d{1,2}|[一二三四五六七八九十]{1,2})月/u.exec(question)?.[1];
  if (!month) return null;
  const n = /\d/u.test(month) ? Number(month) : CN_MONTH.indexOf(month.slice(-1)) + 1 + (month.length > 1 ? 10 : 0);
  return [n, n];
}

/** The months an activity's date spans: 2023年6月, 2023年7-9月. */
function monthsOf(date: string): [number, number] | null {
  const m = /年\s*(\d{1,2})\s*(?:[-—~～至到]\s*(\d{1,2}))?\s*月/u.exec(date);
  return m ? [Number(m[1]), Number(m[2] ?? m[1])] : null;
}

/**
 * Phrases that ask about an outing rather than which one: every activity of the table is one (外出招商, 去哪, 干什么),
 * and the months are matched apart. A token inside one (干什 of 干什么) is phrasing too.
 */
const OUTING = /外出|出去|去哪儿?|干什么|做什么|[一二三四1-4]?季度|上半年|下半年|\d+月份?/gu;

function activityAnswer(store: KnowledgeStore, question: string, content: string[]): RecordAnswer | null {
  if (!ASKS_ACTIVITY.test(question)) return null;
  const months = monthsAsked(question);
  const phrasing = question.match(OUTING) ?? [];
  const topic = content.filter((t) => !FRAME.test(t) && !/^\d+月?$/u.test(t) && !phrasing.some((p) => p.includes(t)));
  const scored = store.records
    .filter((r): r is ActivityRecord => r.kind === 'activity')
    .filter((r) => {
      const span = months && monthsOf(r.date);
      return months === null || (span !== null && span[0] <= months[1] && span[1] >= months[0]);
    })
    .map((r) => ({ r, share: held(topic, `${r.place} ${r.name} ${r.content} ${r.host} ${r.organiser} ${r.type}`) }))
    .filter((x) => x.share >= 0.75 && (months !== null || x.share >= 0.99))
    .sort((a, b) => b.share - a.share);
  if (scored.length === 0) return null;
  return { kind: 'activity', rows: scored.slice(0, 5).map(({ r }) => ({ clauseId: r.clauseId, line: `${r.date} ${r.place}：${r.name}（主办：${r.host}${r.organiser ? `；承办：${r.organiser}` : ''}）` })) };
}

/** The text a document is made under, as its opening says: 根据《…》（通政办发〔2023〕11号）. */
const MADE_UNDER = /(?:根据|依据|依照)《[^》]+》(?:[（(][^）)]*[）)])?(?:(?:及|和|、)《[^》]+》(?:[（(][^）)]*[）)])?)*/u;

/** A date a text takes effect from: 自2016年1月1日起实施, 自2023年1月1日起. */
const TAKES_EFFECT = /自\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日起(?:施行|实施|执行)?/u;

/**
 * "南通培育特色园区方案的文号", "…是哪天印发的", "依据哪个文件", "从哪天开始施行": a document's 文号 and date from its
 * cover matter, the text it was made under and the date it takes effect from its own words.
 */
function documentAnswer(store: KnowledgeStore, question: string, content: string[]): RecordAnswer | null {
  const number = ASKS_NUMBER.test(question);
  const date = ASKS_DATE.test(question);
  const basis = ASKS_BASIS.test(question);
  const effective = ASKS_EFFECTIVE.test(question);
  if (!number && !date && !basis && !effective) return null;
  // a 文号 the question quotes names its document outright
  const quoted = [...store.documents.values()].filter((d) => d.docNumber && comparable(question).includes(comparable(d.docNumber)));
  const topic = content.filter((t) => !FRAME.test(t) && !/文号|印发|发布|日期|哪天|文件|方案|通知|依据|根据|依照|按照|制定|法律|市里|施行|实施|生效|执行|开始|现行/u.test(t));
  if (topic.length === 0 && quoted.length !== 1) return null;
  const scored = (quoted.length === 1 ? quoted : [...store.documents.values()])
    .map((d) => ({ d, share: quoted.length === 1 ? 1 : held(topic, `${d.title} ${d.shortTitle} ${d.jurisdiction} ${d.docNumber ?? ''}`) }))
    .sort((a, b) => b.share - a.share);
  const [best, next] = scored;
  if (!best || best.share < 0.6 || (next && next.share === best.share)) return null;
  const { d } = best;
  const front = store.clausesOf(d.id).filter((c) => c.kind === 'front');
  const [y, m, day] = d.date.split('-').map(Number);
  const rows: RecordAnswer['rows'] = [];
  const numbered = d.docNumber ? front.find((c) => comparable(c.text).includes(comparable(d.docNumber!))) : undefined;
  if (number && numbered) rows.push({ clauseId: numbered.id, line: `《${d.shortTitle}》文号：${d.docNumber}` });
  const dated = front.find((c) => comparable(c.text) === `${y}年${m}月${day}日`);
  if (date && dated) rows.push({ clauseId: dated.id, line: `《${d.shortTitle}》印发日期：${y}年${m}月${day}日` });
  const grounds = basis ? store.clausesOf(d.id).find((c) => MADE_UNDER.test(c.text)) : undefined;
  if (grounds) rows.push({ clauseId: grounds.id, line: `《${d.shortTitle}》${MADE_UNDER.exec(grounds.text)![0]}` });
  // the text's own words (本办法自2016年1月1日起实施) before a date it sets for one measure
  const effectiveFrom = effective ? store.clausesOf(d.id).filter((c) => TAKES_EFFECT.test(c.text)) : [];
  const takes = effectiveFrom.find((c) => /起(?:施行|实施|执行)/u.test(c.text)) ?? effectiveFrom[0];
  if (takes) rows.push({ clauseId: takes.id, line: `《${d.shortTitle}》${TAKES_EFFECT.exec(takes.text)![0]}` });
  return rows.length > 0 ? { kind: 'document', rows } : null;
}

/**
 * The answer the table records give, when the question is one they answer: which park for a sector and what a
 * named park is for, a place's target for a year, who leads a task and by when, a document's 文号, date, grounds and
 * start, which activity when. Null otherwise (the clauses answer).
 */
export function answerFromRecords(
  store: KnowledgeStore,
  question: string,
  content: string[],
  jurisdiction: string | null,
): RecordAnswer | null {
  const years = yearsNamed(question);
  return (
    parkAnswer(store, question, jurisdiction) ??
    parkByName(store, question, content) ??
    targetAnswer(store, question, content, jurisdiction, years) ??
    taskAnswer(store, question, content, jurisdiction) ??
    documentAnswer(store, question, content) ??
    activityAnswer(store, question, content)
  );
}
