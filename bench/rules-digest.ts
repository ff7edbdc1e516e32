import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Citation, CitationRef } from '../knowledge/citation.js';
import { projectRoot } from '../knowledge/paths.js';
import { evaluate } from '../rules/evaluate.js';
import type { Facts } from '../rules/facts/schema.js';
import { parseProfile } from '../rules/facts/validate.js';
import { toJson } from '../rules/present/to-json.js';
import { loadCaseFiles, profileOf } from '../test/rules/support/cases.js';
import { nestedProfiles } from '../test/rules/support/profiles.js';
import { AS_OF, benchProfiles } from './rules.js';

/**
 * A guard for work on the rules' speed: every evaluation of a large fixed set of profiles, reduced to one digest.
 * A change that only makes the rules faster leaves the digest as it was; any change to any evaluation's JSON
 * changes it. `--dump FILE` writes a short digest of every evaluation, one a line, to find the first that differs.
 *
 * Two digests: `output`, of the contract's JSON (toJson, with citations left as their references: resolving them
 * is the knowledge layer's work, not the rules'), and `raw`, of the evaluation as the rules return it (with its
 * internal maps), which the dialog and the screening read directly.
 */

interface Item {
  facts: Facts;
  asOf: string;
}

/** Citations as their {doc, quote} references: the same reference always gives the same citation. */
const asReference = (ref: CitationRef): Citation => ({ docId: ref.doc, quote: ref.quote, clauseId: `${ref.doc}\u0000${ref.quote}` }) as unknown as Citation;

const withMaps = (_key: string, value: unknown): unknown => (value instanceof Map ? [...value] : value);

/** Profiles as a user gives them, validated as the CLI validates them; a profile the validation refuses is skipped. */
function validated(raw: Record<string, unknown>, asOf: string | undefined): Item | null {
  const date = asOf ?? (typeof raw.asOf === 'string' ? raw.asOf : AS_OF);
  try {
    const { facts, asOf: at } = parseProfile(raw, { asOf: date, today: date });
    return { facts, asOf: at };
  } catch {
    return null;
  }
}

function jsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).facts as Record<string, unknown>);
}

/** The fixed sets, each deterministic: seeded generators, the case files, the gold and sample profiles. */
function sets(): Record<string, Item[]> {
  const root = projectRoot();
  const bench = benchProfiles(20_000);
  // the same enterprises on other days: other fiscal years, editions, certificate terms and benefit periods
  const otherDays = ['2024-03-15', '2027-12-31'].flatMap((asOf) => bench.slice(0, 5_000).map((facts) => ({ facts, asOf })));
  const nested = fc.sample(nestedProfiles, { seed: 20261203, numRuns: 3_000 }).flatMap((p) => [p.fewer, p.more, p.full]);
  const cases = loadCaseFiles(join(root, 'test/rules/cases')).flatMap(({ cases: file }) => file.cases.map((c) => validated(profileOf(file, c), c.asOf ?? file.asOf)));
  const goldFiles = [join(root, 'bench/gold/rules/profiles-dev.jsonl'), join(root, 'bench/gold/rules/profiles-heldout.jsonl'), join(root, 'test/rules/fixtures/public-profiles.jsonl')];
  const gold = goldFiles.flatMap(jsonl).map((raw) => validated(raw, undefined));
  const samples = readdirSync(join(root, 'docs/samples'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => validated(JSON.parse(readFileSync(join(root, 'docs/samples', f), 'utf8')), AS_OF));
  const present = (items: (Item | null)[]) => items.filter((i): i is Item => i !== null);
  return {
    bench: bench.map((facts) => ({ facts, asOf: AS_OF })),
    otherDays,
    properties: nested.map((facts) => ({ facts, asOf: AS_OF })),
    cases: present(cases),
    gold: present(gold),
    samples: present(samples),
  };
}

export function rulesDigest(options: { dump?: string } = {}): Record<string, unknown> {
  const dump = options.dump ? openSync(options.dump, 'w') : null;
  const output = createHash('sha256');
  const raw = createHash('sha256');
  const perSet: Record<string, { evaluations: number; output: string }> = {};
  let evaluations = 0;
  for (const [name, items] of Object.entries(sets())) {
    const mine = createHash('sha256');
    items.forEach(({ facts, asOf }, i) => {
      const evaluation = evaluate(facts, asOf);
      // the raw evaluation first: presenting it must not be what makes two evaluations equal
      raw.update(JSON.stringify(evaluation, withMaps)).update('\n');
      const json = JSON.stringify(toJson(evaluation, asReference));
      output.update(json).update('\n');
      mine.update(json).update('\n');
      if (dump !== null) writeSync(dump, `${name}\t${i}\t${createHash('sha256').update(json).digest('hex').slice(0, 16)}\n`);
    });
    perSet[name] = { evaluations: items.length, output: mine.digest('hex').slice(0, 16) };
    evaluations += items.length;
  }
  if (dump !== null) closeSync(dump);
  return { evaluations, output: output.digest('hex'), raw: raw.digest('hex'), sets: perSet };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--dump');
  console.log(JSON.stringify(rulesDigest({ dump: at > 0 ? process.argv[at + 1] : undefined }), null, 2));
}
