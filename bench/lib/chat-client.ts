import { Agent, request } from 'node:http';

export interface Exchange {
  status: number;
  body: unknown;
  /** from sending the request to having parsed the whole reply */
  ms: number;
}

/**
 * A minimal JSON-over-HTTP client on keep-alive connections (node:http rather than fetch: on a 2-core machine the
 * client shares the CPU with the server, and fetch's per-request overhead would be measured as server latency).
 * Connection failures reject with the socket error's code (ECONNREFUSED, ECONNRESET, …), which callers may retry.
 */
export class ChatClient {
  // idle connections are dropped before the server's own 5 s keep-alive timeout, so a request never goes out on a
  // connection the server is closing at that moment (a reset that would be the client's doing, not the server's)
  private readonly agent = new Agent({ keepAlive: true, maxSockets: Infinity, timeout: 4_000 });

  constructor(private readonly baseUrl: string, private readonly timeoutMs = 30_000) {}

  post(path: string, body: unknown): Promise<Exchange> {
    const data = Buffer.from(JSON.stringify(body));
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.baseUrl}${path}`,
        { method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': data.length }, timeout: this.timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            let parsed: unknown;
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              // a reply cut off by a dying server is a connection failure, not an answer
              return reject(Object.assign(new Error('truncated reply'), { code: 'ETRUNCATED' }));
            }
            resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - started });
          });
        },
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
      req.on('error', reject);
      req.end(data);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The error code of a failed request, for counting failures by kind. */
export function failureCode(e: unknown): string {
  return (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
}
