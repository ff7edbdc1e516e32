import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asksRatherThanAnswers, classify, readAsAnswer } from '../../bot/dialog/intents.js';
import { interpretAnswer } from '../../bot/dialog/interpret.js';
import { readAnswer } from '../../bot/understand/answer-reader.js';
import { answersPending, readCorrection } from '../../bot/understand/corrections.js';
import { extractFacts } from '../../bot/understand/extract.js';
import type { Reading } from '../../bot/understand/reading.js';
import { projectRoot } from '../../knowledge/paths.js';
import type { FactPath } from '../../rules/facts/catalog.js';
import { REGISTRY } from '../../rules/programmes/index.js';

/**
 * The blind dialog sets (bench/gold/dialog, written by people who never saw the parser): each line scored
 * against what Tongce's readers make of it. Kept apart: the -dev files (tuned on) and the -heldout files (never).
 */

export type Split = 'dev' | 'heldout';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function goldLines(set: 'answers' | 'intents' | 'corrections' | 'openings', split: Split): Json[] {
  return readFileSync(join(projectRoot(), 'bench', 'gold', 'dialog', `${set}-${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Json);
}

const same = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-6 : JSON.stringify(a) === JSON.stringify(b));

/**
 * Whether a reading gives what the gold line expects. A guess counts for a plain value and the other way round
 * (the value is right; only the confirmation differs); "ask back" and "not an answer" count for each other, as
 * the dialog asks again in both cases.
 */
export function readingMatches(r: Reading, expect: unknown): boolean {
  if (expect === null) return r.kind === 'unknown';
  if (typeof expect !== 'object') return (r.kind === 'value' || r.kind === 'guess') && same(r.value, expect);
  const e = expect as Json;
  if (e.none) return r.kind === 'none';
  if (e.reject || e.ask) return r.kind === 'reject' || r.kind === 'ask';
  if (e.range) return r.kind === 'range' && same(r.low, e.range[0]) && same(r.high, e.range[1]);
  if (e.month) return r.kind === 'month' && `${r.year}-${String(r.month).padStart(2, '0')}` === e.month;
  if (e.year) return r.kind === 'year' && String(r.year) === String(e.year);
  // a guess between two fields: either is right
  if ('guess' in e) return (r.kind === 'guess' || r.kind === 'value') && (Array.isArray(e.guess) ? e.guess.some((g: unknown) => same(r.value, g)) : same(r.value, e.guess));
  return false;
}

interface Tally {
  right: number;
  total: number;
  misses: string[];
}

function tally(into: Record<string, Tally>, key: string, ok: boolean, miss: string): void {
  const t = (into[key] ??= { right: 0, total: 0, misses: [] });
  t.total++;
  if (ok) t.right++;
  else t.misses.push(miss);
}

function rates(by: Record<string, Tally>, keepMisses: number): Json {
  const all = Object.values(by).reduce((a, t) => ({ right: a.right + t.right, total: a.total + t.total }), { right: 0, total: 0 });
  return {
    rate: all.total ? Math.round((all.right / all.total) * 1000) / 1000 : null,
    right: all.right,
    total: all.total,
    byKind: Object.fromEntries(Object.entries(by).map(([k, t]) => [k, { rate: Math.round((t.right / t.total) * 1000) / 1000, right: t.right, total: t.total }])),
    misses: Object.values(by).flatMap((t) => t.misses).slice(0, keepMisses),
  };
}

/** A reader of typed answers: ours, or a library's for comparison. */
export type AnswerReader = (fact: FactPath, text: string, today: string, kind: string) => Reading;
const ours: AnswerReader = (f, t, today) => readAnswer(f, t, { today });

/** Typed answers to one question: the value right, per kind of fact (only the lines `only` keeps, if given). */
export function scoreAnswers(split: Split, options: { read?: AnswerReader; keepMisses?: number; only?: (line: Json) => boolean } = {}): Json {
  const { read = ours, keepMisses = 0, only = () => true } = options;
  const by: Record<string, Tally> = {};
  for (const line of goldLines('answers', split).filter(only)) {
    const r = read(line.fact, line.answer, line.asOf, line.kind);
    tally(by, line.kind, readingMatches(r, line.expect), `${line.fact} | ${line.answer} → ${JSON.stringify(r)} (want ${JSON.stringify(line.expect)})`);
  }
  return rates(by, keepMisses);
}

const INTENT_OF: Record<string, string> = {
  check: 'start_check', question: 'lookup', helpdesk: 'triage', human: 'handoff', correction: 'correction', forget: 'forget',
  restart: 'reset', help: 'help', greeting: 'greeting', other: 'other', undo: 'correction', facts: 'help',
};

/** What the dialog does with a message in a mode, in the gold set's words (modes.ts decides the same way). */
export function intentLabel(text: string, mode: string, pending: string | null, today: string): string {
  const intent = classify(text);
  if (mode === 'collecting' && pending) {
    const fact = (pending.includes('.') || !['salesRevenueByYear', 'rdExpenseByYear', 'netAssetsByYear'].includes(pending) ? pending : `${pending}.${Number(today.slice(0, 4)) - 1}`) as FactPath;
    const answerable = intent.kind === 'other' || (intent.kind === 'question' && !asksRatherThanAnswers(text)) || (intent.kind === 'correction' && answersPending(text, fact));
    if (answerable) {
      const r = interpretAnswer(fact, text, 'zh', today);
      if (readAsAnswer(r.kind, intent.kind === 'question', text)) return 'answer';
      if (intent.kind === 'correction') return 'correction';
    }
  }
  return INTENT_OF[intent.kind]!;
}

/** Utterances in idle or collecting mode: the intent right (and, for a check, the programme named). */
export function scoreIntents(split: Split, keepMisses = 0): Json {
  const by: Record<string, Tally> = {};
  const today = '2026-12-02';
  for (const line of goldLines('intents', split)) {
    const label = intentLabel(line.text, line.mode, line.pending, today);
    const programme = label === 'start_check' ? (REGISTRY.namedIn(line.text)[0] ?? null) : line.programme ?? null;
    const ok = label === line.intent && (line.intent !== 'start_check' || programme === (line.programme ?? null));
    tally(by, line.intent, ok, `${line.mode}/${line.pending ?? '-'} | ${line.text} → ${label}${label === 'start_check' ? `:${programme}` : ''} (want ${line.intent}${line.programme ? `:${line.programme}` : ''})`);
  }
  return rates(by, keepMisses);
}

/** Corrections: the fact named and its new value right, or asked which; a change to any other fact is counted apart. */
export function scoreCorrections(split: Split, keepMisses = 0): Json {
  const by: Record<string, Tally> = {};
  let wrongFact = 0;
  const today = '2026-12-02';
  for (const line of goldLines('corrections', split)) {
    const r = readCorrection(line.text, { today, known: line.known });
    const e = line.expect as Json;
    const kind = e.ask ? 'ask which' : 'named fact';
    let ok: boolean;
    if (e.ask) ok = r.kind === 'which';
    else ok = r.kind === 'fact' && r.path === e.fact && readingMatches(r.reading, e.value);
    // applied to another fact: a value the dialog would write there
    if (r.kind === 'fact' && r.path !== e.fact && ['value', 'month', 'year'].includes(r.reading.kind)) wrongFact++;
    tally(by, kind, ok, `${line.text} → ${r.kind === 'fact' ? `${r.path}=${JSON.stringify(r.reading)}` : `which (${r.reason})`} (want ${JSON.stringify(e)})`);
  }
  return { ...rates(by, keepMisses), wrongFact };
}

/** Opening messages: the intent, and each fact stated read with its value (nothing extra). */
export function scoreOpenings(split: Split, keepMisses = 0): Json {
  const by: Record<string, Tally> = {};
  let extra = 0;
  const today = '2026-12-02';
  const years = { lastYear: 2025, thisYear: 2026 };
  for (const line of goldLines('openings', split)) {
    const found = extractFacts(line.text, years);
    const got = new Map(found.map((p) => [p.path, p]));
    for (const [path, want] of Object.entries(line.facts as Json)) {
      const p = got.get(path);
      const reading: Reading = !p ? { kind: 'reject' } : p.partial ? partialReading(String(p.value)) : { kind: 'value', value: p.value };
      tally(by, 'facts', readingMatches(reading, want), `${line.text} | ${path} → ${p ? JSON.stringify(p.value) : 'missed'} (want ${JSON.stringify(want)})`);
    }
    extra += found.filter((p) => !(p.path in line.facts)).length;
    const label = intentLabel(line.text, 'idle', null, today);
    const wantsCheck = line.intent === 'start_check';
    // facts told unprompted start an assessment too (modes.ts idle)
    const startsCheck = label === 'start_check' || found.length > 0;
    tally(by, 'intent', wantsCheck ? startsCheck : label === line.intent, `${line.text} → ${label} (want ${line.intent})`);
  }
  return { ...rates(by, keepMisses), extraFacts: extra };
}

function partialReading(value: string): Reading {
  const [y, m] = value.split('-');
  return m ? { kind: 'month', year: Number(y), month: Number(m) } : { kind: 'year', year: Number(y) };
}
