import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Knowledge, Retrieval } from '../../../knowledge/index.js';
import type { RetrieveOptions } from '../../../knowledge/search/retrieve.js';
import type { LlmEventSink } from '../events.js';
import { asModelFailure, callWithRetry, type RetryPolicy } from '../resilient-call.js';
import type { EmbeddingCache } from './cache.js';
import { DenseIndex } from './dense-index.js';
import { fuseDense, type FusionOptions } from './fusion.js';

/** How many candidates each list brings to the fusion. */
const CANDIDATES = 20;
/** A failed index build is tried again after this long, not on every turn. */
const REBUILD_AFTER_MS = 60_000;
/** Index batches are background work, not a user waiting: they get a few turns' worth of time each. */
const BATCH_TIME_FACTOR = 4;
/** The query's embedding may use this share of the turn's time; a slow embeddings endpoint must not starve the chat call. */
const QUERY_TIME_SHARE = 0.25;

export interface DenseRetrievalOptions {
  knowledge: Knowledge;
  embeddings: EmbeddingsInterface;
  /** the model's name, part of the cache key: two models' vectors never mix */
  model: string;
  cache: EmbeddingCache;
  timeoutMs: number;
  fusion: Omit<FusionOptions, 'k'>;
  retry?: RetryPolicy;
  onEvent: LlmEventSink;
}

/**
 * Dense retrieval over the clauses, fused with the lexical retriever. The clause index is built lazily in the
 * background (from the cache where it can be); until it is ready, or when the model fails, retrieval is
 * lexical only, as it is with no embeddings model configured.
 */
export class DenseRetrieval {
  private index: DenseIndex | null = null;
  private building: Promise<DenseIndex | null> | null = null;
  private failedAt = -Infinity;

  constructor(private readonly options: DenseRetrievalOptions) {}

  /** Builds the clause index if it is not built or being built; resolves null when the model failed. */
  warm(): Promise<DenseIndex | null> {
    if (this.index) return Promise.resolve(this.index);
    if (this.building) return this.building;
    if (Date.now() - this.failedAt < REBUILD_AFTER_MS) return Promise.resolve(null);
    const { knowledge, embeddings, model, cache, timeoutMs, retry, onEvent } = this.options;
    const started = performance.now();
    this.building = DenseIndex.build(knowledge.store, model, cache, (texts) =>
      callWithRetry(() => embeddings.embedDocuments(texts), AbortSignal.timeout(timeoutMs * BATCH_TIME_FACTOR), retry),
    ).then(
      (built) => {
        this.index = built.index;
        onEvent({ task: 'embeddings', outcome: 'used', detail: `${built.embedded} embedded, ${built.cached} cached`, ms: performance.now() - started });
        return built.index;
      },
      (e: unknown) => {
        this.failedAt = Date.now();
        const f = asModelFailure(e);
        onEvent({ task: 'embeddings', outcome: 'fallback', reason: f.reason, detail: `clause index: ${f.detail}`, ms: performance.now() - started });
        return null;
      },
    ).finally(() => {
      this.building = null;
    });
    return this.building;
  }

  /**
   * The question's retrieval with the dense ranking fused in; null when there is no index yet (a build is then
   * started for later turns) or the question could not be embedded in time. Throws nothing.
   */
  async retrieve(question: string, options: RetrieveOptions, signal: AbortSignal): Promise<Retrieval | null> {
    const index = this.index;
    if (!index) {
      void this.warm();
      return null;
    }
    const { knowledge, embeddings, retry, onEvent, fusion } = this.options;
    const started = performance.now();
    try {
      const limit = AbortSignal.any([signal, AbortSignal.timeout(this.options.timeoutMs * QUERY_TIME_SHARE)]);
      const vector = await callWithRetry(() => embeddings.embedQuery(question), limit, retry);
      const lexical = knowledge.retrieve(question, { ...options, k: CANDIDATES });
      return fuseDense(knowledge.store, lexical, index.nearest(vector, CANDIDATES), { ...fusion, k: options.k ?? 5 });
    } catch (e) {
      const f = asModelFailure(e);
      onEvent({ task: 'embeddings', outcome: 'fallback', reason: f.reason, detail: `query: ${f.detail}`, ms: performance.now() - started });
      return null;
    }
  }
}
