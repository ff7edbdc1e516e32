import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { testKnowledge } from '../helpers/knowledge.js';
import { plainTextDriver } from '../helpers/plain-text-driver.js';
import { loadTranscripts, play } from '../helpers/transcript.js';
import { blockRealNetwork } from '../helpers/wechat.js';

const knowledge = testKnowledge();
const latencies: number[] = [];

beforeAll(blockRealNetwork);
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.enableNetConnect();
  // TONGCE_REPORT_LATENCY=1: the turn latency through the callback path, for the README
  if (process.env.TONGCE_REPORT_LATENCY) {
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
    console.log(`公众号 callback → passive reply or 客服 API, ${sorted.length} turns: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
  }
});

describe('transcripts over 公众号 (safe mode)', () => {
  for (const t of loadTranscripts('test/bot/transcripts')) {
    it(t.name, async () => {
      const user = plainTextDriver('wechat', knowledge, mkdtempSync(join(tmpdir(), 'tongce-wechatt-')), 'transcript-user');
      await user.up();
      await play(t, user.driver);
      await user.close();
      latencies.push(...user.latenciesMs);
    });
  }
});
