/**
 * How much of a question a clause holds: the question's terms, weighed by rarity and part of speech, and the share of
 * them the clause holds, a synonym counting as a match. Rank fusion finds candidates; coverage decides among them.
 */
import { NATION } from '../places.js';
import type { KnowledgeStore, StoredClause } from '../store/store.js';
import { comparable } from '../text/normalize.js';
import { outsidePlacesNamed } from './jurisdiction.js';
import { clauseHaystack, withinPeriod } from './scope.js';
import { contentWeight, tokenize, wholeWords } from './segment.js';
import { synonymsOf, synonymTermsIn } from './synonyms.js';
import { ANSWER_FRAMES, STOPWORDS } from './terms.js';
import { RANKING_WEIGHTS, type RankingWeights } from './weights.js';

/**
 * Weight of a question token: rarity (a word few clauses use says more about what is asked) times what its
 * part of speech says (a noun names the topic; "几次", "多久" are phrasing).
 */
function weight(store: KnowledgeStore, token: string, weights: RankingWeights): number {
  // rarity of the concept, not of one spelling: 科小 is as common as the 科技型中小企业 the texts write
  const df = Math.max(store.documentFrequency(token), ...synonymsOf(token).map((s) => store.documentFrequency(s)));
  return Math.log(1 + store.clauseCount / (df + 1)) * (ANSWER_FRAMES.has(token) ? weights.answerFrame : contentWeight(token));
}

/**
 * Particles and light verbs that jieba glues onto a word in a question it mis-cuts (表在, 要建, 里算, 法说, 做个),
 * besides the one-character stop words.
 */
const GLUE = new Set([...'的了吗呢吧是有在和与及或对把被给从到为以要会能得着过里还也都就该去来说']);

const isGlue = (ch: string) => GLUE.has(ch) || STOPWORDS.has(ch);

function counts(t: string): boolean {
  return [...t].length > 1 || /\d/u.test(t);
}

export const known = (store: KnowledgeStore, t: string) => store.documentFrequency(t) > 0 || synonymsOf(t).some((s) => store.documentFrequency(s) > 0);

/** One thing a question asks about: a word, weighed once however many of its parts segmentation also emits. */
export interface CoverageTerm {
  token: string;
  weight: number;
  /** the shorter tokens of the question inside it (江海 and 英才 of 江海英才): partial credit where it is absent */
  parts: Array<{ token: string; weight: number }>;
}

/**
 * The question's terms as coverage weighs them. Search-mode segmentation emits a word and its parts (江海英才,
 * 江海, 英才); counting each would weigh that one concept three times, so only the longest tokens are terms and
 * their parts give partial credit. A token no clause uses is a mis-cut with a particle glued on (表在 = 表 + 在),
 * a word around one the corpus knows (设科创 holds 科创) — neither says anything the corpus lacks — or a concept
 * the corpus does not know (申请费, 减缴), which stays and counts against every clause.
 */
export function coverageTerms(store: KnowledgeStore, content: string[], question = '', weights: RankingWeights = RANKING_WEIGHTS, named: readonly string[] = []): CoverageTerm[] {
  // a phrase with another name the texts use (3D打印 → 增材制造) is one term, whatever segmentation made of it; so is
  // a name the caller found in the question (四有), which no clause has as a word of its own
  const tokens = new Set<string>([...synonymTermsIn(question).filter((p) => [...p].length > 1), ...named]);
  for (const t of content) {
    if (!counts(t)) continue;
    if (known(store, t)) {
      tokens.add(t);
      continue;
    }
    // an unknown piece of a longer token (工科 of 理工科) is that token's business
    if (content.some((o) => o !== t && o.includes(t))) continue;
    const chars = [...t];
    // 培养人才 cut as 培养 / 养人 / 人才: a token whose every character belongs to another token is an overlap
    if (chars.every((ch) => content.some((o) => o !== t && known(store, o) && o.includes(ch)))) continue;
    let a = 0;
    let b = chars.length;
    while (a < b && isGlue(chars[a]!)) a++;
    while (b > a && isGlue(chars[b - 1]!)) b--;
    const core = chars.slice(a, b);
    if (core.length < 2 && !/\d/u.test(core.join(''))) continue;
    const variant = store.variantOf(core.join(''));
    if (variant) {
      tokens.add(variant);
      continue;
    }
    const words = knownWordsIn(store, core);
    if (words.length > 0) words.forEach((w) => tokens.add(w));
    else tokens.add(core.join(''));
  }
  const list = [...tokens];
  return wholeWords(list)
    .map((t) => ({
      token: t,
      weight: weight(store, t, weights),
      parts: list.filter((o) => o !== t && t.includes(o)).map((o) => ({ token: o, weight: weight(store, o, weights) })),
    }));
}

/**
 * How long a word of the corpus can be, in characters: its longest is 13 (全国人民代表大会常务委员会). Without a bound, a long
 * unknown run (5,000 pasted letters) is looked up at every length from every start, and one lookup takes half a second.
 */
const LONGEST_WORD = 24;

/** The longest words of two or more characters the corpus uses inside an unknown token, left to right. */
function knownWordsIn(store: KnowledgeStore, chars: string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < chars.length; ) {
    let len = Math.min(chars.length - i, LONGEST_WORD);
    while (len >= 2 && store.documentFrequency(chars.slice(i, i + len).join('')) === 0) len--;
    if (len >= 2) {
      found.push(chars.slice(i, i + len).join(''));
      i += len;
    } else i++;
  }
  return found;
}

function inClause(c: StoredClause, hay: string, t: string): boolean {
  return c.tokens.has(t) || hay.includes(t) || synonymsOf(t).some((s) => hay.includes(comparable(s).toLowerCase()));
}

/** How much of each term the clause holds (1 whole, a share of its parts, or 0), counting a synonym as a match. */
export function heldShares(store: KnowledgeStore, c: StoredClause, terms: CoverageTerm[]): number[] {
  const hay = clauseHaystack(store, c);
  // a national text speaks for every place: 深圳 in the question is not missing from it (placesOutOfScope rules)
  const everywhere = store.documents.get(c.docId)?.jurisdiction === NATION;
  return terms.map((t) => {
    if (inClause(c, hay, t.token) || (everywhere && outsidePlacesNamed(t.token).length > 0) || withinPeriod(store, c, t.token)) return 1;
    const all = t.parts.reduce((n, p) => n + p.weight, 0);
    return all > 0 ? t.parts.reduce((n, p) => n + (inClause(c, hay, p.token) ? p.weight : 0), 0) / all : 0;
  });
}

/** Weighted share of the question's terms found in the clause, counting a synonym as a match. */
export function coverageOf(store: KnowledgeStore, c: StoredClause, terms: CoverageTerm[]): number {
  const total = terms.reduce((n, t) => n + t.weight, 0);
  if (total === 0) return 0;
  return heldShares(store, c, terms).reduce((n, share, i) => n + share * terms[i]!.weight, 0) / total;
}
