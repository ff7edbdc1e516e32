/**
 * What a command touches of the outside world. Commands take it as a parameter so tests run them in-process
 * with captured output, and so no command reads process.* directly.
 */
export interface CliIO {
  /** whole standard input as text (read lazily: only commands that need it call this) */
  readStdin(): Promise<string>;
  /** standard input line by line, for --jsonl batch modes */
  stdinLines(): AsyncIterable<string>;
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A command: argv after the command name; resolves to the process exit code. */
export type Command = (argv: string[], io: CliIO) => Promise<number>;

/** Thrown for bad input; the dispatcher prints the one-line reason and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
