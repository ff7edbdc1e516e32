import type { KnowledgeStore, StoredClause } from '../../../knowledge/store/store.js';
import { contentHash, type EmbeddingCache } from './cache.js';

/** A clause as it is embedded: where it sits and what it says; very long tables are cut (models cap their input). */
export function clauseEmbeddingText(clause: StoredClause): string {
  return [clause.path, clause.context, clause.fullText].filter(Boolean).join('\n').slice(0, 1500);
}

function unit(v: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(v);
  let norm = 0;
  for (const x of out) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}

export interface DenseBuild {
  index: DenseIndex;
  /** distinct clause texts sent to the model in this build (clauses with the same text share one vector) */
  embedded: number;
  /** distinct clause texts found in the cache */
  cached: number;
}

/** Every clause's vector, held in memory (under a thousand clauses); nearest by cosine similarity. */
export class DenseIndex {
  private constructor(private readonly ids: string[], private readonly vectors: Float32Array[]) {}

  /**
   * Embeds the clauses the cache does not already hold, in batches, and stores them. `embedBatch` is where the
   * caller puts its time limit and retries.
   */
  static async build(
    store: KnowledgeStore,
    model: string,
    cache: EmbeddingCache,
    embedBatch: (texts: string[]) => Promise<number[][]>,
    batchSize = 64,
  ): Promise<DenseBuild> {
    const clauses = [...store.clauses.values()];
    const texts = clauses.map(clauseEmbeddingText);
    const hashes = texts.map(contentHash);
    const vectors = new Map<string, Float32Array>();
    const missing = new Map<string, string>();
    hashes.forEach((hash, i) => {
      if (vectors.has(hash) || missing.has(hash)) return;
      const cached = cache.get(model, hash);
      if (cached) vectors.set(hash, cached);
      else missing.set(hash, texts[i]!);
    });
    const toEmbed = [...missing].map(([hash, text]) => ({ hash, text }));
    for (let start = 0; start < toEmbed.length; start += batchSize) {
      const batch = toEmbed.slice(start, start + batchSize);
      const out = await embedBatch(batch.map((m) => m.text));
      if (out.length !== batch.length) throw new Error(`the embeddings model returned ${out.length} vectors for ${batch.length} texts`);
      cache.putMany(model, batch.map((m, j) => ({ hash: m.hash, vector: out[j]! })));
      batch.forEach((m, j) => vectors.set(m.hash, Float32Array.from(out[j]!)));
    }
    const index = new DenseIndex(clauses.map((c) => c.id), hashes.map((h) => unit(vectors.get(h)!)));
    return { index, embedded: toEmbed.length, cached: vectors.size - toEmbed.length };
  }

  /** The clause ids nearest the query vector, best first. */
  nearest(query: ArrayLike<number>, n: number): string[] {
    const q = unit(query);
    const scored = this.vectors.map((v, i) => {
      let dot = 0;
      for (let j = 0; j < v.length && j < q.length; j++) dot += v[j]! * q[j]!;
      return { id: this.ids[i]!, dot };
    });
    scored.sort((a, b) => b.dot - a.dot);
    return scored.slice(0, n).map((s) => s.id);
  }
}
