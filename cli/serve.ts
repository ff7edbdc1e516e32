import { parseArgs } from 'node:util';
import { createChatServer, type Route } from '../bot/channels/http/server.js';
import { createTelegramBot } from '../bot/channels/telegram/bot.js';
import { telegramWebhook } from '../bot/channels/telegram/webhook.js';
import { weChatChannelsFromEnv } from '../bot/channels/wechat/from-env.js';
import { staffRoutes } from '../bot/channels/staff/routes.js';
import { deliverToTelegram } from '../bot/handoff/delivery.js';
import { LlmAssistant } from '../bot/llm/assistant.js';
import { llmConfigFromEnv } from '../bot/llm/config.js';
import { checkEndpoint, describeCheck } from '../bot/llm/endpoint-check.js';
import { healthReport } from '../bot/ops/health.js';
import { createLogger } from '../bot/ops/logger.js';
import { ServiceMetrics } from '../bot/ops/metrics.js';
import { modelEventSink } from '../bot/ops/model-events.js';
import { ModelStatus } from '../bot/ops/model-status.js';
import { ObservedConversations } from '../bot/ops/observed-conversations.js';
import { screeningRoutes } from '../screen/http.js';
import { dataDir } from '../knowledge/paths.js';
import { serveSettings } from './serve-settings.js';
import { openLookupKnowledge } from './lookup-knowledge.js';
import { todayFrom } from './today.js';
import { type Command, UsageError } from './io.js';
import { staffDeskFromEnv } from '../bot/handoff/staff-desk.js';

function port(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port: expected a port number 0–65535, got “${value}”`);
  return n;
}

/** `tongce serve [--port N] [--host H]`: the web chat page and HTTP API (what `npm start` runs). */
export const serveCommand: Command = async (argv, io) => {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, host: { type: 'string' } } });
  // every setting is checked before anything starts: a bad one exits 2 naming the variable
  const settings = serveSettings(io.env);
  const llmConfig = llmConfigFromEnv(io.env);
  const listenPort = values.port === undefined ? settings.port : port(values.port);
  const host = values.host ?? settings.host;
  const today = todayFrom(io.env);
  const dir = dataDir(io.env, io.cwd);
  const logger = createLogger({ level: settings.logLevel, destination: { write: (line: string) => io.err(line) } });
  const knowledge = openLookupKnowledge({ dataDir: dir });
  const metrics = new ServiceMetrics((): number => conversations.tickets.list('open').length);
  // the optional model (TONGCE_LLM_*): off unless configured, and never the one deciding
  const models = llmConfig ? new ModelStatus(llmConfig.chatModel, llmConfig.embeddingsModel) : null;
  const llm: LlmAssistant | null = llmConfig && models ? new LlmAssistant(llmConfig, { knowledge, dataDir: dir, onEvent: modelEventSink(logger, metrics, models) }) : null;
  const conversations: ObservedConversations = new ObservedConversations({ dataDir: dir, knowledge, idleMs: settings.idleDays * 86_400_000, today, llm, staffDesk: staffDeskFromEnv(io.env) }, { log: logger, metrics });
  const log = (l: string) => logger.error(l);
  const routes: Route[] = [];
  const platformRoutes: Route[] = [];
  const deliverers: Array<() => void> = [];
  const deliver = () => deliverers.forEach((d) => d());
  if (io.env.TELEGRAM_BOT_TOKEN) {
    const bot = createTelegramBot({ token: io.env.TELEGRAM_BOT_TOKEN, conversations, ...(io.env.TELEGRAM_API_ROOT ? { apiRoot: io.env.TELEGRAM_API_ROOT } : {}), log });
    if (!io.env.TELEGRAM_WEBHOOK_SECRET) log('TELEGRAM_WEBHOOK_SECRET is not set: every webhook call will be refused (401)');
    platformRoutes.push(telegramWebhook(bot, io.env.TELEGRAM_WEBHOOK_SECRET, log));
    deliverers.push(() => void deliverToTelegram(bot.api, conversations, log));
  }
  // 企业微信 and 公众号 (WECOM_*, WECHAT_*): mounted only when their variables are set
  const weChat = (() => {
    try {
      return weChatChannelsFromEnv(io.env, { conversations, dataDir: dir, log });
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
  })();
  for (const channel of weChat) {
    log(`${channel.conversation.channel === 'wecom' ? '企业微信' : '公众号'} callback: ${channel.path}`);
    platformRoutes.push(channel.route);
    deliverers.push(() => void channel.sweep());
  }
  // staff replies (also those made with `tongce tickets reply` in another process) reach users within seconds
  if (deliverers.length) setInterval(deliver, 5_000).unref();
  // before the staff desk, which answers every other /staff path
  routes.push(screeningRoutes({ staffToken: io.env.TONGCE_STAFF_TOKEN || undefined, resolve: knowledge.resolve, today }));
  routes.push(staffRoutes({ conversations, token: io.env.TONGCE_STAFF_TOKEN || undefined, onReply: () => deliver() }));
  const telegram = { configured: Boolean(io.env.TELEGRAM_BOT_TOKEN), webhookSecret: Boolean(io.env.TELEGRAM_WEBHOOK_SECRET) };
  const server = createChatServer({
    conversations,
    ratePerSecond: settings.ratePerSecond,
    trustProxy: settings.trustProxy,
    routes,
    platformRoutes,
    log,
    metrics,
    report: { resolve: knowledge.resolve, today },
    health: () => healthReport({ conversations, knowledge, models, endpoint: llm?.config.baseURL ?? null, telegram }),
  });
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
  logger.info({ port: actualPort, host, dataDir: dir, trustProxy: settings.trustProxy.entries, model: llm?.config.chatModel ?? null }, 'listening');
  if (llm) {
    // once, at startup: a bad key or URL is one clear line here rather than a fallback on every turn
    const check = await checkEndpoint(llm.config);
    models?.recordCheck(check);
    const line = describeCheck(llm.config, check);
    logger[line.level]({ endpoint: llm.config.baseURL, model: llm.config.chatModel, embeddings: llm.config.embeddingsModel, ms: check.ms }, line.message);
    void llm.warmUp();
  }
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
};
