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
const CHANNELS = [
  { kind: 'wecom', name: '企业微信', path: 'callback → message/send' },
  { kind: 'wechat', name: '公众号 (safe mode)', path: 'callback → passive reply or 客服 API' },
] as const;
const latencies = { callback: { wecom: [] as number[], wechat: [] as number[] }, reply: { wecom: [] as number[], wechat: [] as number[] } };

beforeAll(blockRealNetwork);
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.enableNetConnect();
  // TONGCE_REPORT_LATENCY=1: the turn latency through each callback path, in-process over loopback
  if (!process.env.TONGCE_REPORT_LATENCY) return;
  const summary = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
    return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`;
  };
  for (const c of CHANNELS) {
    console.log(`${c.name}, ${latencies.reply[c.kind].length} turns — callback answered: ${summary(latencies.callback[c.kind])}; ${c.path}: ${summary(latencies.reply[c.kind])}`);
  }
});

for (const c of CHANNELS) {
  describe(`transcripts over ${c.name}`, () => {
    for (const t of loadTranscripts('test/bot/transcripts')) {
      it(t.name, async () => {
        const user = plainTextDriver(c.kind, knowledge, mkdtempSync(join(tmpdir(), `tongce-${c.kind}t-`)), 'transcript-user');
        await user.up();
        await play(t, user.driver);
        await user.close();
        latencies.callback[c.kind].push(...user.latenciesMs.callback);
        latencies.reply[c.kind].push(...user.latenciesMs.reply);
      });
    }
  });
}
