import { z } from 'zod';

/** POST /api/chat (contracts.md), plus an optional messageId that makes a retried message count once. */
export const ChatRequest = z
  .strictObject({
    sessionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'sessionId: 8–64 letters, digits, - or _').optional(),
    text: z.string().max(2000, 'text: at most 2000 characters').optional(),
    action: z.string().max(200, 'action: at most 200 characters').optional(),
    messageId: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'messageId: 1–64 letters, digits or - _ . :').optional(),
  })
  .refine((b) => b.text !== undefined || b.action !== undefined, { message: 'give text or action' });
export type ChatRequest = z.infer<typeof ChatRequest>;
