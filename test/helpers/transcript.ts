import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect } from 'vitest';
import { z } from 'zod';
import { typed } from '../../bench/lib/typed.js';

/** What the bot sent back in one turn, as every channel can report it. */
export interface BotMessage {
  text: string;
  ask?: { fact: string };
  citations?: unknown[];
  evaluation?: { programmes: Array<{ id: string; outcome: string }> };
  buttons?: Array<{ label: string; action: string }>;
}

/** A channel under test: send a user's text or button action, get the bot's messages; restart kills and resumes. */
export interface Driver {
  send(input: { text?: string; action?: string }): Promise<BotMessage[]>;
  restart(): Promise<void>;
  facts(): Promise<Record<string, unknown>>;
}

const Step = z.union([
  z.object({ say: z.string(), asks: z.string().optional(), replies: z.array(z.string()).optional(), notReplies: z.array(z.string()).optional(), cites: z.boolean().optional() }),
  z.object({ action: z.string(), asks: z.string().optional(), replies: z.array(z.string()).optional(), notReplies: z.array(z.string()).optional() }),
  // replies / notReplies: in the turn that ends the answering (the verdict)
  z.object({
    answerFrom: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    maxQuestions: z.number().optional(),
    replies: z.array(z.string()).optional(),
    notReplies: z.array(z.string()).optional(),
  }),
  z.object({ restart: z.literal(true) }),
  z.object({ verdict: z.record(z.string(), z.enum(['eligible', 'ineligible', 'undetermined'])) }),
  z.object({ facts: z.record(z.string(), z.unknown()) }),
]);
export const Transcript = z.object({ name: z.string(), today: z.string().optional(), steps: z.array(Step).min(1) });
export type Transcript = z.infer<typeof Transcript>;

export function loadTranscripts(dir: string): Transcript[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => Transcript.parse(parse(readFileSync(join(dir, f), 'utf8'))));
}

const asked = (messages: BotMessage[]) => messages.findLast((m) => m.ask)?.ask?.fact;
const allText = (messages: BotMessage[]) => messages.map((m) => m.text).join('\n');

/** Plays a transcript against a driver, asserting every expectation it states. */
export async function play(t: Transcript, driver: Driver): Promise<void> {
  let last: BotMessage[] = [];
  let verdictSeen: BotMessage[] = [];
  for (const [i, step] of t.steps.entries()) {
    const where = `${t.name}, step ${i + 1}`;
    if ('restart' in step) {
      await driver.restart();
      continue;
    }
    if ('verdict' in step) {
      const evaluation = [...verdictSeen, ...last].findLast((m) => m.evaluation)?.evaluation;
      expect(evaluation, `${where}: a verdict carrying its evaluation`).toBeDefined();
      for (const [id, outcome] of Object.entries(step.verdict)) {
        expect(evaluation!.programmes.find((p) => p.id === id)?.outcome, `${where}: ${id}`).toBe(outcome);
      }
      continue;
    }
    if ('facts' in step) {
      expect(await driver.facts(), where).toMatchObject(step.facts);
      continue;
    }
    if ('answerFrom' in step) {
      let questions = 0;
      for (let fact = asked(last); fact; fact = asked(last)) {
        expect(++questions, `${where}: questions asked`).toBeLessThanOrEqual(step.maxQuestions ?? 60);
        const value = step.answerFrom[fact];
        last = await driver.send({ text: value === undefined ? '不知道' : typed(fact, value) });
        if (last.some((m) => m.evaluation)) verdictSeen = last;
      }
      for (const r of step.replies ?? []) expect(allText(last), `${where}: replies`).toContain(r);
      for (const r of step.notReplies ?? []) expect(allText(last), `${where}: does not reply`).not.toContain(r);
      continue;
    }
    last = await driver.send('say' in step ? { text: step.say } : { action: step.action });
    if (last.some((m) => m.evaluation)) verdictSeen = last;
    const text = allText(last);
    if (step.asks) expect(asked(last), `${where}: asks`).toBe(step.asks);
    for (const r of step.replies ?? []) expect(text, `${where}: replies`).toContain(r);
    for (const r of ('notReplies' in step ? step.notReplies : undefined) ?? []) expect(text, `${where}: does not reply`).not.toContain(r);
    if ('cites' in step && step.cites) expect(last.some((m) => (m.citations?.length ?? 0) > 0), `${where}: cites`).toBe(true);
  }
}
