import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** The cache key of a text: the same words embed the same way, whichever clause or rebuild they come from. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Embedding vectors kept in SQLite (embeddings.db in the data directory) by model and content hash, so a
 * restart or an index rebuild embeds only text that changed — a remote model is paid once per clause text.
 */
export class EmbeddingCache {
  private readonly getStmt: Database.Statement<[string, string], { vector: Buffer }>;
  private readonly putStmt: Database.Statement<[string, string, number, Buffer]>;

  private constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS embeddings (
      model TEXT NOT NULL,
      hash TEXT NOT NULL,          -- sha256 of the embedded text
      dims INTEGER NOT NULL,
      vector BLOB NOT NULL,        -- float32, little-endian
      PRIMARY KEY (model, hash)
    ) WITHOUT ROWID`);
    this.getStmt = db.prepare('SELECT vector FROM embeddings WHERE model = ? AND hash = ?');
    this.putStmt = db.prepare('INSERT OR REPLACE INTO embeddings (model, hash, dims, vector) VALUES (?, ?, ?, ?)');
  }

  static open(path: string): EmbeddingCache {
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    return new EmbeddingCache(db);
  }

  get(model: string, hash: string): Float32Array | undefined {
    const row = this.getStmt.get(model, hash);
    if (!row) return undefined;
    const bytes = new Uint8Array(row.vector);
    return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }

  putMany(model: string, entries: Array<{ hash: string; vector: ArrayLike<number> }>): void {
    this.db.transaction(() => {
      for (const e of entries) {
        const v = Float32Array.from(e.vector);
        this.putStmt.run(model, e.hash, v.length, Buffer.from(v.buffer, v.byteOffset, v.byteLength));
      }
    })();
  }

  count(model: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM embeddings WHERE model = ?').get(model) as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
