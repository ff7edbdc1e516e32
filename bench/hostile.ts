import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { openKnowledge } from '../knowledge/index.js';
import { runCli } from '../test/helpers/cli.js';
import { AskJson, EvaluateJson, JsonlError, TriageJson } from '../test/hostile/contracts.js';
import { startFakeTelegram, unsafeTelegramMessage } from './lib/fake-telegram.js';
import { judge, probes, send, type Probe, type Secrets } from './lib/hostile-http.js';
import { brokenBody, hostileProfile, hostileText } from './lib/hostile-inputs.js';
import { startServer, type ServerProcess } from './lib/server-process.js';

export const SECRETS: Secrets = { webhookSecret: 'hostile-webhook-secret-7', staffToken: 'hostile-staff-token-9f3a' };

/** `tongce serve` in its own process with every route mounted (web, Telegram webhook, staff desk) over a fake Bot API. */
export async function startHostileServer() {
  const telegram = await startFakeTelegram();
  const server = await startServer({
    dataDir: mkdtempSync(join(tmpdir(), 'tongce-hostile-')),
    env: {
      TELEGRAM_BOT_TOKEN: '123456:HOSTILE-token',
      TELEGRAM_WEBHOOK_SECRET: SECRETS.webhookSecret,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TONGCE_STAFF_TOKEN: SECRETS.staffToken,
      TONGCE_TODAY: '2026-11-22',
    },
  });
  // idle connections closed before the server's 5 s keep-alive timeout: no reset from a connection it is closing
  const agent = new Agent({ keepAlive: true, timeout: 4_000 });
  return {
    server,
    telegram,
    send: (probe: Probe) => send(agent, server.url, probe),
    close: async () => {
      agent.destroy();
      await server.stop();
      await telegram.close();
    },
  };
}

/** Counts for one part of the run; `examples` keeps the first few failures, enough to reproduce each. */
export interface Tally {
  inputs: number;
  crashes: number;
  serverErrors: number;
  invalid: number;
  examples: string[];
}

const newTally = (): Tally => ({ inputs: 0, crashes: 0, serverErrors: 0, invalid: 0, examples: [] });

function note(t: Tally, kind: 'crashes' | 'serverErrors' | 'invalid', example: string): void {
  t[kind]++;
  if (t.examples.length < 10) t.examples.push(example.slice(0, 300));
}

/** Why a command's result breaks the CLI contract, or null: exit 0 with one valid JSON document, or non-zero with a one-line reason. */
export function judgeCommand(result: { code: number; out: string; err: string }, schema: z.ZodType): string | null {
  if (result.code !== 0) {
    const reason = result.err.replace(/\n$/u, '');
    if (!reason || reason.includes('\n')) return `exit ${result.code} without a one-line reason: ${JSON.stringify(result.err.slice(0, 200))}`;
    return result.out === '' ? null : `exit ${result.code} but wrote to stdout`;
  }
  const lines = result.out.split('\n').filter(Boolean);
  if (lines.length !== 1) return `--json printed ${lines.length} lines`;
  let doc: unknown;
  try {
    doc = JSON.parse(lines[0]!);
  } catch {
    return 'stdout is not JSON';
  }
  const r = schema.safeParse(doc);
  return r.success ? null : r.error.issues.slice(0, 2).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

/** `tongce evaluate` on a profile read from standard input, judged as the CLI contract says. */
export async function evaluateOutcome(stdin: string, argv: string[] = ['-', '--json']): Promise<string | null> {
  return judgeCommand(await runCli(['evaluate', ...argv], stdin), EvaluateJson);
}

async function guarded(t: Tally, what: string, run: () => Promise<string | null>): Promise<void> {
  t.inputs++;
  try {
    const problem = await run();
    if (problem) note(t, 'invalid', `${what}: ${problem}`);
  } catch (e) {
    note(t, 'crashes', `${what}: threw ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  }
}

const show = (v: unknown) => JSON.stringify(v)?.slice(0, 120) ?? String(v);

/** HTTP: every kind of hostile request to a live server process; then the server must still be up, with nothing logged as internal. */
async function httpPart(n: number, seed: number): Promise<Tally & { telegramMessages: number; telegramUnsafe: number; serverAlive: boolean; slowest: { ms: number; request: string } }> {
  const t = newTally();
  // an input that takes seconds to answer is a way to deny service, even when the answer is right
  const slowest = { ms: 0, request: '' };
  const target = await startHostileServer();
  const list = fc.sample(probes(SECRETS), { numRuns: n, seed });
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < list.length; i = next++) {
        const probe = list[i]!;
        const what = `${probe.method} ${probe.path.slice(0, 60)} ${show(probe.body?.toString().slice(0, 120))}`;
        await guarded(t, what, async () => {
          const started = performance.now();
          const reply = await target.send(probe);
          const ms = performance.now() - started;
          if (ms > slowest.ms) Object.assign(slowest, { ms: Math.round(ms), request: what });
          const problem = judge(probe, reply);
          if (problem && reply.status >= 500) {
            note(t, 'serverErrors', `${what}: ${problem}`);
            return null;
          }
          return problem;
        });
      }
    }),
  );
  const alive = await isAlive(target.server);
  const logged = target.server.stderr().split(/(?=internal error on )/u).filter((l) => l.startsWith('internal error on '));
  const internal = logged.length;
  // the server's own account of its first 500s: where the stack points is where the bug is
  for (const l of logged.slice(0, 3)) t.examples.push(`server log: ${l.slice(0, 600)}`);
  const unsafe = target.telegram.sent.map(unsafeTelegramMessage).filter((p): p is string => p !== null);
  for (const p of unsafe.slice(0, 3)) t.examples.push(`telegram: ${p}`);
  await target.close();
  if (!alive) note(t, 'crashes', 'the server process died');
  return { ...t, invalid: t.invalid + unsafe.length, serverErrors: Math.max(t.serverErrors, internal), telegramMessages: target.telegram.sent.length, telegramUnsafe: unsafe.length, serverAlive: alive, slowest };
}

async function isAlive(server: ServerProcess): Promise<boolean> {
  try {
    return (await fetch(`${server.url}/healthz`)).ok;
  } catch {
    return false;
  }
}

/** ask, in-process and through the CLI (--json and --jsonl), and triage, on hostile questions. */
async function askPart(n: number, seed: number): Promise<Tally> {
  const t = newTally();
  const knowledge = openKnowledge({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-hostile-ask-')) });
  const questions = fc.sample(hostileText, { numRuns: n, seed });
  for (const [i, q] of questions.entries()) {
    await guarded(t, `knowledge.ask(${show(q)})`, async () => {
      const r = AskJson.safeParse(knowledge.ask(q));
      return r.success ? null : r.error.issues[0]!.message;
    });
    if (i % 4 === 0) await guarded(t, `tongce ask --json ${show(q)}`, async () => judgeCommand(await runCli(['ask', '--json', q]), AskJson));
    if (i % 4 === 1) await guarded(t, `tongce triage --json ${show(q)}`, async () => judgeCommand(await runCli(['triage', '--json', q]), TriageJson));
    if (i % 4 === 2) await guarded(t, `tongce triage --jurisdiction ${show(q)}`, async () => judgeCommand(await runCli(['triage', '--json', '--jurisdiction', q, '高企认定找谁']), TriageJson));
  }
  // one batch of every question, as a line of JSON or as raw text: one output line per input line, in order
  const lines = questions.map((q, i) => (i % 3 === 0 ? q.replace(/[\r\n\u2028\u2029\u0085]/gu, ' ') : JSON.stringify(i % 3 === 1 ? q : { q })));
  await guarded(t, 'tongce ask --jsonl', async () => {
    const r = await runCli(['ask', '--jsonl'], lines.join('\n'));
    const out = r.out.split('\n').filter(Boolean);
    const expected = lines.filter((l) => l.trim() !== '').length;
    if (r.code !== 0 || out.length !== expected) return `exit ${r.code}, ${out.length} lines for ${expected}`;
    const bad = out.findIndex((l) => !AskJson.safeParse(JSON.parse(l)).success && !JsonlError.safeParse(JSON.parse(l)).success);
    return bad < 0 ? null : `line ${bad + 1}: ${out[bad]!.slice(0, 200)}`;
  });
  return t;
}

/** evaluate on hostile profiles, as JSON documents and as bytes that are not JSON; and --as-of. */
async function evaluatePart(n: number, seed: number): Promise<Tally> {
  const t = newTally();
  const profiles = fc.sample(hostileProfile, { numRuns: n, seed });
  const raw = fc.sample(brokenBody, { numRuns: Math.ceil(n / 10), seed });
  const asOf = fc.sample(hostileText, { numRuns: Math.ceil(n / 10), seed });
  for (const p of profiles) await guarded(t, `evaluate ${show(p)}`, () => evaluateOutcome(JSON.stringify(p) ?? ''));
  for (const b of raw) await guarded(t, `evaluate raw ${show(b.toString())}`, () => evaluateOutcome(b.toString()));
  for (const d of asOf) await guarded(t, `evaluate --as-of ${show(d)}`, () => evaluateOutcome('{"employees": 60}', ['-', '--json', '--as-of', d]));
  await guarded(t, 'evaluate --jsonl', async () => {
    const stdin = profiles.map((p) => JSON.stringify(p) ?? '').join('\n');
    const r = await runCli(['evaluate', '--jsonl'], stdin);
    const out = r.out.split('\n').filter(Boolean);
    const expected = stdin.split('\n').filter((l) => l.trim() !== '').length;
    if (out.length !== expected) return `${out.length} lines for ${expected}`;
    const bad = out.findIndex((l) => !EvaluateJson.safeParse(JSON.parse(l)).success && !JsonlError.safeParse(JSON.parse(l)).success);
    return bad < 0 ? null : `line ${bad + 1}: ${out[bad]!.slice(0, 200)}`;
  });
  return t;
}

/**
 * Hostile input: generated requests, questions and profiles through the HTTP API (chat, staff replies, Telegram
 * webhook with and without its secret, staff API with bad tokens), ask, triage and evaluate. Counts crashes,
 * 5xx and replies outside the contract (contracts.md), with the first failures as examples.
 */
export async function runHostileBench(options: { inputs?: number; seed?: number } = {}): Promise<Record<string, unknown>> {
  const total = options.inputs ?? 10_000;
  const seed = options.seed ?? 2026;
  const http = await httpPart(Math.round(total * 0.6), seed);
  const ask = await askPart(Math.round(total * 0.2), seed);
  const evaluate = await evaluatePart(Math.round(total * 0.15), seed);
  const parts = { http, ask, evaluate };
  const sum = (k: 'inputs' | 'crashes' | 'serverErrors' | 'invalid') => Object.values(parts).reduce((n, p) => n + p[k], 0);
  return { inputs: sum('inputs'), crashes: sum('crashes'), serverErrors: sum('serverErrors'), invalid: sum('invalid'), parts };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runHostileBench(), null, 2));
}
