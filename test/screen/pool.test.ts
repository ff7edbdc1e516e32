import { describe, expect, it } from 'vitest';
import { compiledWorker } from './compiled.js';
import { hnteCsv, screen } from './helpers.js';

/** 700 varied enterprises: three batches and more, so rows cross workers and come back out of order. */
function manyRows(): string {
  const changes = Array.from({ length: 700 }, (_, i) => ({
    企业名称: `企业${i}`,
    职工总数: 100 + (i % 50),
    科技人员数: i % 37 === 0 ? '很多' : 8 + (i % 9),
    高新技术产品收入占比: 55 + (i % 11),
    '2025年研发费用': i % 13 === 0 ? '' : 700 + (i % 300),
  }));
  return hnteCsv(...changes);
}

describe('screening on worker threads', () => {
  it('gives the same rows in the same order as screening on the calling thread', async () => {
    const csv = manyRows();
    const workerScript = compiledWorker();
    const inline = await screen(csv, { threads: 0 });
    const parallel = await screen(csv, { threads: 2, workerScript });
    expect(parallel.rows.map((r) => r.row)).toEqual(Array.from({ length: 700 }, (_, i) => i + 2));
    expect(parallel.rows).toEqual(inline.rows);
    expect(parallel.summary).toEqual(inline.summary);
    expect(inline.summary.rows.invalid).toBe(19);
  }, 60_000);
});
