import { randomUUID } from 'node:crypto';
import { Conversations, type ConversationOptions, type Reply } from '../conversation.js';
import type { Input } from '../dialog/message.js';
import type { Channel } from '../state/sessions.js';
import { turnContext, type Logger } from './logger.js';
import type { ServiceMetrics } from './metrics.js';

/**
 * Conversations as the service runs them: every turn gets a request id (the one its HTTP request carries, or a
 * new one) that every log line written during it repeats, one log line when it ends, and its count and duration
 * in the metrics. What users wrote is never logged.
 */
export class ObservedConversations extends Conversations {
  constructor(options: ConversationOptions, private readonly ops: { log: Logger; metrics: ServiceMetrics }) {
    super(options);
  }

  override handleAsync(channel: Channel, userKey: string, input: Input, messageKey?: string): Promise<Reply> {
    const requestId = turnContext.getStore()?.requestId ?? randomUUID();
    return turnContext.run({ requestId }, async () => {
      const started = performance.now();
      try {
        const reply = await super.handleAsync(channel, userKey, input, messageKey);
        const seconds = (performance.now() - started) / 1000;
        this.ops.metrics.turn(channel, seconds, reply.messages);
        const sources = reply.messages.flatMap((m) => (m.source ? [m.source] : []));
        this.ops.log.info(
          { channel, sessionId: reply.sessionId, ms: Math.round(seconds * 1000), messages: reply.messages.length, ...(sources.length ? { sources } : {}), ...(reply.replayed ? { replayed: true } : {}) },
          'turn',
        );
        return reply;
      } catch (e) {
        this.ops.log.error({ channel, err: e }, 'turn failed');
        throw e;
      }
    });
  }
}
