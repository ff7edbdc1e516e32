/**
 * Runs each user's jobs one after another (a reply is sent before the next message's), different users' side by
 * side. `settled` waits for everything queued so far: tests, and a server shutting down.
 */
export class PerUserQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: (line: string) => void = () => {}) {}

  /** Queues a job whose failure is only logged. */
  run(user: string, job: () => Promise<void>): void {
    this.submit(user, job).catch((e: unknown) => this.log(`reply to ${user} failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  /** Queues a job and hands back its outcome; a failure does not stop the user's later jobs. */
  submit<T>(user: string, job: () => Promise<T>): Promise<T> {
    const outcome = (this.tails.get(user) ?? Promise.resolve()).then(job);
    const current = outcome.then(() => undefined, () => undefined);
    this.tails.set(user, current);
    this.running.add(current);
    void current.finally(() => {
      this.running.delete(current);
      if (this.tails.get(user) === current) this.tails.delete(user);
    });
    return outcome;
  }

  async settled(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }
}
