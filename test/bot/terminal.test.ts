import { mkdtempSync } from 'node:fs';
import { userInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Conversations } from '../../bot/conversation.js';
import type { CliIO } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import { testKnowledge } from '../helpers/knowledge.js';
import { loadTranscripts, play, type BotMessage, type Driver } from '../helpers/transcript.js';

const knowledge = testKnowledge();

/** A terminal session of `tongce chat` fed line by line; each line resolves when the next prompt appears. */
function terminal(dataDir: string) {
  const lines: string[] = [];
  let wake: (() => void) | null = null;
  let output = '';
  let prompted: (() => void) | null = null;
  const io: CliIO = {
    readStdin: async () => '',
    stdinLines: async function* () {
      for (;;) {
        while (lines.length === 0) await new Promise<void>((r) => (wake = r));
        const line = lines.shift()!;
        if (line === '\u0004') return;
        yield line;
      }
    },
    out: (t) => {
      output += t;
      if (t.endsWith('> ')) prompted?.();
    },
    err: () => {},
    env: { TONGCE_DATA_DIR: dataDir, TONGCE_TODAY: '2026-11-22' },
    cwd: process.cwd(),
  };
  const firstPrompt = new Promise<void>((r) => (prompted = r));
  const done = main(['chat'], io);
  const type = async (line: string) => {
    const next = new Promise<void>((r) => (prompted = r));
    lines.push(line);
    wake?.();
    await next;
  };
  const quit = async () => {
    lines.push('\u0004');
    wake?.();
    await done;
  };
  return { ready: firstPrompt, type, quit, output: () => output };
}

/** What a person at a terminal types for a button. */
function typedFor(action: string, pendingFact: string | undefined): string {
  const [verb, arg] = action.split(/:(.*)/su) as [string, string | undefined];
  const names: Record<string, string> = { 'kechuang-project-2023': '科创项目', hnte: '高企', 'tech-sme': '科小' };
  switch (verb) {
    case 'check': return `/check ${arg ? names[arg] : ''}`.trim();
    case 'skip': return '不知道';
    case 'confirm': return '对';
    case 'reject': return '不对';
    case 'forget-confirm': return '是';
    case 'forget-cancel': return '否';
    case 'restart': return '重新开始';
    case 'restart-confirm': return '是';
    case 'restart-cancel': return '否';
    case 'undo': return '撤销';
    case 'human': return '转人工';
    case 'help': return '帮助';
    case 'facts': return '我的信息';
    case 'answer': {
      if (arg === 'true') return '是';
      if (arg === 'false') return '否';
      const info = pendingFact ? describeFact(pendingFact as FactPath) : undefined;
      return info?.choices?.find((c) => c.value === arg)?.label ?? arg ?? '';
    }
    default: return action;
  }
}

describe('transcripts in the terminal (tongce chat)', () => {
  for (const t of loadTranscripts('test/bot/transcripts')) {
    it(t.name, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'tongce-term-'));
      const user = `terminal:${userInfo().username}`;
      const store = () => new Conversations({ dataDir, knowledge }).store;
      let term = terminal(dataDir);
      await term.ready;
      let last: BotMessage[] = [];
      const driver: Driver = {
        send: async (input) => {
          const pending = last.findLast((m) => m.ask)?.ask?.fact;
          await term.type(input.action ? typedFor(input.action, pending) : input.text ?? '');
          const s = store();
          const session = s.forUser('terminal', user);
          last = (s.transcript(session.id).at(-1)?.payload as BotMessage[] | undefined) ?? [{ text: term.output().split('> ').at(-2) ?? '' }];
          return last;
        },
        restart: async () => {
          await term.quit();
          term = terminal(dataDir);
          await term.ready;
        },
        facts: async () => store().forUser('terminal', user).facts,
      };
      await play(t, driver);
      await term.quit();
      expect(term.output()).toContain('> ');
    });
  }
});
