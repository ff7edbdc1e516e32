import { z } from 'zod';

/**
 * The shapes of ../shared/spec/contracts.md, written from the document rather than imported from the code, so a
 * drift in the code shows up here. Objects are open: the contract lets the code add fields, never drop or rename.
 */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

export const Citation = z.object({
  docId: z.string().min(1),
  docTitle: z.string().min(1),
  docNumber: z.string().nullable(),
  issuer: z.string(),
  date: IsoDate,
  sourceKind: z.enum(['policy', 'standard', 'regulation', 'report']),
  clauseId: z.string().min(1),
  path: z.string(),
  quote: z.string().min(1),
});

export const AskJson = z.object({
  query: z.string(),
  covered: z.boolean(),
  answer: z.string().min(1),
  citations: z.array(Citation),
});

const Condition = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(['met', 'unmet', 'unknown']),
  detail: z.string(),
  gap: z.string().nullable(),
  citations: z.array(Citation),
});

const Programme = z.object({
  id: z.string(),
  title: z.string(),
  outcome: z.enum(['eligible', 'ineligible', 'undetermined']),
  score: z.object({ min: z.number(), max: z.number(), pass: z.number() }).nullable(),
  conditions: z.array(Condition),
  missingFacts: z.array(z.string()),
  citations: z.array(Citation),
  notes: z.array(z.string()),
});

export const EvaluateJson = z.object({
  asOf: IsoDate,
  programmes: z.array(Programme).min(1),
  benefits: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.enum(['applies', 'maybe', 'no']),
      reason: z.string(),
      jurisdiction: z.string(),
      citations: z.array(Citation),
    }),
  ),
  parks: z.array(z.object({ park: z.string(), region: z.string(), directions: z.string(), citations: z.array(Citation) })),
});

export const TriageJson = z.object({
  query: z.string(),
  departments: z
    .array(z.object({ name: z.string().min(1), jurisdiction: z.string(), confidence: z.number().min(0).max(1), citations: z.array(Citation) }))
    .max(3),
  handoff: z.boolean(),
});

const Ask = z.object({
  fact: z.string().min(1),
  kind: z.enum(['boolean', 'number', 'date', 'choice', 'text']),
  unit: z.string().optional(),
  choices: z.array(z.string()).optional(),
});

export const BotMessage = z.object({
  text: z.string(),
  buttons: z.array(z.object({ label: z.string(), action: z.string() })).optional(),
  citations: z.array(Citation).optional(),
  ask: Ask.optional(),
  evaluation: EvaluateJson.optional(),
  source: z.enum(['extractive', 'model']).optional(),
});

export const ChatResponse = z.object({
  sessionId: z.string().min(1),
  messages: z.array(BotMessage).min(1),
});

/** GET /api/messages: staff replies waiting for the session (possibly none). */
export const StaffRepliesResponse = z.object({ sessionId: z.string(), messages: z.array(BotMessage) });

/** What the Telegram webhook answers once it has taken an update. */
export const Ack = z.strictObject({ ok: z.literal(true) });

/** GET /healthz of a running service: each component, and whether the required ones are up. */
export const Health = z.strictObject({
  ok: z.literal(true),
  components: z.record(z.string(), z.looseObject({ ok: z.boolean(), required: z.boolean() })),
});

/** Every 4xx: a reason a person can read, on one line. */
export const ErrorBody = z.object({ error: z.string().min(1).regex(/^[^\n]*$/u, 'one line') });

/** A bad --jsonl line's output. */
export const JsonlError = z.object({ error: z.string().min(1), line: z.number().int().positive() });
