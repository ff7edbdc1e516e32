import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../knowledge/paths.js';
import { runRetrievalBench } from './retrieval.js';

type Row = [measure: string, result: string, target: string];

/** Runs every benchmark; writes bench/results.json and the Markdown table bench/results.md that the README shows. */
async function main() {
  const machine = { node: process.version, cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), date: new Date().toISOString() };
  const retrieval = (await runRetrievalBench()) as {
    goldQuestions: number;
    tongce: { questions: number; recallAt1: number; recallAt3: number; mrr: number; uncovered: number; uncoveredDetected: number; falseUncovered: number };
    baseline: { recallAt1: number; recallAt3: number; mrr: number; uncoveredDetected: number };
    lookupLatencyMs: { p50: number; p95: number };
    indexBuildMs: number;
    coldAskMs: { median: number; max: number };
  };
  const results = { machine, retrieval };
  const root = projectRoot();
  writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');

  const t = retrieval.tongce;
  const b = retrieval.baseline;
  const rows: Row[] = [
    [`retrieval recall@1 (${t.questions} covered gold questions)`, `${t.recallAt1} (baseline ${b.recallAt1})`, ''],
    ['retrieval recall@3', `${t.recallAt3} (baseline ${b.recallAt3})`, '≥ 0.95'],
    ['retrieval MRR', `${t.mrr} (baseline ${b.mrr})`, '≥ 0.85'],
    [`uncovered questions answered covered: false (${t.uncovered})`, `${t.uncoveredDetected} (baseline ${b.uncoveredDetected})`, '≥ 0.90'],
    ['covered questions wrongly answered covered: false', String(t.falseUncovered), ''],
    ['lookup latency p50 / p95 (in-process ask)', `${retrieval.lookupLatencyMs.p50} / ${retrieval.lookupLatencyMs.p95} ms`, 'p95 < 10 ms'],
    ['index build (parse, segment, FTS5)', `${retrieval.indexBuildMs} ms`, ''],
    ['cold `tongce ask` (new process, median of 5)', `${retrieval.coldAskMs.median} ms`, '< 1.5 s'],
  ];
  const md = [
    `# Benchmark results`,
    '',
    `Node ${machine.node}, ${machine.cpus} cores, ${machine.memoryGiB} GiB; ${machine.date.slice(0, 10)}. Reproduce: \`npm run bench\`.`,
    '',
    '| measure | result | target |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    'Baseline: plain FTS5 trigram search over the raw clause texts — no segmentation, no expansion, no fusion.',
    '',
  ].join('\n');
  writeFileSync(join(root, 'bench', 'results.md'), md);
  console.log(md);
}

await main();
