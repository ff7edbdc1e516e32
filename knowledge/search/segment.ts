import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { nfkc } from '../text/normalize.js';
import { toSimplified } from '../text/traditional.js';
import { POLICY_TERMS } from './terms.js';

const require = createRequire(import.meta.url);
let jieba: Jieba | null = null;

/** jieba with the default dictionary plus the policy vocabulary; loaded once, on first use (~0.2 s). */
function segmenter(): Jieba {
  if (!jieba) {
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = JiebaClass.withDict(dict);
    // a high frequency makes the segmenter keep each term whole
    jieba.loadDict(Buffer.from(POLICY_TERMS.map((t) => `${t} 200000 n`).join('\n')));
  }
  return jieba;
}

const WORD = /[\p{L}\p{N}]/u;

// Parts of speech that carry what a question is about (nouns, names, places, idioms, English) weigh fully;
// verbs and adjectives half; numerals, measure words, pronouns, adverbs and particles — the phrasing — little.
const CONTENT_TAGS = /^(n|nr|ns|nt|nz|nrt|nrfg|l|vn|eng|j|i|an)$/u;
const PHRASING_TAGS = /^(m|q|mq|d|r|b|f|p|c|u|y|e|o|uj|ul|ud|ug|uv|uz|zg|rz|rr|k|h)$/u;
const posWeights = new Map<string, number>();

const YEAR = /^(?:19|20)\d\d$/u;

/**
 * How much a token can say about a question's topic, from its part of speech (1, 0.5 or 0.15). A year is a
 * numeral, but it scopes the question ("到2027年", "2025年的奖励"), so it weighs as a noun.
 */
export function contentWeight(token: string): number {
  if (YEAR.test(token)) return 1;
  let w = posWeights.get(token);
  if (w === undefined) {
    const tags = segmenter().tag(token, true).map((t) => t.tag);
    w = tags.some((t) => CONTENT_TAGS.test(t)) ? 1 : tags.every((t) => PHRASING_TAGS.test(t)) ? 0.15 : 0.5;
    posWeights.set(token, w);
  }
  return w;
}

/**
 * Where precise-mode segmentation puts word boundaries in a text (character offsets, 0 and the length included),
 * so a phrase can be required to start and end on one: 通信 is not a word of 智慧交通信号.
 */
export function wordBoundaries(text: string): Set<number> {
  const out = new Set<number>([0]);
  let at = 0;
  for (const w of segmenter().cut(text, true)) out.add((at += w.length));
  // the segmenter gives the text back whole; should it not, every offset is a boundary rather than none
  if (at !== text.length) for (let i = 0; i <= text.length; i++) out.add(i);
  return out;
}

/**
 * Tokens for indexing and querying: search-mode segmentation (a long word and its parts: 南通市 → 南通, 南通市),
 * lower-cased, punctuation and white space dropped.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const t of segmenter().cutForSearch(toSimplified(nfkc(text)), true)) {
    const token = t.trim().toLowerCase();
    if (token && WORD.test(token)) out.push(token);
  }
  return out;
}

/** The whole words among tokens: search mode also gives a word's parts (研发费用 → 研发, 费用), which the whole word says. */
export function wholeWords(tokens: readonly string[]): string[] {
  return tokens.filter((t) => !tokens.some((o) => o !== t && o.includes(t)));
}

/**
 * The words of a text as jieba reads them (accurate mode, simplified script, NFKC), each with its part of
 * speech, punctuation included (tag x): what a sentence says, word by word, for checks that read it closely.
 */
export function taggedWords(text: string): Array<{ word: string; tag: string }> {
  return segmenter()
    .tag(toSimplified(nfkc(text)), true)
    .map((t) => ({ word: t.word.trim(), tag: t.tag }))
    .filter((t) => t.word !== '');
}
