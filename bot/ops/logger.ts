import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The turn being handled, so that lines written deep inside it (a model fallback) carry its request id. */
export const turnContext = new AsyncLocalStorage<{ requestId: string }>();

/**
 * The service's structured log: one JSON object a line on stderr (stdout stays for the command's own output),
 * ISO timestamps, and the current turn's request id on every line written while a turn is handled.
 */
export function createLogger(options: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'tongce' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const turn = turnContext.getStore();
        return turn ? { requestId: turn.requestId } : {};
      },
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}
