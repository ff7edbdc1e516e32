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
});
