import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourcesDir } from '../../knowledge/paths.js';
import { KnowledgeStore } from '../../knowledge/store/store.js';

const fresh = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe('knowledge store', () => {
  it('builds on first use, reuses the index after, and rebuilds when a source changes', () => {
    const sources = fresh('tongce-src-');
    cpSync(sourcesDir(), sources, { recursive: true });
    const data = fresh('tongce-data-');

    const first = KnowledgeStore.open({ dataDir: data, sourcesDir: sources });
    expect(first.built).toBe(true);
    const clauses = first.clauseCount;
    first.close();

    const second = KnowledgeStore.open({ dataDir: data, sourcesDir: sources });
    expect(second.built).toBe(false);
    expect(second.path).toBe(first.path);
    second.close();

    appendFileSync(join(sources, 'qidong-2023-10-keji-chuangxin.txt'), '\n21. 新增一条测试条款，用于验证重建。\n');
    const third = KnowledgeStore.open({ dataDir: data, sourcesDir: sources });
    expect(third.built).toBe(true);
    expect(third.path).not.toBe(first.path);
    expect(third.clauseCount).toBe(clauses + 1);
    third.close();
    expect(existsSync(first.path)).toBe(false);
    expect(readdirSync(data).filter((f) => f.endsWith('.db'))).toHaveLength(1);
  });

  it('uses WAL and holds every document of the catalog', () => {
    const store = KnowledgeStore.open({ dataDir: fresh('tongce-data-') });
    expect(store.journalMode()).toBe('wal');
    expect(store.documents.size).toBe(12);
    for (const id of store.documents.keys()) expect(store.clausesOf(id).length).toBeGreaterThan(0);
    store.close();
  });

  it('rebuild on request is idempotent', () => {
    const data = fresh('tongce-data-');
    const a = KnowledgeStore.open({ dataDir: data });
    const ids = [...a.clauses.keys()];
    a.close();
    const b = KnowledgeStore.open({ dataDir: data, rebuild: true });
    expect(b.built).toBe(true);
    expect([...b.clauses.keys()]).toEqual(ids);
    b.close();
  });
});
