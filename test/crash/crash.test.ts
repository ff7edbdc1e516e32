import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, CRASH_TODAY, runCrashBench } from '../../bench/crash.js';
import { Conversations } from '../../bot/conversation.js';
import { openKnowledge } from '../../knowledge/index.js';

describe('kill -9 at random moments', () => {
  it('10 dialogs through repeated kills and restarts: no fact lost, no turn applied twice', async () => {
    // a new seed each run: other enterprises, other kill moments; a failure names its seed to replay it
    const seed = Math.floor(Math.random() * 1e6);
    const r = await runCrashBench({ dialogs: 10, concurrency: 5, repliesBetweenKills: [2, 8], seed });
    expect(r.kills as number, `seed ${seed}`).toBeGreaterThan(0);
    expect(r.outcomes, `seed ${seed}`).not.toHaveProperty('rejected');
    expect(r.factsExpected as number, `seed ${seed}`).toBeGreaterThan(0);
    expect(r, `seed ${seed}`).toMatchObject({ dialogs: 10, factsLost: 0, factsChanged: 0, turnsAppliedTwice: 0, turnsLost: 0, transcriptMismatches: 0, sessionsMissing: 0, serverInternalErrors: 0 });
  }, 150_000);

  it('the audit sees a turn applied twice and a fact that is gone', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tongce-audit-'));
    const conversations = new Conversations({ dataDir, knowledge: openKnowledge({ dataDir }), today: () => CRASH_TODAY });
    const sent = [{ action: 'check:tech-sme', messageId: 'a1' }, { text: '2019年4月1日', messageId: 'a2' }];
    for (const user of ['audit-twice-1', 'audit-lost-01']) for (const m of sent) conversations.handle('web', user, m, m.messageId);
    // what a client without message ids would cause: the same answer applied again
    conversations.handle('web', 'audit-twice-1', { text: '2019年4月1日' }, 'a2-again');
    const db = new Database(join(dataDir, 'conversations.db'));
    db.prepare("UPDATE sessions SET facts = '{}' WHERE id = 'audit-lost-01'").run();
    db.close();
    const r = audit([{ id: 1, sessionId: 'audit-twice-1', sent }, { id: 2, sessionId: 'audit-lost-01', sent }], dataDir);
    expect(r.turnsAppliedTwice).toBe(1);
    expect(r.factsLost).toBeGreaterThan(0);
    expect(r.lostExamples.join()).toContain('registrationDate');
  });
});
