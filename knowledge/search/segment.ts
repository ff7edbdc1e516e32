import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { nfkc } from '../text/normalize.js';
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

/**
 * Tokens for indexing and querying: search-mode segmentation (a long word and its parts: 南通市 → 南通, 南通市),
 * lower-cased, punctuation and white space dropped.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const t of segmenter().cutForSearch(nfkc(text), true)) {
    const token = t.trim().toLowerCase();
    if (token && WORD.test(token)) out.push(token);
  }
  return out;
}
