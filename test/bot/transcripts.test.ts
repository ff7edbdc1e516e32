import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { Conversations } from '../../bot/conversation.js';
import { testKnowledge } from '../helpers/knowledge.js';
import { loadTranscripts, play, type Driver } from '../helpers/transcript.js';

const knowledge = testKnowledge();

/** The conversation core itself; restart reopens the database file as a new process would. */
function coreDriver(today: string): Driver {
  const dir = mkdtempSync(join(tmpdir(), 'tongce-core-'));
  let conversations = new Conversations({ dataDir: dir, knowledge, today: () => today });
  let n = 0;
  return {
    send: async (input) => conversations.handle('web', 'transcript-user', input, `m${++n}`).messages,
    restart: async () => {
      conversations = new Conversations({ dataDir: dir, knowledge, today: () => today });
    },
    facts: async () => conversations.store.get('transcript-user')?.facts ?? {},
  };
}

describe('transcripts against the conversation core', () => {
  for (const t of loadTranscripts('test/bot/transcripts')) {
    it(t.name, async () => play(t, coreDriver(t.today ?? '2026-11-22')));
  }
});
