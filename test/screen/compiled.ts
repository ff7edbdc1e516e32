import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../..');
const RELATIVE_IMPORT = /(?:from|import)\s+'(\.{1,2}\/[^']+)\.js'/gu;

/**
 * The screening worker compiled to JavaScript, with everything it imports, in a temporary directory: worker
 * threads run JavaScript, and the tests run from the TypeScript sources. Type-stripping only (the type check is
 * tsc's job), so it takes a moment.
 */
export function compiledWorker(): URL {
  const out = mkdtempSync(join(tmpdir(), 'tongce-worker-'));
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
      fileName: file,
    });
    const target = join(out, relative(ROOT, file)).replace(/\.ts$/u, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
    for (const m of source.matchAll(RELATIVE_IMPORT)) visit(resolve(dirname(file), `${m[1]}.ts`));
  };
  const worker = join(ROOT, 'screen', 'pool', 'worker.ts');
  visit(worker);
  return pathToFileURL(join(out, relative(ROOT, worker)).replace(/\.ts$/u, '.js'));
}
