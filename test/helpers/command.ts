import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO, Command } from '../../cli/io.js';

const sharedDataDir = mkdtempSync(join(tmpdir(), 'tongce-command-'));

/** Runs one command function in-process with the given stdin; returns exit code and captured output. */
export async function runCommand(command: Command, argv: string[], stdin = '', env: NodeJS.ProcessEnv = {}, cwd = process.cwd()) {
  let out = '';
  let err = '';
  const io: CliIO = {
    readStdin: async () => stdin,
    stdinLines: async function* () {
      for (const line of stdin.split('\n')) yield line;
    },
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: { TONGCE_DATA_DIR: sharedDataDir, ...env },
    cwd,
  };
  const code = await command(argv, io);
  return { code, out, err };
}
