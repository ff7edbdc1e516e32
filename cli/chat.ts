import { userInfo } from 'node:os';
import { Conversations } from '../bot/conversation.js';
import { llmAssistantFromEnv } from '../bot/llm/assistant.js';
import type { Message } from '../bot/dialog/message.js';
import { dataDir } from '../knowledge/paths.js';
import { openLookupKnowledge } from './lookup-knowledge.js';
import type { Command } from './io.js';
import { todayFrom } from './today.js';
import { staffDeskFromEnv } from '../bot/handoff/staff-desk.js';

function render(m: Message): string {
  const lines = [m.text];
  m.citations?.forEach((c, i) => {
    const quote = c.quote.replace(/\s+/g, ' ');
    lines.push(`  [${i + 1}] 《${c.partTitle ?? c.docTitle}》${c.docNumber ? `（${c.docNumber}）` : ''}${c.path}：“${quote.length > 90 ? quote.slice(0, 90) + '……' : quote}”`);
  });
  if (m.buttons?.length) lines.push(m.buttons.map((b, i) => `  ${i + 1}) ${b.label}`).join('   '));
  return lines.join('\n');
}

/** `tongce chat`: the guided dialog in the terminal; a number answers with the button of that number. */
export const chatCommand: Command = async (_argv, io) => {
  const dir = dataDir(io.env, io.cwd);
  const knowledge = openLookupKnowledge({ dataDir: dir });
  const conversations = new Conversations({ dataDir: dir, knowledge, today: todayFrom(io.env), llm: llmAssistantFromEnv({ knowledge, dataDir: dir }, io.env), staffDesk: staffDeskFromEnv(io.env) });
  const user = `terminal:${userInfo().username}`;
  let buttons: Message['buttons'] = [];
  const show = (messages: Message[]) => {
    for (const m of messages) io.out(render(m) + '\n\n');
    buttons = messages.findLast((m) => m.buttons?.length)?.buttons ?? [];
  };
  show((await conversations.handleAsync('terminal', user, { action: 'help' })).messages);
  io.out('> ');
  for await (const line of io.stdinLines()) {
    const text = line.trim();
    if (/^(退出|exit|quit)$/iu.test(text)) break;
    if (text) {
      const pressed = /^\d{1,2}$/u.test(text) ? buttons?.[Number(text) - 1] : undefined;
      show((await conversations.handleAsync('terminal', user, pressed ? { action: pressed.action } : { text })).messages);
    }
    io.out('> ');
  }
  io.out('\n');
  return 0;
};
