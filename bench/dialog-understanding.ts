import * as chrono from 'chrono-node';
import Nzh from 'nzh';
import type { Reading } from '../bot/understand/reading.js';
import { scoreAnswers, scoreCorrections, scoreIntents, scoreOpenings, type Split } from './lib/dialog-gold.js';

/** chrono-node's Chinese parser read as an answer: a day, a month or a year, whatever it knows of the date. */
function chronoReading(text: string, asOf: string): Reading {
  const found = chrono.zh.parse(text, new Date(`${asOf}T12:00:00Z`))[0];
  if (!found) return { kind: 'reject' };
  const known = found.start;
  const year = known.get('year')!;
  const month = known.get('month')!;
  if (known.isCertain('day')) return { kind: 'value', value: `${year}-${String(month).padStart(2, '0')}-${String(known.get('day')).padStart(2, '0')}` };
  if (known.isCertain('month')) return { kind: 'month', year, month };
  return known.isCertain('year') ? { kind: 'year', year } : { kind: 'reject' };
}

/** nzh reading the Chinese numeral in an answer (in 万元 for money, as the question asks); Arabic digits as they are. */
function nzhReading(text: string, kind: string): Reading {
  const numeral = /[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+/u.exec(text)?.[0];
  const digits = /\d+(\.\d+)?/u.exec(text)?.[0];
  if (!numeral && !digits) return { kind: 'reject' };
  const n = numeral ? Number(Nzh.cn.decodeS(numeral)) : Number(digits);
  const money = kind === 'money' && numeral && /[万亿]/u.test(numeral) ? n / 1e4 : n;
  return Number.isFinite(money) ? { kind: 'value', value: money } : { kind: 'reject' };
}

/** The answers a library could be asked to read: dates for chrono-node, answers in Chinese numerals for nzh. */
function libraryComparison(split: Split): Record<string, unknown> {
  const dates = (l: Record<string, unknown>) => l.kind === 'date';
  const numerals = (l: Record<string, unknown>) => (l.kind === 'integer' || l.kind === 'money') && typeof l.expect === 'number' && /[一二两三四五六七八九十百千壹贰叁]/u.test(String(l.answer));
  const rate = (r: Record<string, unknown>) => ({ rate: r.rate, answers: r.total });
  return {
    dates: { ours: rate(scoreAnswers(split, { only: dates })), chronoNode: rate(scoreAnswers(split, { only: dates, read: (_f, t, today) => chronoReading(t, today) })) },
    chineseNumerals: { ours: rate(scoreAnswers(split, { only: numerals })), nzh: rate(scoreAnswers(split, { only: numerals, read: (_f, t, _today, kind) => nzhReading(t, kind) })) },
  };
}

/**
 * How well the dialog reads owners on the blind sets: answers per kind of fact, intents, corrections (and any
 * applied to the wrong fact), the facts of opening messages — on the -dev files the readers were tuned on and
 * the -heldout files they never were; and chrono-node and nzh against our readers on the answers they could read.
 */
export function runDialogUnderstandingBench(): Record<string, unknown> {
  const splits = (['dev', 'heldout'] as const).map((split) => [
    split,
    { answers: scoreAnswers(split), intents: scoreIntents(split), corrections: scoreCorrections(split), openings: scoreOpenings(split) },
  ]);
  return { ...Object.fromEntries(splits), libraries: libraryComparison('dev') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(runDialogUnderstandingBench(), null, 2));
}
