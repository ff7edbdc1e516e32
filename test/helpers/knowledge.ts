import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKnowledge, type Knowledge } from '../../knowledge/index.js';

/** A knowledge store in a private data directory, built once per test file. */
export function testKnowledge(): Knowledge {
  return openKnowledge({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-test-')) });
}
