import { parentPort, workerData } from 'node:worker_threads';
import type { SheetRow } from '../input/sheet.js';
import { type RowPlan, rowScreener } from '../screen-row.js';

/** A screening worker thread: batches of rows in, their results out, tagged with the batch's sequence number. */
const screen = rowScreener(workerData as RowPlan);
parentPort!.on('message', ({ seq, rows }: { seq: number; rows: SheetRow[] }) => {
  parentPort!.postMessage({ seq, results: rows.map(screen) });
});
