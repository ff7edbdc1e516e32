import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import { PER_YEAR_KEYS } from '../../rules/facts/schema.js';
import { FactsError, parseProfile } from '../../rules/facts/validate.js';
import type { Lang } from './state.js';

export type FactsRecord = Record<string, unknown>;

/**
 * The facts with one value set (a per-year value into its year's slot). A new object; the old one is untouched.
 * null or undefined is no value (parseProfile reads null as unknown, the rules read only values): the slot is
 * emptied, so the record stays a profile the rules can read as it is.
 */
export function withFact(facts: FactsRecord, path: string, value: unknown): FactsRecord {
  if (value === null || value === undefined) return withoutFact(facts, path);
  const [key, year] = path.split('.') as [string, string | undefined];
  if (year !== undefined && (PER_YEAR_KEYS as readonly string[]).includes(key)) {
    const current = (facts[key] as Record<string, unknown> | undefined) ?? {};
    return { ...facts, [key]: { ...current, [year]: value } };
  }
  return { ...facts, [key]: value };
}

/** The facts without one value (a per-year value out of its year's slot); the old object is untouched. */
export function withoutFact(facts: FactsRecord, path: string): FactsRecord {
  const [key, year] = path.split('.') as [string, string | undefined];
  const next = { ...facts };
  if (year !== undefined && next[key] && typeof next[key] === 'object') {
    const years = { ...(next[key] as Record<string, unknown>) };
    delete years[year];
    if (Object.keys(years).length) next[key] = years;
    else delete next[key];
  } else delete next[key];
  return next;
}

export function factValue(facts: FactsRecord, path: string): unknown {
  const [key, year] = path.split('.') as [string, string | undefined];
  const v = facts[key];
  return year !== undefined && v && typeof v === 'object' ? (v as Record<string, unknown>)[year] : v;
}

/** Why the facts with a new value would not be a valid profile, in the user's language; null when they would. */
export function validationProblem(facts: FactsRecord, asOf: string, lang: Lang): string | null {
  try {
    parseProfile(facts, { asOf, today: asOf });
    return null;
  } catch (e) {
    if (!(e instanceof FactsError)) throw e;
    return e.issues.map((i) => i.message.split(' / ')[lang === 'zh' ? 0 : 1] ?? i.message).join('；');
  }
}

/** A fact's value as a person reads it: 是/否, the choice's label, the number with its unit. */
export function showValue(path: string, value: unknown, lang: Lang): string {
  const info = describeFact(path as FactPath);
  if (typeof value === 'boolean') return value ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
  if (info.kind === 'choice') return info.choices?.find((c) => c.value === value)?.label ?? String(value);
  if (typeof value === 'number') return `${value}${info.unit && info.unit !== '项' ? ` ${info.unit}` : info.unit ?? ''}`;
  return String(value);
}

export function labelOf(path: string, lang: Lang): string {
  const info = describeFact(path as FactPath);
  return lang === 'zh' ? info.label : info.year ? `${info.labelEn} ${info.year}` : info.labelEn;
}

/** Every recorded fact, one per line, in catalog words. */
export function listFacts(facts: FactsRecord, lang: Lang): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(facts)) {
    if (key === 'asOf' || value === undefined) continue;
    if ((PER_YEAR_KEYS as readonly string[]).includes(key) && value && typeof value === 'object') {
      for (const [year, v] of Object.entries(value)) lines.push(`• ${labelOf(`${key}.${year}`, lang)}：${showValue(`${key}.${year}`, v, lang)}`);
    } else {
      lines.push(`• ${labelOf(key, lang)}：${showValue(key, value, lang)}`);
    }
  }
  return lines;
}
