import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fabricationCases } from '../../bench/llm-fabrications.js';
import { toolCallReply } from '../../bench/llm-replies.js';
import { GoldQuestion, readJsonl } from '../../bench/lib/gold.js';
import { LlmAssistant } from '../../bot/llm/assistant.js';
import type { GroundedDraft } from '../../bot/llm/answer-checks.js';
import { testKnowledge } from '../helpers/knowledge.js';
import { chat, FAST_RETRY, offline, recorder, testConfig } from './support/model.js';

offline();
const knowledge = testKnowledge();
const gold = readJsonl('bench/gold/questions.jsonl', GoldQuestion);
const cases = fabricationCases(knowledge, gold, 60);
const log = recorder();
const assistant = new LlmAssistant(testConfig(), { knowledge, dataDir: mkdtempSync(join(tmpdir(), 'tongce-llm-')), onEvent: log.sink, retry: FAST_RETRY });

/** What the lookup shows when the scripted model sends this draft: the model's citations, or the extractive ones. */
async function shown(question: string, jurisdiction: string | null, draft: GroundedDraft) {
  chat().reply(200, toolCallReply('grounded_answer', draft));
  return assistant.groundedAnswer(question, { jurisdiction }, '2026-03-01', AbortSignal.timeout(2000));
}

describe('a scripted model that fabricates quotes, clause ids and figures', () => {
  it('is tried on at least 50 fabrications of each kind in turn', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    for (const kind of ['quote', 'clause', 'number']) expect(cases.filter((c) => c.kind === kind).length).toBeGreaterThanOrEqual(16);
  });

  it('has every fabrication caught: 100%, none reaches the user', async () => {
    let caught = 0;
    for (const c of cases) {
      log.events.length = 0;
      const result = await shown(c.question, c.jurisdiction, c.fabricated);
      if (result === null && log.events[0]?.reason === 'unverified') caught++;
      else expect.fail(`not caught (${c.kind}, ${c.how}): ${c.question}`);
    }
    expect(caught / cases.length).toBe(1);
  });

  it('uses the honest draft of the same lookups, so the checks are not simply refusing everything', async () => {
    for (const c of cases) {
      const result = await shown(c.question, c.jurisdiction, c.honest);
      expect(result, c.question).not.toBeNull();
      expect(result!.citations.map((x) => x.clauseId)).toEqual(c.honest.citations.map((x) => x.clauseId));
    }
  });
});
