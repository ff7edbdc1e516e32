import { queryTerms } from '../search/retrieve.js';
import { contentWeight } from '../search/segment.js';
import { synonymsOf } from '../search/synonyms.js';
import type { KnowledgeStore } from '../store/store.js';
import { KNOWN_JURISDICTIONS } from './jurisdictions.js';
import { matchable } from './topics.js';

/** A word of the question that says what it is about, with how much it says. */
export interface Term {
  token: string;
  /** the token and its other names, in matchable form */
  forms: string[];
  /** for a two-character token: its characters with up to two between them (环保 → 环境保护) */
  spelledOut: RegExp | null;
  weight: number;
}

/**
 * How callers ask to be routed rather than what about: "哪个部门负责", "找谁对接", "归谁管". A clause names a
 * responsible unit whatever the topic, so these words would match every task equally.
 */
const ROUTING_WORDS = new Set([
  '部门', '单位', '负责', '负责人', '牵头', '主管', '归口', '找谁', '问谁', '对接', '联系', '咨询', '反映', '投诉', '办理',
  '承办', '主办', '组织', '操办', '谁来', '由谁', '是谁', '哪家', '帮忙', '办的', '管理', '机构', '工作',
]);

/**
 * Conversation around the topic ("不太会弄", "有没有", "拿到…以后"): words the corpus rarely uses, so rarity
 * alone would weigh them as if they named the topic.
 */
const CHAT_WORDS = new Set([
  '没有', '有没有', '不太会', '太会', '不会', '会不会', '拿到', '以后', '之后', '然后', '以前', '的话', '这块', '这边', '那边',
  '准备', '打算', '要查', '一下', '现在', '已经', '不太', '这种', '那种', '这样', '那样', '怎么弄', '弄', '具体', '我们',
]);

/** A two-character word a text may spell out in full: 环保 in 环境保护, 市监 in 市场监督. Worth less than the word itself. */
const ABBREVIATION_CREDIT = 0.7;

/** Names of places: they choose the jurisdiction, they are not the topic. */
const PLACE_WORDS = new Set(
  KNOWN_JURISDICTIONS.flatMap((j) => [j, j.slice(0, 2)]).concat(['区', '市', '县', '镇', '区里', '市里', '全市', '全区', '我市', '我区']),
);

/**
 * The topic words of a question, each weighted by rarity in the corpus (a word few clauses use says more) and by
 * part of speech (nouns name topics; verbs half). Single characters other than digits say too little to count.
 */
export function questionTerms(store: KnowledgeStore, question: string): Term[] {
  const terms: Term[] = [];
  const tokens = queryTerms(question).content;
  for (const token of tokens) {
    if (ROUTING_WORDS.has(token) || CHAT_WORDS.has(token) || PLACE_WORDS.has(token)) continue;
    // 安全事故, which no clause uses, is 安全 + 事故, which the question also holds: counting it too would let
    // the made-up compound outweigh the words it is made of
    if (store.documentFrequency(token) === 0 && composedOf(token, tokens.filter((t) => t !== token))) continue;
    const chars = [...token];
    if (chars.length < 2 && !/\d/u.test(token)) continue;
    const weight = Math.log(1 + store.clauseCount / (store.documentFrequency(token) + 1)) * contentWeight(token);
    const spelledOut = chars.length === 2 && /\p{Script=Han}{2}/u.test(token) ? new RegExp(`${chars[0]}[^，。；]{1,2}${chars[1]}`, 'u') : null;
    terms.push({ token, forms: [token, ...synonymsOf(token)].map(matchable), spelledOut, weight });
  }
  return terms;
}

/** Whether a word can be spelled as a sequence of the given words. */
function composedOf(word: string, parts: string[]): boolean {
  const reachable = new Array<boolean>(word.length + 1).fill(false);
  reachable[0] = true;
  for (let i = 0; i < word.length; i++) {
    if (!reachable[i]) continue;
    for (const p of parts) if (p && word.startsWith(p, i)) reachable[i + p.length] = true;
  }
  return reachable[word.length]!;
}

/** Weighted share of the question's terms that a text contains (by any of a term's names): 0..1. */
export function coverage(terms: Term[], haystack: string): number {
  let total = 0;
  let found = 0;
  for (const t of terms) {
    total += t.weight;
    if (t.forms.some((f) => haystack.includes(f))) found += t.weight;
    else if (t.spelledOut?.test(haystack)) found += t.weight * ABBREVIATION_CREDIT;
  }
  return total === 0 ? 0 : found / total;
}
