import type { z } from 'zod';
import type { IsoDate } from '../logic/dates.js';
import { hnteCertificateLastDay } from '../programmes/hnte-certificate.js';
import { FACT_KEYS, FactsObject, PER_YEAR_KEYS, type Facts } from './schema.js';

/** One thing wrong with a profile: the key (or keys) it concerns and what was expected, in Chinese / English. */
export interface FactIssue {
  key: string;
  message: string;
}

/** A profile that fails validation. The message is one line naming every bad key, for the CLI's one-line reason. */
export class FactsError extends Error {
  override name = 'FactsError';
  constructor(readonly issues: FactIssue[]) {
    super(issues.map((i) => `${i.key}: ${i.message}`).join('; '));
  }
}

/** A validated profile and the date it is evaluated for. */
export interface Profile {
  facts: Facts;
  asOf: IsoDate;
}

/**
 * Reads a facts profile: validates every key, rejects unknown keys (a typo must not silently become "unknown"),
 * checks facts against each other and against the evaluation date. `asOf` (e.g. from --as-of) overrides the
 * profile's own; `today` is the fallback. `null` values are read as "not known", the same as an absent key.
 */
export function parseProfile(input: unknown, options: { asOf?: IsoDate; today: IsoDate }): Profile {
  const parsed = FactsObject.safeParse(withoutNulls(input));
  if (!parsed.success) throw new FactsError(parsed.error.issues.flatMap(describeIssue));
  const facts = parsed.data;
  const asOf = options.asOf ?? facts.asOf ?? options.today;
  const problems = [...crossFieldProblems(facts), ...datedProblems(facts, asOf)];
  if (problems.length) throw new FactsError(problems);
  return { facts, asOf };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function withoutNulls(input: unknown): unknown {
  if (!isPlainObject(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === null) continue;
    out[k] = (PER_YEAR_KEYS as readonly string[]).includes(k) && isPlainObject(v) ? withoutNulls(v) : v;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): FactIssue[] {
  const key = issue.path.map(String).join('.') || '(profile)';
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ key: k, message: unknownKeyMessage(k) }));
  if (issue.code === 'invalid_key') return [{ key, message: issue.issues[0]?.message ?? issue.message }];
  return [{ key, message: issue.message }];
}

function unknownKeyMessage(key: string): string {
  const near = closestKey(key);
  return near
    ? `不是已知的事实键（是否想写 ${near}？） / unknown fact key (did you mean ${near}?)`
    : '不是已知的事实键（见 spec/facts.md） / unknown fact key (see spec/facts.md)';
}

function closestKey(key: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 4)) + 1;
  for (const k of [...FACT_KEYS, 'asOf']) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

function crossFieldProblems(f: Facts): FactIssue[] {
  const out: FactIssue[] = [];
  if (f.scienceStaff !== undefined && f.employees !== undefined && f.scienceStaff > f.employees) {
    out.push({
      key: 'scienceStaff, employees',
      message: `科技人员数（${f.scienceStaff}）不能超过职工总数（${f.employees}） / scienceStaff must not exceed employees`,
    });
  }
  if (f.ipSelfDeveloped === true && f.ipClassI === 0 && f.ipClassII === 0) {
    out.push({
      key: 'ipSelfDeveloped, ipClassI, ipClassII',
      message: '没有任何Ⅰ类、Ⅱ类知识产权时不能有自主研发获得的知识产权 / ipSelfDeveloped is true but ipClassI and ipClassII are both 0',
    });
  }
  return out;
}

function datedProblems(f: Facts, asOf: IsoDate): FactIssue[] {
  const out: FactIssue[] = [];
  for (const key of ['registrationDate', 'hnteCertDate'] as const) {
    const d = f[key];
    if (d !== undefined && d > asOf) {
      out.push({ key, message: `日期 ${d} 晚于评估日 ${asOf} / the date ${d} is after the evaluation date ${asOf}` });
    }
  }
  if (f.hnteCertified === true && f.hnteCertDate !== undefined && hnteCertificateLastDay(f.hnteCertDate) < asOf) {
    const last = hnteCertificateLastDay(f.hnteCertDate);
    out.push({
      key: 'hnteCertified, hnteCertDate',
      message: `证书颁发于 ${f.hnteCertDate}，有效期至 ${last}，评估日 ${asOf} 已过期，与“持有有效证书”矛盾 / the certificate expired on ${last}, before ${asOf}, yet hnteCertified says it is valid`,
    });
  }
  if (f.hnteCertDate !== undefined && f.registrationDate !== undefined && f.hnteCertDate < f.registrationDate) {
    out.push({
      key: 'hnteCertDate, registrationDate',
      message: '高企证书颁发日期早于注册成立日期 / hnteCertDate is before registrationDate',
    });
  }
  return out;
}
