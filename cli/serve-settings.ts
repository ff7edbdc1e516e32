import { z } from 'zod';
import { TrustedProxies, TrustProxyError } from '../bot/channels/http/trusted-proxies.js';
import { LOG_LEVELS, type LogLevel } from '../bot/ops/logger.js';
import { UsageError } from './io.js';

const unsetIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const positive = (name: string, what: string, fallback: number) =>
  z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: `${name} must be a number (${what})` })
      .positive({ error: `${name} must be more than 0 (${what})` })
      .finite({ error: `${name} must be a finite number (${what})` })
      .default(fallback),
  );

const ServeEnv = z.object({
  PORT: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: 'PORT must be a port number 0–65535' })
      .int({ error: 'PORT must be a port number 0–65535' })
      .min(0, { error: 'PORT must be a port number 0–65535' })
      .max(65535, { error: 'PORT must be a port number 0–65535' })
      .default(3000),
  ),
  TONGCE_HOST: z.preprocess(unsetIfEmpty, z.string().default('127.0.0.1')),
  TONGCE_RATE_LIMIT: positive('TONGCE_RATE_LIMIT', 'requests a second per client', 20),
  TONGCE_SESSION_IDLE_DAYS: positive('TONGCE_SESSION_IDLE_DAYS', 'days before an idle conversation is deleted', 30),
  TONGCE_LOG_LEVEL: z.preprocess(unsetIfEmpty, z.enum(LOG_LEVELS, { error: `TONGCE_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default('info')),
});

export interface ServeSettings {
  port: number;
  host: string;
  ratePerSecond: number;
  idleDays: number;
  logLevel: LogLevel;
  trustProxy: TrustedProxies;
}

/**
 * `tongce serve`'s settings from the environment, validated before anything starts: a bad value is a
 * UsageError naming the variable (exit 2, one line), never a server running on a setting it half understood.
 */
export function serveSettings(env: NodeJS.ProcessEnv): ServeSettings {
  const parsed = ServeEnv.safeParse(env);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  const e = parsed.data;
  let trustProxy: TrustedProxies;
  try {
    trustProxy = TrustedProxies.parse(env.TONGCE_TRUST_PROXY);
  } catch (err) {
    if (err instanceof TrustProxyError) throw new UsageError(err.message);
    throw err;
  }
  return { port: e.PORT, host: e.TONGCE_HOST, ratePerSecond: e.TONGCE_RATE_LIMIT, idleDays: e.TONGCE_SESSION_IDLE_DAYS, logLevel: e.TONGCE_LOG_LEVEL, trustProxy };
}
