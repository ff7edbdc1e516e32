import type { ChatOpenAI } from '@langchain/openai';
import { join } from 'node:path';
import type { AskResult, Knowledge, Retrieval } from '../../knowledge/index.js';
import type { RetrieveOptions } from '../../knowledge/search/retrieve.js';
import type { DialogDeps } from '../dialog/engine.js';
import type { FactsRecord } from '../dialog/facts.js';
import type { Input } from '../dialog/message.js';
import type { DialogState } from '../dialog/state.js';
import type { Proposal } from '../understand/extract.js';
import { llmConfigFromEnv, type LlmConfig } from './config.js';
import { EmbeddingCache } from './embeddings/cache.js';
import { DenseRetrieval } from './embeddings/dense-retrieval.js';
import type { LlmEvent, LlmEventSink, LlmTask } from './events.js';
import { extractFactsWithModel } from './fact-extraction.js';
import { groundedAnswer } from './grounded-answer.js';
import { chatModel, embeddingsModel } from './models.js';
import { asModelFailure, type RetryPolicy } from './resilient-call.js';
import { prepareTurn, type TurnAids, type TurnModel, type TurnPreparer } from './turn-aids.js';

/** How many clauses a grounded answer is drafted from. */
export const SHOWN_CLAUSES = 5;
/**
 * How the dense ranking is fused with the lexical one. The lexical order already carries coverage, jurisdiction
 * and structure; with the usual constant (60) ranks 1 and 5 score nearly alike and a dense vote reshuffles that
 * order (recall@1 0.87 → 0.69 on the dev half with the stand-in). A small constant keeps the lexical top ranks
 * apart, so the dense list adds candidates and breaks near-ties. Chosen on the dev half (bench/llm.ts).
 */
export const FUSION = { rrfK: 2, denseWeight: 0.25 };

export interface LlmAssistantOptions {
  knowledge: Knowledge;
  /** the data directory (TONGCE_DATA_DIR): embeddings.db is kept there */
  dataDir: string;
  /** where fallbacks are reported; by default a line on stderr for each */
  onEvent?: LlmEventSink;
  retry?: RetryPolicy;
}

/** A fallback is worth a log line: a model that keeps failing is a configuration to look at. */
function stderrFallbacks(event: LlmEvent): void {
  if (event.outcome === 'fallback') process.stderr.write(`tongce llm: ${event.task} fell back (${event.reason}: ${event.detail ?? ''})\n`);
}

/**
 * The optional language model in one place: it reads facts from free text (proposals the user confirms),
 * words lookups from retrieved clauses (shown only when every citation and figure checks out), and ranks
 * clauses by embeddings. Every method settles within the time limit and never throws: on any failure the
 * deterministic path answers, as it would with no model configured.
 */
export class LlmAssistant implements TurnModel, TurnPreparer {
  readonly timeoutMs: number;
  private readonly chat: ChatOpenAI;
  private readonly dense: DenseRetrieval | null;
  private readonly cache: EmbeddingCache | null;
  private readonly onEvent: LlmEventSink;

  constructor(readonly config: LlmConfig, private readonly options: LlmAssistantOptions) {
    this.timeoutMs = config.timeoutMs;
    this.chat = chatModel(config);
    this.onEvent = options.onEvent ?? stderrFallbacks;
    this.cache = config.embeddingsModel ? EmbeddingCache.open(join(options.dataDir, 'embeddings.db')) : null;
    this.dense =
      config.embeddingsModel && this.cache
        ? new DenseRetrieval({
            knowledge: options.knowledge,
            embeddings: embeddingsModel({ ...config, embeddingsModel: config.embeddingsModel }),
            model: config.embeddingsModel,
            cache: this.cache,
            timeoutMs: config.timeoutMs,
            fusion: FUSION,
            ...(options.retry ? { retry: options.retry } : {}),
            onEvent: this.onEvent,
          })
        : null;
  }

  /** Builds the dense clause index now rather than on the first lookup; false when there is none to build or it failed. */
  async warmUp(): Promise<boolean> {
    return (await this.dense?.warm()) != null;
  }

  private async attempt<T>(task: LlmTask, fallback: T, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const result = await work();
      this.onEvent({ task, outcome: 'used', ms: performance.now() - started });
      return result;
    } catch (e) {
      const f = asModelFailure(e);
      this.onEvent({ task, outcome: 'fallback', reason: f.reason, detail: f.detail, ms: performance.now() - started });
      return fallback;
    }
  }

  /** Facts the model reads in a message, as proposals; [] when it fails or runs out of time. */
  proposeFacts(text: string, today: string, signal: AbortSignal): Promise<Proposal[]> {
    return this.attempt('facts', [], () => extractFactsWithModel(this.chat, text, today, signal, this.options.retry));
  }

  /**
   * A lookup worded by the model from the clauses retrieved for it; null (the caller gives the extractive
   * answer) when the corpus does not cover the question — the model is not asked then — or the draft fails.
   */
  async groundedAnswer(question: string, options: RetrieveOptions, today: string, signal: AbortSignal): Promise<AskResult | null> {
    const { knowledge } = this.options;
    const retrieval: Retrieval =
      (await this.dense?.retrieve(question, { ...options, k: SHOWN_CLAUSES }, signal)) ?? knowledge.retrieve(question, { ...options, k: SHOWN_CLAUSES });
    if (!retrieval.covered || retrieval.hits.length === 0) return null;
    return this.attempt('answer', null, () => groundedAnswer(knowledge, this.chat, retrieval, today, signal, this.options.retry));
  }

  /** `tongce ask` with the model: the grounded answer if it passes in time, else the extractive one. */
  async ask(question: string, options: RetrieveOptions = {}, today = new Date().toISOString().slice(0, 10)): Promise<AskResult> {
    const grounded = await this.groundedAnswer(question, options, today, AbortSignal.timeout(this.timeoutMs));
    return grounded ?? { ...this.options.knowledge.ask(question, options), source: 'extractive' };
  }

  prepareTurn(input: Input, session: { state: DialogState; facts: FactsRecord }, deps: DialogDeps): Promise<TurnAids> {
    return prepareTurn(this, input, session, deps);
  }

  close(): void {
    this.cache?.close();
  }
}

/** The assistant the environment configures, or null when it configures none (TONGCE_LLM_* unset). */
export function llmAssistantFromEnv(options: LlmAssistantOptions, env: NodeJS.ProcessEnv = process.env): LlmAssistant | null {
  const config = llmConfigFromEnv(env);
  return config ? new LlmAssistant(config, options) : null;
}
