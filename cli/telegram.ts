import { Conversations } from '../bot/conversation.js';
import { createTelegramBot, telegramCommands } from '../bot/channels/telegram/bot.js';
import { deliverToTelegram } from '../bot/handoff/delivery.js';
import { llmAssistantFromEnv } from '../bot/llm/assistant.js';
import { dataDir } from '../knowledge/paths.js';
import { openLookupKnowledge } from './lookup-knowledge.js';
import { todayFrom } from './today.js';
import { type Command, UsageError } from './io.js';
import { staffDeskFromEnv } from '../bot/handoff/staff-desk.js';

/** `tongce telegram`: the bot by long polling (needs TELEGRAM_BOT_TOKEN). */
export const telegramCommand: Command = async (_argv, io) => {
  const token = io.env.TELEGRAM_BOT_TOKEN;
  if (!token) throw new UsageError('TELEGRAM_BOT_TOKEN is not set (see .env.example)');
  const dir = dataDir(io.env, io.cwd);
  const knowledge = openLookupKnowledge({ dataDir: dir });
  const conversations = new Conversations({ dataDir: dir, knowledge, today: todayFrom(io.env), llm: llmAssistantFromEnv({ knowledge, dataDir: dir }, io.env), staffDesk: staffDeskFromEnv(io.env) });
  const bot = createTelegramBot({ token, conversations, ...(io.env.TELEGRAM_API_ROOT ? { apiRoot: io.env.TELEGRAM_API_ROOT } : {}), log: (l) => io.err(l + '\n') });
  await bot.api.setMyCommands(telegramCommands());
  // staff replies recorded by `tongce tickets reply` or the staff page reach the user within seconds
  setInterval(() => void deliverToTelegram(bot.api, conversations, (l) => io.err(l + '\n')), 5_000).unref();
  const stop = () => void bot.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await bot.start({ onStart: (me) => io.out(`通策 Telegram bot @${me.username} is polling (data: ${dir})\n`) });
  return 0;
};
