import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../knowledge/paths.js';

/** A `tongce serve` running in a process of its own, as in production: its CPU and memory are not the bench's. */
export interface ServerProcess {
  readonly port: number;
  readonly pid: number;
  readonly url: string;
  /** peak resident memory of the server process so far, in MiB (VmHWM); null where /proc is not available */
  peakRssMiB(): number | null;
  /** what the server wrote on stderr (internal errors are logged there) */
  stderr(): string;
  /** kill -9: no shutdown code runs, as in a crash or a power cut */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServeOptions {
  dataDir: string;
  /** 0 (the default) lets the server pick a free port; a restart passes the port it had */
  port?: number;
  env?: Record<string, string>;
}

const READY = /web chat: http:\/\/[^:]+:(\d+)\//u;

/** Reads a field of /proc/<pid>/status in kB, as MiB. */
function procStatusMiB(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'mu').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

/**
 * Starts `node bin/tongce.js serve` (the compiled CLI, as `npm start` runs it) and resolves once it prints the
 * address it listens on. The rate limit is lifted unless the caller sets one: every simulated user is 127.0.0.1.
 */
export async function startServer(options: ServeOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, [join(projectRoot(), 'bin', 'tongce.js'), 'serve', '--port', String(options.port ?? 0)], {
    env: { ...process.env, TONGCE_DATA_DIR: options.dataDir, TONGCE_RATE_LIMIT: '1000000', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => void (err += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = READY.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code, signal) => reject(new Error(`tongce serve exited (${code ?? signal}) before listening: ${err.trim().split('\n').at(-1) ?? ''}`)));
  });
  // the pipe must keep draining, or a chatty server would block on a full stdout
  child.stdout!.resume();
  const pid = child.pid!;
  let lastPeak: number | null = null;
  const peak = () => {
    const now = procStatusMiB(pid, 'VmHWM');
    if (now !== null) lastPeak = Math.max(lastPeak ?? 0, now);
    return lastPeak;
  };
  return {
    port,
    pid,
    url: `http://127.0.0.1:${port}`,
    peakRssMiB: peak,
    stderr: () => err,
    crash: async () => {
      peak();
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      peak();
      child.kill('SIGTERM');
      // a client that never lets go of its connection must not keep the bench waiting
      const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(hard);
    },
  };
}
