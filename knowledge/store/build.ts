import Database from 'better-sqlite3';
import { linkSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SourceDocument } from '../catalog.js';
import { parseDocument } from '../parse/parser.js';
import { extractRecords } from '../records/extract.js';
import { tokenize } from '../search/segment.js';
import { indexable } from '../text/normalize.js';

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
  id TEXT PRIMARY KEY, ord INTEGER NOT NULL, meta TEXT NOT NULL -- the catalog entry as JSON
);
CREATE TABLE clauses (
  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id), parent_id TEXT, ord INTEGER NOT NULL,
  kind TEXT NOT NULL, label TEXT NOT NULL, path TEXT NOT NULL, text TEXT NOT NULL, full_text TEXT NOT NULL, context TEXT NOT NULL,
  departments TEXT NOT NULL, part TEXT, tokens TEXT NOT NULL
);
CREATE INDEX clauses_doc ON clauses(doc_id, ord);
-- lexical index over segmented text: each column holds space-joined jieba tokens
CREATE VIRTUAL TABLE clauses_fts USING fts5(id UNINDEXED, path, context, body, tokenize = 'unicode61 remove_diacritics 0');
-- substring backstop: character trigrams over the raw (NFKC) text
CREATE VIRTUAL TABLE clauses_tri USING fts5(id UNINDEXED, body, tokenize = 'trigram');
CREATE TABLE vocab (token TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
-- typed facts of the tables and 目标 sections (knowledge/records), each pointing at its clause
CREATE TABLE records (ord INTEGER PRIMARY KEY, kind TEXT NOT NULL, clause_id TEXT NOT NULL REFERENCES clauses(id), record TEXT NOT NULL);
`;

/** Segmented form stored in the FTS columns. */
function segmented(text: string): string {
  return tokenize(indexable(text)).join(' ');
}

/**
 * Builds the knowledge database at `path` from the sources. Written to a private file and then linked into
 * place, so a concurrent reader never sees a half-built index and two concurrent builders never clash.
 */
export function buildIndex(path: string, sources: SourceDocument[], sourcesHash: string): { clauses: number } {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const db = new Database(tmp);
  let count = 0;
  try {
    db.pragma('journal_mode = WAL');
    db.exec(SCHEMA);
    const insDoc = db.prepare('INSERT INTO documents (id, ord, meta) VALUES (?, ?, ?)');
    const insClause = db.prepare(
      `INSERT INTO clauses (id, doc_id, parent_id, ord, kind, label, path, text, full_text, context, departments, part, tokens)
       VALUES (@id, @docId, @parentId, @ord, @kind, @label, @path, @text, @fullText, @context, @departments, @part, @tokens)`,
    );
    const insFts = db.prepare('INSERT INTO clauses_fts (id, path, context, body) VALUES (?, ?, ?, ?)');
    const insTri = db.prepare('INSERT INTO clauses_tri (id, body) VALUES (?, ?)');
    const insRecord = db.prepare('INSERT INTO records (kind, clause_id, record) VALUES (?, ?, ?)');
    const df = new Map<string, number>();
    db.transaction(() => {
      sources.forEach((source, ord) => {
        insDoc.run(source.meta.id, ord, JSON.stringify(source.meta));
        const clauses = parseDocument(source);
        const byId = new Map(clauses.map((c) => [c.id, c]));
        for (const c of clauses) {
          // a clause is found by the titles above it too: 附件2's title names what its rows are about
          const headings: string[] = [];
          for (let p = c.parentId ? byId.get(c.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
            if (p.text.length <= 40) headings.unshift(p.text);
          }
          const pathTokens = segmented(`${source.meta.shortTitle} ${c.path} ${headings.join(' ')}`);
          const contextTokens = segmented(c.context);
          const bodyTokens = segmented(c.fullText);
          const all = new Set(`${pathTokens} ${contextTokens} ${bodyTokens}`.split(' ').filter(Boolean));
          for (const t of all) df.set(t, (df.get(t) ?? 0) + 1);
          const { table: _cells, ...row } = c;
          insClause.run({ ...row, departments: JSON.stringify(c.departments), tokens: [...all].join(' ') });
          insFts.run(c.id, pathTokens, contextTokens, bodyTokens);
          insTri.run(c.id, indexable(`${c.fullText}\n${c.context}`));
          count++;
        }
        for (const r of extractRecords(source.meta, clauses)) insRecord.run(r.kind, r.clauseId, JSON.stringify(r));
      });
      const insVocab = db.prepare('INSERT INTO vocab (token, df) VALUES (?, ?)');
      for (const [t, n] of df) insVocab.run(t, n);
      const insMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      insMeta.run('sourcesHash', sourcesHash);
      insMeta.run('clauseCount', String(count));
      insMeta.run('builtAt', new Date().toISOString());
    })();
    db.exec("INSERT INTO clauses_fts(clauses_fts) VALUES('optimize'); INSERT INTO clauses_tri(clauses_tri) VALUES('optimize');");
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  try {
    linkSync(tmp, path);
  } catch (e) {
    // another process finished the same build first; its file is equivalent
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-wal`, { force: true });
    rmSync(`${tmp}-shm`, { force: true });
  }
  return { clauses: count };
}
