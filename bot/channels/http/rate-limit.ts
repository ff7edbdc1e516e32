/**
 * A token bucket per client: `rate` requests a second on average, bursts up to `burst`. Buckets of clients that
 * went quiet are dropped, so memory stays bounded under many clients.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly rate: number, private readonly burst: number, private readonly now: () => number = Date.now) {}

  /** true when the client may make a request now (and it is counted) */
  take(client: string): boolean {
    const t = this.now();
    const b = this.buckets.get(client) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.rate);
    b.at = t;
    const allowed = b.tokens >= 1;
    if (allowed) b.tokens -= 1;
    this.buckets.set(client, b);
    if (this.buckets.size > 10_000) this.sweep(t);
    return allowed;
  }

  private sweep(t: number): void {
    for (const [k, b] of this.buckets) if (t - b.at > (this.burst / this.rate) * 1000) this.buckets.delete(k);
  }
}
