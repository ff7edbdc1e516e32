/**
 * Runs each user's jobs one after another (a reply is sent before the next message's), different users' side by
 * side. `settled` waits for everything queued so far: tests, and a server shutting down.
 */
export class PerUserQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: (line: string) => void = () => {}) {}

  run(user: string, job: () => Promise<void>): void {
    const current = (this.tails.get(user) ?? Promise.resolve())
      .then(job)
      .catch((e: unknown) => this.log(`reply to ${user} failed: ${e instanceof Error ? e.message : String(e)}`));
    this.tails.set(user, current);
    this.running.add(current);
    void current.finally(() => {
      this.running.delete(current);
      if (this.tails.get(user) === current) this.tails.delete(user);
    });
  }

  async settled(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }
}
