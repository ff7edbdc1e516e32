import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message } from '../bot/dialog/message.js';
import { ChatClient, failureCode } from './lib/chat-client.js';
import { enterprise, rng } from './lib/enterprises.js';
import { percentile, round } from './lib/metrics.js';
import { answerTo, CHECKS } from './lib/scripted-user.js';
import { startServer } from './lib/server-process.js';

export interface Level {
  sessions: number;
  /** a user's pause between a reply and their next message, ±50% at random; 0: typing as fast as replies come */
  thinkMs: number;
}

export interface LoadOptions {
  /**
   * one after another; by default 50, 200 and 500 users typing as fast as replies come (closed loops that saturate
   * the server: they measure its capacity, and their latency is users ÷ throughput), then 200 pausing 0.45 s (an
   * offered load above the 300 turns/s target) and 200 pausing 1 s
   */
  levels?: Level[];
  /** how long each level runs (default 20 s); users stop by themselves at this deadline */
  durationMs?: number;
  /** and after this many dialogs each, whichever comes first (default 1000) */
  maxDialogsPerUser?: number;
  seed?: number;
}

export interface LevelResult extends Level {
  /** the most these users can send, sessions ÷ mean pause (they send less as replies slow); null: no pause, a closed loop */
  offeredTurnsPerSecond: number | null;
  seconds: number;
  turns: number;
  dialogsCompleted: number;
  /** dialogs that asked the question just answered again (the scripted user then gives up on the dialog) */
  dialogsStuck: number;
  turnsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** p95 of each user's first request, the one that opens a connection: a saturated server serves new connections last */
  firstRequestP95Ms: number;
  /** the machine's 1-minute load average as the level began: other work on the machine shows up here */
  loadAverage: number;
  errors: number;
  errorKinds: Record<string, number>;
  /** peak resident memory of the server process over the level (VmHWM), MiB */
  peakRssMiB: number | null;
  /** lines the server logged as internal errors (each one a 500) */
  serverInternalErrors: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The server's evaluation date (TONGCE_TODAY) and the enterprises' as-of date, so runs on any day compare. */
const TODAY = '2026-11-22';

interface Tally {
  latencies: number[];
  firstRequests: number[];
  turns: number;
  dialogs: number;
  stuck: number;
  errors: Record<string, number>;
}

function isChatReply(body: unknown): body is { sessionId: string; messages: Message[] } {
  const b = body as { sessionId?: unknown; messages?: unknown } | null;
  return typeof b?.sessionId === 'string' && Array.isArray(b.messages) && b.messages.length > 0;
}

/**
 * One simulated user: a fresh enterprise per dialog, started from a menu check and answered question by question
 * until the verdict, then the next dialog. A failed turn ends that dialog (a person would reload the page).
 */
async function simulatedUser(client: ChatClient, id: number, deadline: number, level: Level, options: Required<LoadOptions>, tally: Tally): Promise<void> {
  const random = rng(options.seed * 7919 + id);
  const think = () => sleep(level.thinkMs * (0.5 + random()));
  let first = true;
  // starting together would measure one burst, not a steady load
  await sleep(random() * 1000);
  for (let dialog = 0; dialog < options.maxDialogsPerUser && performance.now() < deadline; dialog++) {
    const profile = enterprise(random, TODAY);
    let sessionId: string | undefined;
    let n = 0;
    let answered: string | undefined;
    let input: { text?: string; action?: string } | null = { action: CHECKS[Math.floor(random() * CHECKS.length)]! };
    while (input && performance.now() < deadline) {
      let messages: Message[];
      try {
        const r = await client.post('/api/chat', { ...input, ...(sessionId ? { sessionId } : {}), messageId: `u${id}-d${dialog}-m${++n}` });
        if (r.status !== 200 || !isChatReply(r.body)) {
          tally.errors[`http ${r.status}`] = (tally.errors[`http ${r.status}`] ?? 0) + 1;
          break;
        }
        tally.latencies.push(r.ms);
        if (first) tally.firstRequests.push(r.ms);
        first = false;
        tally.turns++;
        sessionId = r.body.sessionId;
        messages = r.body.messages;
      } catch (e) {
        const code = failureCode(e);
        tally.errors[code] = (tally.errors[code] ?? 0) + 1;
        break;
      }
      const answer = answerTo(messages, profile);
      if (!answer) tally.dialogs++;
      else if (answer.fact === answered) {
        tally.stuck++;
        break;
      }
      answered = answer?.fact;
      input = answer ? { text: answer.text } : null;
      if (input && level.thinkMs > 0) await think();
    }
  }
}

async function runLevel(dataDir: string, level: Level, options: Required<LoadOptions>): Promise<LevelResult> {
  // a fresh server process per level, so its peak memory is this level's
  const server = await startServer({ dataDir, env: { TONGCE_TODAY: TODAY } });
  const client = new ChatClient(server.url);
  const loadAverage = loadavg()[0]!;
  const tally: Tally = { latencies: [], firstRequests: [], turns: 0, dialogs: 0, stuck: 0, errors: {} };
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(Array.from({ length: level.sessions }, (_, i) => simulatedUser(client, i, deadline, level, options, tally)));
  const seconds = (performance.now() - started) / 1000;
  client.close();
  const peakRssMiB = server.peakRssMiB();
  await server.stop();
  const errors = Object.values(tally.errors).reduce((a, b) => a + b, 0);
  return {
    ...level,
    offeredTurnsPerSecond: level.thinkMs > 0 ? round(level.sessions / (level.thinkMs / 1000), 1) : null,
    seconds: round(seconds, 1),
    turns: tally.turns,
    dialogsCompleted: tally.dialogs,
    dialogsStuck: tally.stuck,
    turnsPerSecond: round(tally.turns / seconds, 1),
    latencyMs: {
      p50: round(percentile(tally.latencies, 50), 2),
      p95: round(percentile(tally.latencies, 95), 2),
      p99: round(percentile(tally.latencies, 99), 2),
      max: round(tally.latencies.reduce((a, b) => Math.max(a, b), 0), 2),
    },
    firstRequestP95Ms: round(percentile(tally.firstRequests, 95), 2),
    loadAverage: round(loadAverage, 2),
    errors,
    errorKinds: tally.errors,
    peakRssMiB: peakRssMiB === null ? null : round(peakRssMiB, 1),
    serverInternalErrors: (server.stderr().match(/internal error/gu) ?? []).length,
  };
}

/**
 * Load: simulated users completing eligibility dialogs over HTTP against `tongce serve` in a process of its own,
 * at each level of concurrent sessions. Client and server share the machine, so on 2 cores the numbers are a
 * lower bound for the server alone.
 */
export async function runLoadBench(options: LoadOptions = {}): Promise<Record<string, unknown>> {
  const opts: Required<LoadOptions> = {
    levels: options.levels ?? [
      { sessions: 50, thinkMs: 0 },
      { sessions: 200, thinkMs: 0 },
      { sessions: 500, thinkMs: 0 },
      { sessions: 200, thinkMs: 450 },
      { sessions: 200, thinkMs: 1000 },
    ],
    durationMs: options.durationMs ?? 20_000,
    maxDialogsPerUser: options.maxDialogsPerUser ?? 1000,
    seed: options.seed ?? 2026,
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'tongce-load-'));
  // build the knowledge index before measuring: a level's peak memory is serving, not indexing
  await (await startServer({ dataDir })).stop();
  const levels: LevelResult[] = [];
  for (const level of opts.levels) levels.push(await runLevel(dataDir, level, opts));
  return { cpus: cpus().length, durationMs: opts.durationMs, levels };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runLoadBench(), null, 2));
}
