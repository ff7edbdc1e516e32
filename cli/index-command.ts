import { openKnowledge } from '../knowledge/index.js';
import { dataDir } from '../knowledge/paths.js';
import type { Command } from './io.js';

/** `tongce index`: (re)builds the knowledge database from knowledge/sources/; idempotent. */
export const indexCommand: Command = async (_argv, io) => {
  const started = performance.now();
  const knowledge = openKnowledge({ dataDir: dataDir(io.env, io.cwd), rebuild: true });
  const ms = Math.round(performance.now() - started);
  io.out(`已建立知识库：${knowledge.store.documents.size} 份文件，${knowledge.store.clauseCount} 条条款（${ms} ms）→ ${knowledge.store.path}\n`);
  return 0;
};
