import { parseArgs } from 'node:util';
import { Conversations } from '../bot/conversation.js';
import { createChatServer, type Route } from '../bot/channels/http/server.js';
import { createTelegramBot } from '../bot/channels/telegram/bot.js';
import { telegramWebhook } from '../bot/channels/telegram/webhook.js';
import { staffRoutes } from '../bot/channels/staff/routes.js';
import { deliverToTelegram } from '../bot/handoff/delivery.js';
import { llmAssistantFromEnv } from '../bot/llm/assistant.js';
import { screeningRoutes } from '../screen/http.js';
import { dataDir } from '../knowledge/paths.js';
import { openLookupKnowledge } from './lookup-knowledge.js';
import { todayFrom } from './today.js';
import { type Command, UsageError } from './io.js';

function port(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port: expected a port number 0–65535, got “${value}”`);
  return n;
}

/** `tongce serve [--port N] [--host H]`: the web chat page and HTTP API (what `npm start` runs). */
export const serveCommand: Command = async (argv, io) => {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, host: { type: 'string' } } });
  const listenPort = port(values.port ?? io.env.PORT ?? '3000');
  const host = values.host ?? io.env.TONGCE_HOST ?? '127.0.0.1';
  const dir = dataDir(io.env, io.cwd);
  const knowledge = openLookupKnowledge({ dataDir: dir });
  const idleDays = Number(io.env.TONGCE_SESSION_IDLE_DAYS ?? 30);
  // the optional model (TONGCE_LLM_*): off unless configured, and never the one deciding
  const llm = llmAssistantFromEnv({ knowledge, dataDir: dir }, io.env);
  void llm?.warmUp();
  const conversations = new Conversations({ dataDir: dir, knowledge, idleMs: idleDays * 86_400_000, today: todayFrom(io.env), llm });
  const rate = Number(io.env.TONGCE_RATE_LIMIT ?? 20);
  const log = (l: string) => io.err(l + '\n');
  const routes: Route[] = [];
  let deliver = () => {};
  if (io.env.TELEGRAM_BOT_TOKEN) {
    const bot = createTelegramBot({ token: io.env.TELEGRAM_BOT_TOKEN, conversations, ...(io.env.TELEGRAM_API_ROOT ? { apiRoot: io.env.TELEGRAM_API_ROOT } : {}), log });
    if (!io.env.TELEGRAM_WEBHOOK_SECRET) log('TELEGRAM_WEBHOOK_SECRET is not set: every webhook call will be refused (401)');
    routes.push(telegramWebhook(bot, io.env.TELEGRAM_WEBHOOK_SECRET, log));
    // staff replies (also those made with `tongce tickets reply` in another process) reach Telegram users within seconds
    deliver = () => void deliverToTelegram(bot.api, conversations, log);
    setInterval(deliver, 5_000).unref();
  }
  // before the staff desk, which answers every other /staff path
  routes.push(screeningRoutes({ staffToken: io.env.TONGCE_STAFF_TOKEN || undefined, resolve: knowledge.resolve, today: todayFrom(io.env) }));
  routes.push(staffRoutes({ conversations, token: io.env.TONGCE_STAFF_TOKEN || undefined, onReply: () => deliver() }));
  const server = createChatServer({ conversations, ratePerSecond: rate, routes, log });
  conversations.expireIdle();
  const sweeper = setInterval(() => conversations.expireIdle(), 3_600_000);
  sweeper.unref();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : listenPort;
  io.out(`通策 web chat: http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}/  (data: ${dir})\n`);
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
};
