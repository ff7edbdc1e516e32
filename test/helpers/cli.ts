import { main } from '../../cli/main.js';
import { runCommand } from './command.js';

/** Runs a whole tongce command line in-process (through the dispatcher) with the given stdin. */
export function runCli(argv: string[], stdin = '', env: NodeJS.ProcessEnv = {}) {
  return runCommand(main, argv, stdin, env);
}
