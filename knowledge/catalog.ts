import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SourceKind } from './citation.js';
import { sourcesDir } from './paths.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
// YAML reads an unquoted 2023-04-24 as a Date; keep dates as the strings the contracts use.
const DateField = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), IsoDate);

const Validity = z.object({ from: DateField.optional(), to: DateField.optional(), note: z.string().optional() });

const Part = z.object({
  heading: z.string(),
  title: z.string(),
  jurisdiction: z.string().optional(),
  sourceKind: SourceKind.optional(),
  validity: Validity.optional(),
});

export const DocumentMeta = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  file: z.string(),
  section: z.object({ from: z.string(), to: z.string().optional() }).optional(),
  title: z.string(),
  shortTitle: z.string(),
  issuer: z.string(),
  date: DateField,
  dateNote: z.string().optional(),
  docNumber: z.string().nullable(),
  jurisdiction: z.string(),
  sourceKind: SourceKind,
  validity: Validity.optional(),
  provenance: z.string(),
  parts: z.array(Part).default([]),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;
export type DocumentPart = z.infer<typeof Part>;
export type Validity = z.infer<typeof Validity>;

const Catalog = z.object({ documents: z.array(DocumentMeta).min(1) });

export interface SourceDocument {
  meta: DocumentMeta;
  /** the document's raw text: the whole file, or its section for files holding two documents */
  text: string;
}

export function loadCatalog(dir: string = sourcesDir()): DocumentMeta[] {
  const raw = parseYaml(readFileSync(join(dir, 'catalog.yaml'), 'utf8'));
  const docs = Catalog.parse(raw).documents;
  const ids = new Set<string>();
  for (const d of docs) {
    if (ids.has(d.id)) throw new Error(`catalog.yaml: duplicate document id ${d.id}`);
    ids.add(d.id);
  }
  return docs;
}

function sliceSection(text: string, section: NonNullable<DocumentMeta['section']>, file: string): string {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === section.from);
  if (start < 0) throw new Error(`${file}: section start “${section.from}” not found`);
  const endRel = section.to ? lines.slice(start + 1).findIndex((l) => l.trim() === section.to) : -1;
  const end = endRel < 0 ? lines.length : start + 1 + endRel;
  return lines.slice(start + 1, end).join('\n');
}

export function loadSources(dir: string = sourcesDir()): SourceDocument[] {
  return loadCatalog(dir).map((meta) => {
    const full = readFileSync(join(dir, meta.file), 'utf8');
    return { meta, text: meta.section ? sliceSection(full, meta.section, meta.file) : full };
  });
}

/** Hash of everything an index is built from; a change in any source or in the parser rebuilds the index. */
export function sourcesHash(parserVersion: string, dir: string = sourcesDir()): string {
  const h = createHash('sha256').update(parserVersion);
  const catalog = readFileSync(join(dir, 'catalog.yaml'));
  h.update(catalog);
  for (const meta of loadCatalog(dir)) h.update(meta.file).update(readFileSync(join(dir, meta.file)));
  return h.digest('hex');
}
