import Database from 'better-sqlite3';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentMeta, loadSources, sourcesHash } from '../catalog.js';
import type { Clause, ClauseKind } from '../clause.js';
import { PARSER_VERSION } from '../parse/parser.js';
import { TableRecord } from '../records/records.js';
import { buildIndex } from './build.js';

interface ClauseRow {
  id: string; doc_id: string; parent_id: string | null; ord: number; kind: string; label: string; path: string;
  text: string; full_text: string; context: string; departments: string; part: string | null; tokens: string;
}

export interface StoredClause extends Clause {
  /** the clause's index tokens (path, context and text), for judging how well it covers a question */
  tokens: Set<string>;
}

export interface OpenOptions {
  dataDir: string;
  /** rebuild even when an index for the current sources exists (`tongce index`) */
  rebuild?: boolean;
  /** where the sources are (default knowledge/sources of this package) */
  sourcesDir?: string;
}

const FILE_PREFIX = 'knowledge-';

/**
 * The clause store: one SQLite file per sources version (named by content hash), built on first use. Clauses
 * and vocabulary are held in memory (under a thousand clauses); the FTS indexes stay in SQLite.
 */
export class KnowledgeStore {
  readonly documents = new Map<string, DocumentMeta>();
  readonly clauses = new Map<string, StoredClause>();
  /** the typed facts of the tables and 目标 sections, in document order */
  readonly records: TableRecord[] = [];
  private readonly byDoc = new Map<string, StoredClause[]>();
  private vocab: Map<string, number> | null = null;
  private variants: Map<string, string[]> | null = null;
  private readonly ftsStmt: Database.Statement;
  private readonly triStmt: Database.Statement;

  private constructor(private readonly db: Database.Database, readonly path: string, readonly built: boolean) {
    for (const row of db.prepare('SELECT meta FROM documents ORDER BY ord').all() as Array<{ meta: string }>) {
      const meta = DocumentMeta.parse(JSON.parse(row.meta));
      this.documents.set(meta.id, meta);
      this.byDoc.set(meta.id, []);
    }
    for (const r of db.prepare('SELECT * FROM clauses ORDER BY doc_id, ord').all() as ClauseRow[]) {
      const c: StoredClause = {
        id: r.id, docId: r.doc_id, parentId: r.parent_id, ord: r.ord, kind: r.kind as ClauseKind, label: r.label,
        path: r.path, text: r.text, fullText: r.full_text, context: r.context, departments: JSON.parse(r.departments) as string[], part: r.part,
        tokens: new Set(r.tokens.split(' ')),
      };
      this.clauses.set(c.id, c);
      this.byDoc.get(c.docId)?.push(c);
    }
    for (const r of db.prepare('SELECT record FROM records ORDER BY ord').all() as Array<{ record: string }>) {
      this.records.push(TableRecord.parse(JSON.parse(r.record)));
    }
    // bm25 column weights: id (unindexed), path, context, body
    this.ftsStmt = db.prepare(
      'SELECT id, bm25(clauses_fts, 0.0, 1.2, 1.0, 1.0) AS score FROM clauses_fts WHERE clauses_fts MATCH ? ORDER BY score LIMIT ?',
    );
    this.triStmt = db.prepare('SELECT id, bm25(clauses_tri) AS score FROM clauses_tri WHERE clauses_tri MATCH ? ORDER BY score LIMIT ?');
  }

  static open(options: OpenOptions): KnowledgeStore {
    const hash = sourcesHash(PARSER_VERSION, options.sourcesDir);
    const path = join(options.dataDir, `${FILE_PREFIX}${hash.slice(0, 16)}.db`);
    let built = false;
    if (options.rebuild && existsSync(path)) for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    if (!existsSync(path)) {
      buildIndex(path, loadSources(options.sourcesDir), hash);
      built = true;
      removeStaleIndexes(options.dataDir, path);
    }
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    return new KnowledgeStore(db, path, built);
  }

  clause(id: string): StoredClause | undefined {
    return this.clauses.get(id);
  }

  clausesOf(docId: string): StoredClause[] {
    return this.byDoc.get(docId) ?? [];
  }

  children(id: string): StoredClause[] {
    const c = this.clauses.get(id);
    return c ? this.clausesOf(c.docId).filter((x) => x.parentId === id) : [];
  }

  /** ancestors, nearest first */
  ancestors(id: string): StoredClause[] {
    const out: StoredClause[] = [];
    for (let c = this.clauses.get(id); c?.parentId; ) {
      c = this.clauses.get(c.parentId);
      if (c) out.push(c);
    }
    return out;
  }

  /** Segmented-text search; `match` must already be a safe FTS5 expression. Best first. */
  searchTokens(match: string, limit: number): Array<{ id: string; score: number }> {
    return this.ftsStmt.all(match, limit) as Array<{ id: string; score: number }>;
  }

  /** Trigram (substring) search; `match` must already be a safe FTS5 expression. Best first. */
  searchTrigrams(match: string, limit: number): Array<{ id: string; score: number }> {
    return this.triStmt.all(match, limit) as Array<{ id: string; score: number }>;
  }

  /** In how many clauses a token occurs (0 for a token the corpus never uses). */
  documentFrequency(token: string): number {
    return this.vocabulary().get(token) ?? 0;
  }

  /** The corpus vocabulary with each token's document frequency, read from the index on first use. */
  private vocabulary(): Map<string, number> {
    if (!this.vocab) {
      this.vocab = new Map();
      for (const r of this.db.prepare('SELECT token, df FROM vocab').iterate() as IterableIterator<{ token: string; df: number }>) {
        this.vocab.set(r.token, r.df);
      }
    }
    return this.vocab;
  }

  /**
   * The one word of the corpus vocabulary, as long as the token, that differs from it in one character (净姿产 →
   * 净资产, 加记扣除 → 加计扣除): a slip of the pen. Only for tokens of three characters or more, where one such word
   * is rarely a different word; undefined when there is none or more than one.
   */
  variantOf(token: string): string | undefined {
    const chars = [...token];
    if (chars.length < 3) return undefined;
    if (!this.variants) {
      this.variants = new Map();
      for (const word of this.vocabulary().keys()) {
        const w = [...word];
        if (w.length < 3) continue;
        for (let i = 0; i < w.length; i++) {
          const key = withoutCharAt(w, i);
          const same = this.variants.get(key);
          if (same) same.push(word);
          else this.variants.set(key, [word]);
        }
      }
    }
    const found = new Set<string>();
    for (let i = 0; i < chars.length; i++) {
      for (const w of this.variants.get(withoutCharAt(chars, i)) ?? []) if (w !== token) found.add(w);
    }
    return found.size === 1 ? [...found][0] : undefined;
  }

  journalMode(): string {
    return String(this.db.pragma('journal_mode', { simple: true }));
  }

  get clauseCount(): number {
    return this.clauses.size;
  }

  close(): void {
    this.db.close();
  }
}

/** Indexes of earlier source versions are dead weight once a new one exists. */
function removeStaleIndexes(dir: string, keep: string): void {
  for (const f of readdirSync(dir)) {
    if (f.startsWith(FILE_PREFIX) && !keep.endsWith(f.replace(/-(wal|shm)$/, '')) && !f.endsWith('.tmp')) {
      rmSync(join(dir, f), { force: true });
    }
  }
}

/** A word with its i-th character taken out, and where: two words share this key exactly when they differ there only. */
function withoutCharAt(chars: readonly string[], i: number): string {
  return `${i}:${chars.slice(0, i).join('')}\u0000${chars.slice(i + 1).join('')}`;
}
