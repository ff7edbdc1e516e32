import { openKnowledge } from '../knowledge/index.js';
import { dataDir } from '../knowledge/paths.js';
import type { Command } from './io.js';

/** A terminal loop of clause lookups: each line is a question, each answer cites its clauses. */
export const lookupLoopCommand: Command = async (_argv, io) => {
  const knowledge = openKnowledge({ dataDir: dataDir(io.env, io.cwd) });
  io.out('通策 Tongce — 科技政策条款查询。输入问题后回车；输入“退出”或按 Ctrl-D 结束。\n> ');
  for await (const line of io.stdinLines()) {
    const q = line.trim();
    if (/^(退出|exit|quit)$/iu.test(q)) break;
    if (q) io.out(knowledge.ask(q, { log: (m) => io.err(m + '\n') }).answer + '\n');
    io.out('> ');
  }
  io.out('\n');
  return 0;
};
