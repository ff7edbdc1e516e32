#!/usr/bin/env node
// The installed entry point runs the compiled CLI (npm install builds it through the "prepare" script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('tongce: not built yet — run `npm install` (or `npm run build`) in the repository first\n');
  process.exit(2);
}
// a reader that stops early (`| head`) closes the pipe: that ends the output, it is not a failure
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main, processIO } = await import(entry.href);
try {
  process.exitCode = await main(process.argv.slice(2), processIO());
} catch (e) {
  process.stderr.write(`tongce: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
