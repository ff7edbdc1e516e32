import { CHECK_OFFER, noticesFor } from '../knowledge/answer.js';
import { openKnowledge, withAnswerers, type Answerer, type Knowledge } from '../knowledge/index.js';
import { answerKindsOf } from '../knowledge/search/answer-kind.js';
import { outsidePlacesNamed } from '../knowledge/search/jurisdiction.js';
import { evaluate } from '../rules/evaluate.js';
import { REGIONS, type Facts } from '../rules/facts/schema.js';

/** "高企有什么好处", "科小有哪些优惠政策": what being one brings, in general words (not an amount, year or place beyond 南通). */
const ASKS_BENEFITS = /好处|有什么优惠|哪些优惠|什么优惠|优惠政策|有什么用|有啥用|(?:能|可以)?享受(?:什么|哪些|啥)|有什么支持|哪些支持|有(?:什么|哪些|啥)政策|福利/u;

/** What the asker would be: the fact that makes the rules' benefits apply. */
const STATUSES: Array<{ names: RegExp; title: string; facts: Facts; check: string }> = [
  { names: /高企|高新技术企业/u, title: '高新技术企业', facts: { hnteCertified: true }, check: '高新技术企业' },
  { names: /科小|科技型中小企业/u, title: '评价入库的科技型中小企业', facts: { techSmeRegistered: true }, check: '科技型中小企业' },
  { names: /培育库|小升高/u, title: '南通市高企培育库入库企业', facts: { inCultivationPool: true }, check: '高企培育库' },
];

/**
 * The benefits the rules' benefits module gives a 高企 (科小, 培育库 enterprise), each with its clause, its place
 * and its standing (适用 / 视情况), and the offer of the check. Null for any other question.
 */
export function benefitsAnswerer(knowledge: Knowledge): Answerer {
  return (question, options) => {
    if (!ASKS_BENEFITS.test(question) || answerKindsOf(question).length > 0 || /20\d\d/u.test(question) || outsidePlacesNamed(question).length > 0) return null;
    const status = STATUSES.find((s) => s.names.test(question));
    if (!status) return null;
    const region = REGIONS.find((r) => r !== '市外' && question.includes(r.replace(/[区市县]$/u, ''))) ?? (REGIONS as readonly string[]).find((r) => r === options.jurisdiction);
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const facts = { ...status.facts, ...(region ? { region } : {}) } as Facts;
    const benefits = evaluate(facts, today).benefits.filter((b) => b.status !== 'no');
    const log = () => {};
    const cited = benefits
      .map((b) => ({ b, citations: knowledge.verify(b.cites.map((c) => knowledge.resolve(c)), log) }))
      .filter((x) => x.citations.length > 0);
    if (cited.length === 0) return null;
    const citations = cited.flatMap((x) => x.citations).filter((c, i, all) => all.findIndex((o) => o.clauseId === c.clauseId && o.quote === c.quote) === i);
    const notices = noticesFor(citations, today);
    const lines = cited.map(({ b }) => `· ${b.title}（${b.jurisdiction}；${b.status === 'applies' ? '适用' : '视情况'}）：${b.reason}`);
    const answer = [
      `按现有文件，${status.title}${region ? `（${region}）` : ''}可能享受的政策（“适用”是文件直接给予的，“视情况”还取决于所在地区或其他条件）：`,
      ...lines,
      ...notices.map((n) => `注：${n}`),
      CHECK_OFFER.replace('以上是条款原文。', '').replace('是否符合', `能否成为${status.check}`),
    ].join('\n');
    return { query: question, covered: true, answer, citations, related: [], notices };
  };
}

/** The knowledge layer with the answers the rules give: what the commands that answer users open. */
export function openLookupKnowledge(options: { dataDir: string }): Knowledge {
  const knowledge = openKnowledge(options);
  return withAnswerers(knowledge, [benefitsAnswerer(knowledge)]);
}
