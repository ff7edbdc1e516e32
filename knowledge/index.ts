import type { Citation, CitationRef, CitationResolver } from './citation.js';
import { ask, type AskResult } from './answer.js';
import { checkCitation, resolveCitation, verifiedCitations, type CitationLog } from './cite.js';
import { dataDir as defaultDataDir } from './paths.js';
import { retrieve, type Retrieval, type RetrieveOptions } from './search/retrieve.js';
import { KnowledgeStore } from './store/store.js';

export type { AskResult, Citation, CitationRef, CitationResolver, Retrieval };
export { KnowledgeStore };

/** The knowledge layer as the rest of Tongce uses it. */
export interface Knowledge {
  store: KnowledgeStore;
  ask(question: string, options?: RetrieveOptions & { log?: CitationLog }): AskResult;
  retrieve(question: string, options?: RetrieveOptions): Retrieval;
  /** turns a rule's {doc, quote} into a full citation; throws UnresolvedCitationError if no clause has it */
  resolve: CitationResolver;
  /** drops (and logs) every citation whose clause is unknown or whose quote is not verbatim in it */
  verify<T extends { clauseId: string; quote: string }>(citations: T[], log: CitationLog): T[];
  isReal(citation: { clauseId: string; quote: string }): boolean;
  close(): void;
}

const cache = new Map<string, Knowledge>();

/**
 * Opens (building on first use, or after the sources changed) the knowledge store in the data directory.
 * One instance per directory per process: the store is read-only once built.
 */
export function openKnowledge(options: { dataDir?: string; rebuild?: boolean } = {}): Knowledge {
  const dir = options.dataDir ?? defaultDataDir();
  const cached = cache.get(dir);
  if (cached && !options.rebuild) return cached;
  cached?.close();
  const store = KnowledgeStore.open({ dataDir: dir, rebuild: options.rebuild });
  const resolved = new Map<string, Citation>();
  const knowledge: Knowledge = {
    store,
    ask: (q, o) => ask(store, q, o),
    retrieve: (q, o) => retrieve(store, q, o),
    resolve: (ref) => {
      const key = `${ref.doc}\u0000${ref.quote}`;
      let c = resolved.get(key);
      if (!c) resolved.set(key, (c = resolveCitation(store, ref)));
      return c;
    },
    verify: (citations, log) => verifiedCitations(store, citations, log),
    isReal: (c) => checkCitation(store, c) === null,
    close: () => {
      cache.delete(dir);
      store.close();
    },
  };
  cache.set(dir, knowledge);
  return knowledge;
}

/**
 * Answers a layer above knowledge gives from its own data (the rules' benefits: "高企有什么好处"), tried before
 * the clause lookup. Knowledge never imports the rules; the command line composes them (cli/lookup-knowledge.ts).
 */
export type Answerer = (question: string, options: RetrieveOptions & { today?: string }) => AskResult | null;

export function withAnswerers(knowledge: Knowledge, answerers: Answerer[]): Knowledge {
  return {
    ...knowledge,
    ask: (q, o = {}) => {
      for (const answer of answerers) {
        const found = answer(q, o);
        if (found) return found;
      }
      return knowledge.ask(q, o);
    },
  };
}
