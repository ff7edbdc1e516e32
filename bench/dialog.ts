import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChatServer } from '../bot/channels/http/server.js';
import { Conversations } from '../bot/conversation.js';
import type { Message } from '../bot/dialog/message.js';
import { openKnowledge } from '../knowledge/index.js';
import { evaluate } from '../rules/evaluate.js';
import type { Facts } from '../rules/facts/schema.js';
import { REGISTRY } from '../rules/programmes/index.js';
import { enterprise, rng } from './lib/enterprises.js';
import { percentile, round } from './lib/metrics.js';
import { typed } from './lib/typed.js';

const AS_OF = '2026-11-22';
const PROGRAMMES = REGISTRY.ids;

function valueAt(profile: Record<string, unknown>, path: string): unknown {
  const [key, year] = path.split('.');
  const v = profile[key!];
  return year && v && typeof v === 'object' ? (v as Record<string, unknown>)[year] : v;
}

const askedFact = (messages: Message[]) => messages.findLast((m) => m.ask)?.ask?.fact;

/**
 * Dialog efficiency: a scripted enterprise answers every question in ordinary Chinese until the verdict; the
 * questions it took, per programme, against what a static form would ask (every fact the programme's rules can
 * use: its missing facts on an empty profile). Also the latency of a turn, in-process and over HTTP.
 */
export async function runDialogBench(options: { profiles?: number; httpDialogs?: number } = {}): Promise<Record<string, unknown>> {
  const n = options.profiles ?? 200;
  const dataDir = mkdtempSync(join(tmpdir(), 'tongce-dialog-bench-'));
  const knowledge = openKnowledge({ dataDir });
  const conversations = new Conversations({ dataDir, knowledge, today: () => AS_OF });
  const empty = evaluate({} as Facts, AS_OF);
  const formSize = Object.fromEntries(empty.programmes.map((p) => [p.id, p.missingFacts.length]));
  const random = rng(2026);
  const turnMs: number[] = [];
  const perProgramme: Record<string, { questions: number[]; undecided: number }> = {};

  for (let i = 0; i < n; i++) {
    const profile = enterprise(random, AS_OF);
    for (const programme of PROGRAMMES) {
      const user = `bench-${i}-${programme}`;
      let t = performance.now();
      let messages = conversations.handle('web', user, { action: `check:${programme}` }).messages;
      turnMs.push(performance.now() - t);
      let questions = 0;
      for (let fact = askedFact(messages); fact && questions < 80; fact = askedFact(messages)) {
        questions++;
        const value = valueAt(profile, fact);
        t = performance.now();
        messages = conversations.handle('web', user, { text: value === undefined ? '不知道' : typed(fact, value) }).messages;
        turnMs.push(performance.now() - t);
      }
      const outcome = messages.findLast((m) => m.evaluation)?.evaluation?.programmes.find((p) => p.id === programme)?.outcome;
      const entry = (perProgramme[programme] ??= { questions: [], undecided: 0 });
      entry.questions.push(questions);
      if (outcome === 'undetermined' || outcome === undefined) entry.undecided++;
    }
  }

  const efficiency = Object.fromEntries(
    Object.entries(perProgramme).map(([id, e]) => {
      const mean = e.questions.reduce((a, b) => a + b, 0) / e.questions.length;
      return [id, { meanQuestions: round(mean, 2), staticForm: formSize[id], share: round(mean / formSize[id]!, 3), undecided: e.undecided, dialogs: e.questions.length }];
    }),
  );

  // over HTTP: the same scripted dialogs through the API, timing each request
  const server = createChatServer({ conversations, ratePerSecond: 1e6 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/chat`;
  const httpMs: number[] = [];
  const httpRandom = rng(99);
  for (let i = 0; i < (options.httpDialogs ?? 50); i++) {
    const profile = enterprise(httpRandom, AS_OF);
    const post = async (body: Record<string, unknown>) => {
      const t = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await res.json()) as { sessionId: string; messages: Message[] };
      httpMs.push(performance.now() - t);
      return json;
    };
    let reply = await post({ action: 'check:hnte' });
    for (let q = 0, fact = askedFact(reply.messages); fact && q < 80; q++, fact = askedFact(reply.messages)) {
      const value = valueAt(profile, fact);
      reply = await post({ sessionId: reply.sessionId, text: value === undefined ? '不知道' : typed(fact, value) });
    }
  }
  await new Promise<void>((r) => server.close(() => r()));

  return {
    profiles: n,
    efficiency,
    turnLatencyMs: { inProcess: { p50: round(percentile(turnMs, 50), 2), p95: round(percentile(turnMs, 95), 2), turns: turnMs.length }, http: { p50: round(percentile(httpMs, 50), 2), p95: round(percentile(httpMs, 95), 2), turns: httpMs.length } },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runDialogBench(), null, 2));
}
