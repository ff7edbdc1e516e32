import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerTo } from '../../bench/lib/scripted-user.js';
import { Conversations } from '../../bot/conversation.js';
import { testKnowledge } from '../helpers/knowledge.js';

const TODAY = '2026-11-22';
const conversations = new Conversations({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-scripted-')), knowledge: testKnowledge(), today: () => TODAY });

describe('a scripted user answering what it knows', () => {
  // Found by the load bench (dialogsStuck): the 高企 score listed a known IP count among its missing facts, and the
  // dialog asked it again, forever. The dialog now never asks a fact it holds, whatever a rule lists.
  it('never ask again for the fact just answered: a user who has no Ⅰ类 IP and knows nothing else', () => {
    const profile = { ipClassI: 0 };
    let messages = conversations.handle('web', 'scripted-ipclass-zero', { action: 'check:hnte' }).messages;
    let previous: { fact: string; text: string } | null = null;
    for (let questions = 0; questions < 80; questions++) {
      // every other question gets 不知道, which the dialog records as unknown and does not ask again
      const answer = answerTo(messages, profile);
      if (!answer) return;
      expect(answer.fact, `asked again after the answer “${previous?.text}”`).not.toBe(previous?.fact);
      previous = answer;
      messages = conversations.handle('web', 'scripted-ipclass-zero', { text: answer.text }).messages;
    }
    throw new Error('no verdict after 80 questions');
  });

  // Found by the hostile HTTP run (a 500): 400 nines read as Infinity, the session's JSON stored the proposal as
  // null, validation took null for "unknown", and the rules met {"2025": null}: RangeError: not a finite number
  it('confirming a figure past what a number holds records nothing and the dialog goes on', () => {
    const nines = '9'.repeat(400);
    conversations.handle('web', 'scripted-null-figure', { text: `销售收入${nines}万元，研发费用${nines}` });
    expect(() => conversations.handle('web', 'scripted-null-figure', { action: 'confirm' })).not.toThrow();
    expect(conversations.store.get('scripted-null-figure')!.facts).toEqual({});
  });

  it('a session stored with a null figure (before the fix) is checked without a crash, the null read as unknown', () => {
    const session = conversations.store.forUser('web', 'scripted-stored-null', 'scripted-stored-null');
    conversations.store.turn(session.id, null, (s) => ({ state: s.state, facts: { salesRevenueByYear: { '2025': null }, rdExpenseByYear: { '2025': 80 } }, reply: [], userEntry: { text: '' } }));
    const reply = conversations.handle('web', 'scripted-stored-null', { action: 'check' });
    expect(reply.messages.length).toBeGreaterThan(0);
    expect(conversations.store.get('scripted-stored-null')!.facts).toEqual({ salesRevenueByYear: {}, rdExpenseByYear: { '2025': 80 } });
  });
});
