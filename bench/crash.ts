import Database from 'better-sqlite3';
import { isDeepStrictEqual } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Conversations } from '../bot/conversation.js';
import type { Input, Message } from '../bot/dialog/message.js';
import { openKnowledge } from '../knowledge/index.js';
import { ChatClient, failureCode } from './lib/chat-client.js';
import { enterprise, rng } from './lib/enterprises.js';
import { answerTo, CHECKS } from './lib/scripted-user.js';
import { startServer, type ServerProcess } from './lib/server-process.js';

export interface CrashOptions {
  /** dialogs to complete (default 100) */
  dialogs?: number;
  /** how many of them run at once (default 10) */
  concurrency?: number;
  /** the server is killed after a random number of replies in this range, then a random 0–20 ms more (default 3–15) */
  repliesBetweenKills?: [number, number];
  seed?: number;
}

/** The evaluation date of the server and of the reference run: both must judge the same facts the same way. */
export const CRASH_TODAY = '2026-11-22';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One scripted user and what it saw: each message it sent, in order, exactly as sent (also on retries). */
export interface User {
  id: number;
  sessionId?: string;
  sent: Array<Input & { messageId: string }>;
  replayed: number;
  /** the first message was retried: its first attempt may already have opened the session */
  firstRetried: boolean;
  outcome: 'verdict' | 'stuck' | 'rejected' | 'gave up';
}

/** A flat view of facts, per-year values as `salesRevenueByYear.2025`, so that a lost year counts as a lost fact. */
function leaves(facts: Record<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(facts)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [y, w] of Object.entries(v)) out.set(`${k}.${y}`, w);
    else out.set(k, v);
  }
  return out;
}

class Harness {
  server!: ServerProcess;
  replies = 0;
  kills = 0;
  connectionFailures = 0;
  /** 500s the servers logged, summed over every process the run started */
  internalErrors = 0;
  finished = false;

  constructor(readonly dataDir: string) {}

  async start(port = 0): Promise<void> {
    // the port the killed server had may take a moment to be free again
    for (let attempt = 1; ; attempt++) {
      try {
        this.server = await startServer({ dataDir: this.dataDir, port, env: { TONGCE_TODAY: CRASH_TODAY } });
        return;
      } catch (e) {
        if (attempt >= 20) throw e;
        await sleep(100);
      }
    }
  }

  /** Kills the server after a random number of replies and a random moment more, restarts it, until all is done. */
  async killer(random: () => number, [min, max]: [number, number]): Promise<void> {
    while (!this.finished) {
      const target = this.replies + min + Math.floor(random() * (max - min + 1));
      while (this.replies < target && !this.finished) await sleep(2);
      if (this.finished) return;
      await sleep(random() * 20);
      const port = this.server.port;
      await this.server.crash();
      this.countInternalErrors();
      this.kills++;
      await this.start(port);
    }
  }

  countInternalErrors(): void {
    this.internalErrors += (this.server.stderr().match(/internal error/gu) ?? []).length;
  }

  /**
   * Sends a message as the web page does: on a connection failure, the very same body (same messageId) again
   * until a reply comes. Returns the reply, or null when the server answered with an error status.
   */
  async send(client: ChatClient, user: User, body: Input & { messageId: string }): Promise<Message[] | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        const r = await client.post('/api/chat', { ...body, ...(user.sessionId ? { sessionId: user.sessionId } : {}) });
        if (r.status !== 200) return null;
        const reply = r.body as { sessionId: string; messages: Message[]; replayed?: boolean };
        user.sessionId = reply.sessionId;
        if (reply.replayed) user.replayed++;
        this.replies++;
        return reply.messages;
      } catch (e) {
        this.connectionFailures++;
        if (user.sent.length === 0) user.firstRetried = true;
        if (attempt >= 400) throw new Error(`user ${user.id}: no reply after ${attempt} attempts (${failureCode(e)})`);
        await sleep(25 + Math.random() * 100);
      }
    }
  }

  async dialog(client: ChatClient, id: number, seed: number): Promise<User> {
    const random = rng(seed * 7919 + id);
    const profile = enterprise(random, CRASH_TODAY);
    // the web page names its session before its first message, so a retried first message lands in that session
    const user: User = { id, sessionId: `crash-${seed}-${id}-${Math.floor(random() * 2 ** 32).toString(16)}`, sent: [], replayed: 0, firstRetried: false, outcome: 'gave up' };
    let input: Input = { action: CHECKS[Math.floor(random() * CHECKS.length)]! };
    let answered: string | undefined;
    for (let n = 1; n <= 120; n++) {
      const body = { ...input, messageId: `c${id}-m${n}` };
      const messages = await this.send(client, user, body);
      if (!messages) {
        user.outcome = 'rejected';
        return user;
      }
      user.sent.push(body);
      const answer = answerTo(messages, profile);
      if (!answer) {
        user.outcome = 'verdict';
        return user;
      }
      if (answer.fact === answered) {
        user.outcome = 'stuck';
        return user;
      }
      answered = answer.fact;
      input = { text: answer.text };
    }
    return user;
  }
}

interface StoredSession {
  id: string;
  turns: number;
  facts: string;
}

/**
 * What the run should have produced: the same messages sent once each, in order, to a conversation service that
 * never crashed. Facts the stored session lacks (or holds differently) are lost; turns beyond the messages sent
 * were applied twice.
 */
export function audit(users: Array<Pick<User, 'id' | 'sessionId' | 'sent'>>, crashDir: string) {
  const reference = new Conversations({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-crash-ref-')), knowledge: openKnowledge({ dataDir: crashDir }), today: () => CRASH_TODAY });
  const db = new Database(join(crashDir, 'conversations.db'), { readonly: true });
  const session = db.prepare<[string], StoredSession>('SELECT id, turns, facts FROM sessions WHERE id = ?');
  const transcriptRows = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM transcripts WHERE session_id = ?');
  const processedRows = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM processed WHERE session_id = ?');
  const tally = { factsExpected: 0, factsLost: 0, factsChanged: 0, turnsAppliedTwice: 0, turnsLost: 0, transcriptMismatches: 0, sessionsMissing: 0 };
  const lost: string[] = [];
  for (const user of users) {
    const stored = user.sessionId ? session.get(user.sessionId) : undefined;
    if (!stored) {
      tally.sessionsMissing++;
      continue;
    }
    for (const body of user.sent) reference.handle('web', stored.id, { text: body.text, action: body.action }, body.messageId);
    const expected = leaves(reference.store.get(stored.id)!.facts);
    const actual = leaves(JSON.parse(stored.facts) as Record<string, unknown>);
    tally.factsExpected += expected.size;
    for (const [key, value] of expected) {
      if (!actual.has(key)) {
        tally.factsLost++;
        lost.push(`user ${user.id}: ${key}`);
      } else if (!isDeepStrictEqual(actual.get(key), value)) tally.factsChanged++;
    }
    tally.turnsAppliedTwice += Math.max(0, stored.turns - user.sent.length);
    tally.turnsLost += Math.max(0, user.sent.length - stored.turns);
    const transcripts = transcriptRows.get(stored.id)!.n;
    const processed = processedRows.get(stored.id)!.n;
    if (transcripts !== 2 * stored.turns || processed !== stored.turns) tally.transcriptMismatches++;
  }
  // a session no user holds was opened by a first message applied twice: once in the session the user named, once
  // in another (a server that ignored the name, or minted a new session on the retry)
  const known = new Set(users.map((u) => u.sessionId));
  const orphans = (db.prepare('SELECT id, turns FROM sessions').all() as Array<{ id: string; turns: number }>).filter((s) => !known.has(s.id));
  db.close();
  return { ...tally, firstMessagesAppliedTwice: orphans.reduce((n, s) => n + s.turns, 0), lostExamples: lost.slice(0, 10) };
}

/**
 * Crash safety: scripted users complete eligibility dialogs over HTTP while `tongce serve` is killed with
 * SIGKILL at random moments and restarted on the same port; each user retries a message with its messageId
 * after a connection failure, as the web page does. Afterwards the database is audited against a run that never
 * crashed: facts lost, turns applied twice.
 */
export async function runCrashBench(options: CrashOptions = {}): Promise<Record<string, unknown>> {
  const dialogs = options.dialogs ?? 100;
  const concurrency = options.concurrency ?? 10;
  const seed = options.seed ?? 7;
  const dataDir = mkdtempSync(join(tmpdir(), 'tongce-crash-'));
  const harness = new Harness(dataDir);
  await harness.start();
  const client = new ChatClient(harness.server.url, 10_000);
  const killing = harness.killer(rng(seed), options.repliesBetweenKills ?? [3, 15]);
  const users: User[] = [];
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: Math.min(concurrency, dialogs) }, async () => {
        for (let id = next++; id < dialogs; id = next++) users.push(await harness.dialog(client, id, seed));
      }),
    );
  } finally {
    harness.finished = true;
    await killing;
    client.close();
    await harness.server.stop();
    harness.countInternalErrors();
  }
  const outcomes: Record<string, number> = {};
  for (const u of users) outcomes[u.outcome] = (outcomes[u.outcome] ?? 0) + 1;
  return {
    dialogs: users.length,
    outcomes,
    kills: harness.kills,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    messagesSent: users.reduce((n, u) => n + u.sent.length, 0),
    connectionFailures: harness.connectionFailures,
    // a retry of a message whose turn had committed before the kill: the stored reply came back, nothing reapplied
    repliesReplayed: users.reduce((n, u) => n + u.replayed, 0),
    firstMessagesRetried: users.filter((u) => u.firstRetried).length,
    ...audit(users, dataDir),
    serverInternalErrors: harness.internalErrors,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runCrashBench(), null, 2));
}
