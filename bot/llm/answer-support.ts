import { taggedWords, tokenize } from '../../knowledge/search/segment.js';
import { synonymsOf } from '../../knowledge/search/synonyms.js';
import { comparable } from '../../knowledge/text/normalize.js';
import { toSimplified } from '../../knowledge/text/traditional.js';
import { unsupportedFigures } from './numbers.js';

/**
 * Parts of speech that word a sentence rather than state its content (numerals are checked as figures with their
 * units; pronouns, adverbs, prepositions, conjunctions, particles, locatives, punctuation).
 */
const PHRASING = /^(?:m|q|mq|r|rz|rr|d|p|c|u|uj|ul|ud|ug|uv|uz|y|e|o|f|b|k|h|x|w|zg)$/u;
const NOUN = /^(?:n|nr|ns|nt|nz|nrt|nrfg|ng|j|l|vn|an|eng|i)$/u;

/**
 * Words any faithful summary of a clause uses to frame it ("根据…规定", "要求如下", "具体包括"). They say how the
 * clause is presented, never what it grants or who qualifies, so they need no support of their own.
 */
const FRAMING = new Set([
  '根据', '依据', '按照', '规定', '条款', '原文', '要求', '包括', '如下', '以下', '下列', '需要', '应当', '必须', '相关', '具体',
  '其中', '明确', '指出', '提到', '说明', '主要', '分别', '此外', '另外', '同时', '以及', '或者', '并且', '方面', '内容', '上述',
  '前述', '注意', '参见', '详见', '政策', '文件', '有关', '所述', '列出', '其他', '其余', '情况', '条件', '编号', '目标',
  '举办', '举行',
]);

/**
 * Grammatical first and second person: a sentence with one speaks about the asker (你们公司, 贵司, 您的企业,
 * 我们, 咱们, 本公司), which no clause does. 我市/我区/我省/我国 are the documents' own voice.
 */
const PERSON = /你|您|咱|贵(?:司|公司|企业|单位|方)|我(?![市区省国县])|本(?:公司|企业|单位)|[敝]司/u;

/** Predicates of eligibility and status: who qualifies, passed, may apply, holds a title. */
const STATUS = /符合|满足|够格|达到|达标|具备|通过|认定|申报|申请|享受|入库|入选|资格|合格|获批/u;
/** What a rule says an applicant must do: wording of the rule, not a claim about anyone. */
const OBLIGATION = new Set(['需', '需要', '须', '必须', '应', '应当', '同时', '并', '且', '还', '均', '另']);

export interface SentenceProblem {
  sentence: string;
  problem: string;
}

/** An answer's sentences, list markers (1. / （一）) dropped. */
export function sentencesOf(answer: string): string[] {
  return answer
    .split(/[。！？!?；;\n]+/u)
    .map((s) => s.replace(/^\s*(?:\d+[.、．)）]|[（(][一二三四五六七八九十\d]+[)）])\s*/u, '').trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** The form words are looked up in: simplified script, NFKC, no white space, lower case. */
const form = (text: string) => toSimplified(comparable(text)).toLowerCase();

/**
 * A status predicate used as a claim rather than as the rule's wording: in its phrase nothing names who it is
 * about (no noun before it), it is not describing a noun (符合条件的企业), and something besides an obligation
 * asserts it (已被认定, 可以申报, 完全够格) — or the phrase is the bare predicate ("结论：符合").
 */
function statusClaim(phrase: Array<{ word: string; tag: string }>): boolean {
  for (let i = 0; i < phrase.length; i++) {
    if (!STATUS.test(phrase[i]!.word)) continue;
    const before = phrase.slice(0, i);
    if (before.some((w) => NOUN.test(w.tag))) continue;
    const rest = phrase.slice(i + 1);
    const ofIndex = rest.findIndex((w) => w.word === '的');
    if (ofIndex >= 0 && rest.slice(ofIndex + 1).some((w) => NOUN.test(w.tag))) continue;
    const asserted = before.some((w) => !OBLIGATION.has(w.word));
    if (asserted || (before.length === 0 && rest.every((w) => NOUN.test(w.tag) || STATUS.test(w.word)))) return true;
  }
  return false;
}

function statedIn(word: string, sources: string): boolean {
  return FRAMING.has(word) || sources.includes(word) || synonymsOf(word).some((s) => sources.includes(form(s)));
}

/** A word the clauses state, or one jieba joined from parts they state (符合要求 from 符合 and 要求). */
function supportedWord(word: string, sources: string): boolean {
  if (statedIn(word, sources)) return true;
  const parts = tokenize(word).filter((p) => p !== word && [...p].length >= 2);
  return parts.length > 0 && parts.join('').length >= word.length && parts.every((p) => statedIn(p, sources));
}

/**
 * Why one sentence of a model's answer is not the cited clauses' to say, or null when it is: every figure with
 * its unit, and every content word (nouns, names, verbs, adjectives — or one of their synonyms), stated by the
 * clauses; nothing said about the asker; no status asserted. A sentence that is a verbatim part of a clause is
 * the clause's own and passes whatever it says.
 */
export function sentenceProblem(sentence: string, sources: string[]): string | null {
  const text = form(sources.join('\n'));
  const own = form(sentence);
  if (text.includes(own)) return null;
  const figures = unsupportedFigures(sentence, sources);
  if (figures.length > 0) return `figure ${figures.join(', ')} is in no cited clause`;
  const words = taggedWords(sentence).map((w) => ({ word: w.word.toLowerCase(), tag: w.tag }));
  const phrases: Array<Array<{ word: string; tag: string }>> = [[]];
  for (const w of words) {
    if (/^[，,：:、（）()“”"]$/u.test(w.word)) phrases.push([]);
    else phrases.at(-1)!.push(w);
  }
  // a phrase quoted from a clause is the clause's voice ("现印发给你们"), not the model's
  const ownPhrases = phrases.map((p) => p.map((w) => w.word).join('')).filter((p) => p !== '' && !text.includes(form(p)));
  if (ownPhrases.some((p) => PERSON.test(p))) return 'it speaks about the asker';
  const unsupported = words.find((w) => [...w.word].length >= 2 && !PHRASING.test(w.tag) && !supportedWord(form(w.word), text));
  if (unsupported) return `“${unsupported.word}” is in no cited clause`;
  const claim = phrases.find((p) => statusClaim(p) && !text.includes(form(p.map((w) => w.word).join(''))));
  if (claim) return 'it states the asker’s status';
  return null;
}

/** The first sentence of `answer` the sources do not support, or null when they support every one. */
export function unsupportedSentence(answer: string, sources: string[]): SentenceProblem | null {
  for (const sentence of sentencesOf(answer)) {
    const problem = sentenceProblem(sentence, sources);
    if (problem) return { sentence, problem };
  }
  return null;
}
