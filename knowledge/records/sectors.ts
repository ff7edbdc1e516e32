import { z } from 'zod';
import { wordBoundaries } from '../search/segment.js';
import { nfkc } from '../text/normalize.js';
import { SECTOR_DATA } from '../vocabulary/sectors.js';

const Sector = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  broader: z.string().optional(),
  words: z.array(z.string().min(1)).min(1),
  fields: z.array(z.string()).default([]),
});
export type Sector = z.infer<typeof Sector>;

/** knowledge/vocabulary/sectors.ts: the sectors and the words people and the 空间布局 table name them by. */
export const SECTORS: readonly Sector[] = (() => {
  const list = z.array(Sector).parse(SECTOR_DATA);
  const ids = new Set(list.map((s) => s.id));
  for (const s of list) if (s.broader && !ids.has(s.broader)) throw new Error(`sectors: ${s.id} is under unknown sector ${s.broader}`);
  return list;
})();

const byId = new Map(SECTORS.map((s) => [s.id, s]));
/** every word, lower-case, with the sectors it names; longest first so the longest word at a place wins */
const WORDS = (() => {
  const m = new Map<string, string[]>();
  for (const s of SECTORS) for (const w of s.words) m.set(w.toLowerCase(), [...(m.get(w.toLowerCase()) ?? []), s.id]);
  return [...m].sort((a, b) => b[0].length - a[0].length);
})();

export function sectorName(id: string): string {
  return byId.get(id)?.name ?? id;
}

/** The sector and those it belongs to, nearest first. */
export function withBroader(id: string): string[] {
  const out: string[] = [];
  for (let s = byId.get(id); s && !out.includes(s.id); s = s.broader ? byId.get(s.broader) : undefined) out.push(s.id);
  return out;
}

export interface SectorMention {
  sector: string;
  /** the words of the text that name it */
  word: string;
}

const seen = new Map<string, SectorMention[]>();
const SEEN_LIMIT = 2000;

/**
 * The sectors a text names. A word counts where segmentation puts a boundary at both its ends, and the longest
 * word starting at a place wins: 氢燃料电池 is 氢能, never 电池; 交通信号灯 holds no 通信; Latin words are whole.
 */
export function sectorsIn(text: string): SectorMention[] {
  const cached = seen.get(text);
  if (cached) return cached;
  const normal = nfkc(text).toLowerCase();
  const bounds = wordBoundaries(normal);
  const out: SectorMention[] = [];
  for (let i = 0; i < normal.length; ) {
    const found = bounds.has(i) ? WORDS.find(([w]) => normal.startsWith(w, i) && bounds.has(i + w.length) && latinWhole(normal, i, w)) : undefined;
    if (!found) { i++; continue; }
    for (const sector of found[1]) if (!out.some((m) => m.sector === sector)) out.push({ sector, word: text.normalize('NFKC').slice(i, i + found[0].length) });
    i += found[0].length;
  }
  if (seen.size >= SEEN_LIMIT) seen.clear();
  seen.set(text, out);
  return out;
}

const LATIN = /[a-z0-9]/u;
/** "AI" in "MAIL" is no word: a Latin word must not run on into more Latin letters. */
function latinWhole(text: string, at: number, word: string): boolean {
  if (!LATIN.test(word)) return true;
  return !(at > 0 && LATIN.test(text[at - 1]!) && LATIN.test(word[0]!)) && !(LATIN.test(text[at + word.length] ?? '') && LATIN.test(word[word.length - 1]!));
}

/** The sectors of a 国家重点支持的高新技术领域, for an enterprise whose own words name none. */
export function sectorsOfField(field: string): string[] {
  return SECTORS.filter((s) => s.fields.includes(field)).map((s) => s.id);
}
