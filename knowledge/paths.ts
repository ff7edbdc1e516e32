import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root, found by walking up from this module: the same code runs from the TypeScript sources
 * (tests) and from dist/ (the installed bin), so a fixed relative path would be wrong in one of them.
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'knowledge', 'sources'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('Tongce package root not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export function sourcesDir(): string {
  return join(projectRoot(), 'knowledge', 'sources');
}

/** TONGCE_DATA_DIR, default ./data relative to the working directory (contracts.md). */
export function dataDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return resolve(cwd, env.TONGCE_DATA_DIR || 'data');
}
