import { Embeddings } from '@langchain/core/embeddings';
import { comparable } from '../../../knowledge/text/normalize.js';
import { toSimplified } from '../../../knowledge/text/traditional.js';

/** 32-bit FNV-1a: a fixed, dependency-free hash, so the same text always lands in the same buckets. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Character n-grams weigh more as they grow: a bigram (研发) carries a word, a single character rarely does. */
const NGRAM_WEIGHTS: Array<[n: number, weight: number]> = [[1, 0.3], [2, 1], [3, 1]];

/**
 * A deterministic stand-in for an embeddings model: hashed character 1–3-grams folded into a fixed vector
 * (signed feature hashing, log-scaled counts, unit length). No weights, nothing downloaded — it lets the dense
 * retrieval and fusion path run, and be measured, on any machine; a real model replaces it by configuration.
 */
export class HashedNgramEmbeddings extends Embeddings {
  constructor(readonly dimensions = 512) {
    super({});
  }

  vector(text: string): number[] {
    const chars = [...toSimplified(comparable(text)).toLowerCase()].filter((c) => /[\p{L}\p{N}]/u.test(c));
    const counts = new Map<number, number>();
    for (const [n, weight] of NGRAM_WEIGHTS) {
      for (let i = 0; i + n <= chars.length; i++) {
        const h = fnv1a(`${n}:${chars.slice(i, i + n).join('')}`);
        const slot = h % this.dimensions;
        // the top bit picks a sign, so unrelated n-grams sharing a slot tend to cancel rather than add up
        const signed = h & 0x80000000 ? -weight : weight;
        counts.set(slot, (counts.get(slot) ?? 0) + signed);
      }
    }
    const v = new Array<number>(this.dimensions).fill(0);
    for (const [slot, c] of counts) v[slot] = Math.sign(c) * Math.log1p(Math.abs(c));
    const norm = Math.hypot(...v);
    return norm === 0 ? v : v.map((x) => x / norm);
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.vector(t));
  }

  override async embedQuery(text: string): Promise<number[]> {
    return this.vector(text);
  }
}
