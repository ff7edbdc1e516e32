/**
 * Runs chat turns in arrival order, a bounded slice of them per event-loop iteration.
 *
 * Why: a turn is synchronous work (rules, retrieval, one SQLite transaction), and Node 20's libuv (1.46) accepts
 * only one new connection each time the loop polls. Run straight from the socket callbacks, every request read in one
 * poll ran before the loop polled again, so a saturated server took one newcomer per ~40 turns: connections waited
 * in the kernel's accept queue for up to 20 s while connected users were served in ~200 ms. Yielding to the loop
 * between slices lets it accept and read between turns, and a newcomer's first turn queues behind everyone else's
 * once, like any other turn.
 */
export class TurnQueue {
  private readonly waiting: Array<() => void> = [];
  private scheduled = false;

  /**
   * @param sliceMs how long one slice may run turns before the loop polls again; 0 runs one turn per iteration
   * @param now a monotonic clock in ms (injectable for tests)
   */
  constructor(private readonly sliceMs = 1, private readonly now: () => number = () => performance.now()) {}

  /**
   * Queues `work`; resolves or rejects with its result once it has run. An async turn (one waiting on the optional
   * model) holds the queue only until its first await: waiting on the network is not work to take turns at.
   */
  run<T>(work: () => T): Promise<Awaited<T>> {
    return new Promise<Awaited<T>>((resolve, reject) => {
      this.waiting.push(() => {
        try {
          resolve(work() as Awaited<T>);
        } catch (e) {
          reject(e);
        }
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate, not a microtask: the check phase comes after the poll phase, so I/O (and one accept) happens
    // between slices
    setImmediate(() => this.slice());
  }

  private slice(): void {
    this.scheduled = false;
    const started = this.now();
    do this.waiting.shift()!();
    while (this.waiting.length > 0 && this.now() - started < this.sliceMs);
    if (this.waiting.length > 0) this.schedule();
  }
}
