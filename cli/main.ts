import { createInterface } from 'node:readline';
import { LlmConfigError } from '../bot/llm/config.js';
import { askCommand } from './ask.js';
import { indexCommand } from './index-command.js';
import { type CliIO, type Command, UsageError } from './io.js';
import { chatCommand } from './chat.js';
import { evaluateCommand } from './evaluate.js';
import { screenCommand } from './screen.js';
import { serveCommand } from './serve.js';
import { telegramCommand } from './telegram.js';
import { ticketsCommand } from './tickets.js';
import { triageCommand } from './triage.js';

const COMMANDS: Record<string, { run: Command; help: string }> = {
  index: { run: indexCommand, help: 'index                                   (re)build the knowledge database' },
  ask: { run: askCommand, help: 'ask "<question>" [--json] [--k N]       answer a clause lookup with citations (--jsonl: batch)' },
  evaluate: { run: evaluateCommand, help: 'evaluate <profile.json | -> [--json | --html] [--as-of YYYY-MM-DD]  run every programme on a facts profile (--jsonl: batch; --html: a report to keep)' },
  screen: { run: screenCommand, help: 'screen <file.csv|file.xlsx> [--out report.html] [--json|--csv]  batch pre-diagnosis of many enterprises' },
  triage: { run: triageCommand, help: 'triage "<question>" [--jurisdiction 海门区] [--json]  route a help-desk question (--jsonl: batch)' },
  tickets: { run: ticketsCommand, help: 'tickets list|show|reply|close --token T     the staff desk for handoff tickets' },
  chat: { run: chatCommand, help: 'chat                                    the guided dialog in the terminal' },
  telegram: { run: telegramCommand, help: 'telegram                                the Telegram bot by long polling (TELEGRAM_BOT_TOKEN)' },
  serve: { run: serveCommand, help: 'serve [--port N] [--host H]             web chat page and HTTP API on localhost' },
};

const USAGE = `usage: tongce <command> [options]\n\n${Object.values(COMMANDS).map((c) => '  tongce ' + c.help).join('\n')}\n`;

/** Runs one command line; returns the exit code. Bad input exits 2 with a one-line reason on stderr. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`tongce: unknown command “${name}”\n${USAGE}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    // parseArgs reports unknown or malformed options as TypeErrors with a code
    const code = (e as { code?: string }).code;
    if (e instanceof UsageError || e instanceof LlmConfigError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.err(`tongce ${name}: ${(e as Error).message.split('\n')[0]}\n`);
      return 2;
    }
    throw e;
  }
}

/** The process's own standard streams as a CliIO. */
export function processIO(): CliIO {
  return {
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
  };
}
