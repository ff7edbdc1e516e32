import type { CitationRef } from '../../knowledge/citation.js';

/** The catalog ids (knowledge/sources/catalog.yaml) of the documents the rules rest on. */
export const DOC = {
  kechuang: 'tongzhou-2023-20',
  hnteMeasures: 'hnte-measures-2016-32',
  hnteGuidelines: 'hnte-guidelines-2016-195',
  techSme: 'tech-sme-2017-115',
  citLaw: 'cit-law-2018',
  rdDeduction: 'rd-super-deduction-2023-7',
  haimen: 'haimen-2022-gaoqi',
  qidong: 'qidong-2023-10',
  parks: 'nantong-2024-37',
  report: 'nantong-kejiju-report',
} as const;

const interned = new Map<string, CitationRef>();

/**
 * A pointer at a clause: its document and a verbatim piece of it, copied from one line of the source file.
 * The same clause always yields the same object, so evaluations can tell citations apart by identity.
 */
export function cite(doc: (typeof DOC)[keyof typeof DOC], quote: string): CitationRef {
  const key = `${doc}\u0000${quote}`;
  let ref = interned.get(key);
  if (!ref) interned.set(key, (ref = Object.freeze({ doc, quote })));
  return ref;
}
