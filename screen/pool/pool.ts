import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { ProgrammeRegistry } from '../../rules/programmes/index.js';
import type { SheetRow } from '../input/sheet.js';
import type { ScreenedRow } from '../result.js';
import { type RowPlan, rowScreener } from '../screen-row.js';

const BATCH = 256;

export interface PoolOptions {
  /** worker threads to use; 0 screens on the calling thread (default: one per core, at most 4) */
  threads?: number;
  /** the compiled worker module; worker threads run JavaScript, so from the TypeScript sources there is none */
  workerScript?: URL;
  /**
   * the programmes to judge (default: the production registry). Another registry exists only in this process (a
   * test's fixture programme) and cannot be sent to a worker, so its rows are screened on the calling thread.
   */
  programmes?: ProgrammeRegistry;
}

const COMPILED_WORKER = new URL('./worker.js', import.meta.url);

async function* batches(rows: AsyncIterable<SheetRow>): AsyncGenerator<SheetRow[]> {
  let batch: SheetRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * Screens rows in file order. Judging a row is pure and synchronous and costs far more than reading it, so the
 * work is spread over worker threads in batches, with at most two batches per worker in flight (memory stays
 * bounded however long the file) and results put back in order. A file of one batch is screened on the calling
 * thread: starting workers would cost more than it saves.
 */
export async function* screenRows(rows: AsyncIterable<SheetRow>, plan: RowPlan, options: PoolOptions = {}): AsyncGenerator<ScreenedRow> {
  const script = options.workerScript ?? COMPILED_WORKER;
  const threads = existsSync(fileURLToPath(script)) && !options.programmes ? (options.threads ?? Math.min(availableParallelism(), 4)) : 0;
  const source = batches(rows);
  try {
    const first = await source.next();
    if (first.done) return;
    const second = await source.next();
    if (threads === 0 || second.done) {
      const screen = rowScreener(plan, options.programmes);
      yield* first.value.map(screen);
      if (second.done) return;
      yield* second.value.map(screen);
      for await (const batch of source) {
        // let a server answer other requests between batches
        await yieldToEventLoop();
        yield* batch.map(screen);
      }
      return;
    }
    const pool = new WorkerPool(script, plan, threads);
    try {
      const pending = new Map<number, Promise<ScreenedRow[]>>();
      let next = 0;
      const dispatch = (batch: SheetRow[]) => pending.set(next + pending.size, pool.screen(batch));
      dispatch(first.value);
      dispatch(second.value);
      for await (const batch of source) {
        dispatch(batch);
        while (pending.size >= threads * 2) yield* await take(pending, next++);
      }
      while (pending.size) yield* await take(pending, next++);
    } finally {
      await pool.close();
    }
  } finally {
    // stopped early (a failed write, a client gone): close the file behind the rows too
    await source.return(undefined);
  }
}

async function take(pending: Map<number, Promise<ScreenedRow[]>>, seq: number): Promise<ScreenedRow[]> {
  const results = await pending.get(seq)!;
  pending.delete(seq);
  return results;
}

/** Worker threads that each screen the batches sent to them in the order received. */
class WorkerPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve(rows: ScreenedRow[]): void; reject(e: Error): void }>();
  private seq = 0;
  private failure: Error | null = null;

  constructor(script: URL, plan: RowPlan, threads: number) {
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(script, { workerData: plan });
      worker.on('message', ({ seq, results }: { seq: number; results: ScreenedRow[] }) => {
        this.waiting.get(seq)?.resolve(results);
        this.waiting.delete(seq);
      });
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`screening worker exited with code ${code}`));
      });
      return worker;
    });
  }

  screen(rows: SheetRow[]): Promise<ScreenedRow[]> {
    const seq = this.seq++;
    const result = new Promise<ScreenedRow[]>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting.set(seq, { resolve, reject });
    });
    // a batch's failure surfaces when its turn comes to be read, not as an unhandled rejection before
    result.catch(() => {});
    this.workers[seq % this.workers.length]!.postMessage({ seq, rows });
    return result;
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    this.failure ??= new Error('screening stopped');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
