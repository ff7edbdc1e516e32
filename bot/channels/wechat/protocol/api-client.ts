import { z } from 'zod';

/** Error codes both platforms use for an access token that is invalid (40001, 40014) or has expired (42001). */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** 45009: the API's call quota is spent (企业微信: for the minute; 公众号: for the day). */
const RATE_LIMITED = 45009;
/** -1: 系统繁忙, the platform's own advice is to try again. */
const BUSY = -1;
/** Waits before the calls after a busy or rate-limited one; after the last, the call fails. */
const BACKOFF_MS = [1_000, 4_000, 16_000];
/** How long one API call may take before it is given up: a hung connection must not stall a user's queue. */
export const DEFAULT_API_TIMEOUT_MS = 10_000;
/**
 * Refusals that sending again will not change: 45015 (公众号: 48 h since the user's last message, or unfollowed),
 * 45047 (公众号: 客服 messages per user message used up), 48001 (API not authorised), 43004 (not a follower).
 */
const PERMANENT_ERRORS = new Set([45015, 45047, 48001, 43004]);
/** A token is renewed this long before the platform says it expires, so a call never carries a dying one. */
const RENEW_BEFORE_MS = 5 * 60_000;

const ApiReply = z.looseObject({ errcode: z.number().optional(), errmsg: z.string().optional() });
const TokenReply = z.looseObject({ access_token: z.string().min(1), expires_in: z.number().positive() });

export class WeChatApiError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
    readonly path: string,
    /** the platform will never take this message for this user: retrying is useless */
    readonly permanent = PERMANENT_ERRORS.has(errcode),
  ) {
    super(`${path}: errcode ${errcode} ${errmsg}`);
  }
}

export interface ApiClientOptions {
  /** API root (WECOM_API_ROOT / WECHAT_API_ROOT): the platform's, a proxy, or a test double */
  root: string;
  /** the token call's path and query, e.g. /cgi-bin/gettoken?corpid=…&corpsecret=… */
  tokenPath: string;
  /**
   * whether a 45009 is worth waiting for: 企业微信's per-minute limit lifts within the back-off, 公众号's daily
   * quota does not, and waiting would only hold the user's queue
   */
  rateLimitLiftsSoon: boolean;
  /** how long one call may take (default 10 s) */
  timeoutMs?: number;
  /** injected so tests can back off without waiting */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  log?: (line: string) => void;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Calls a WeChat-family API with an access token: fetched once and shared (concurrent callers wait for the same
 * fetch), renewed before it expires; a call refused for its token is retried once with a fresh one, and a call
 * the platform was too busy for (-1) or, where the limit lifts soon, over the rate limit (45009) waits and tries
 * again a few times. Every call gives up after `timeoutMs`.
 */
export class WeChatApiClient {
  private token: { value: string; renewAt: number } | null = null;
  private fetching: Promise<string> | null = null;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: ApiClientOptions) {
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
  }

  private async request(path: string, init?: RequestInit): Promise<unknown> {
    // the path carries the secret or the token: errors name only the endpoint
    const endpoint = path.split('?')[0]!;
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_API_TIMEOUT_MS;
    let res: Response;
    try {
      res = await fetch(`${this.options.root.replace(/\/$/u, '')}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'TimeoutError') throw new Error(`${endpoint}: no answer within ${timeoutMs} ms`);
      throw new Error(`${endpoint}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!res.ok) throw new Error(`${endpoint}: HTTP ${res.status}`);
    return res.json();
  }

  /** The current access token, fetched when there is none or it is about to expire. */
  async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.renewAt) return this.token.value;
    this.fetching ??= (async () => {
      try {
        const body = await this.request(this.options.tokenPath);
        const reply = ApiReply.parse(body);
        if (reply.errcode) throw new WeChatApiError(reply.errcode, reply.errmsg ?? '', this.options.tokenPath.split('?')[0]!);
        const token = TokenReply.parse(body);
        this.token = { value: token.access_token, renewAt: this.now() + token.expires_in * 1000 - Math.min(RENEW_BEFORE_MS, (token.expires_in * 1000) / 2) };
        return token.access_token;
      } finally {
        this.fetching = null;
      }
    })();
    return this.fetching;
  }

  /** POSTs JSON to `path` (e.g. /cgi-bin/message/send) with the access token; resolves with the reply, throws WeChatApiError. */
  async post(path: string, body: unknown): Promise<Record<string, unknown>> {
    let renewed = false;
    for (let backoffs = 0; ; ) {
      const token = await this.accessToken();
      const reply = ApiReply.parse(
        await this.request(`${path}?access_token=${encodeURIComponent(token)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(body),
        }),
      );
      const code = reply.errcode ?? 0;
      if (code === 0) return reply;
      if (TOKEN_ERRORS.has(code) && !renewed) {
        renewed = true;
        if (this.token?.value === token) this.token = null;
        continue;
      }
      const worthWaiting = code === BUSY || (code === RATE_LIMITED && this.options.rateLimitLiftsSoon);
      const wait = worthWaiting ? BACKOFF_MS[backoffs++] : undefined;
      if (wait === undefined) throw new WeChatApiError(code, reply.errmsg ?? '', path);
      this.options.log?.(`${path}: errcode ${code} (${code === BUSY ? 'busy' : 'rate limited'}), retrying in ${wait} ms`);
      await this.sleep(wait);
    }
  }
}
