import type { z } from 'zod';
import { yearOf, type IsoDate } from '../logic/dates.js';
import { hnteCertificateLastDay } from '../programmes/hnte-certificate.js';
import { FACT_CATALOG } from './catalog.js';
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

/** The profile with its null values (top level and per year) left out: null is "not known", as an absent key. */
export function withoutNulls(input: unknown): unknown {
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
  if (f.majorIncidentLastYear === true && f.majorIncidentSincePreviousYear === false) {
    out.push({
      key: 'majorIncidentLastYear, majorIncidentSincePreviousYear',
      message: '申请前一年内发生过重大事故，就一定在上一年1月1日以来发生过 / an incident in the last twelve months lies within the previous and current years',
    });
  }
  const period = f.majorIncidentPeriod;
  if (period !== undefined) {
    const since = period !== 'none';
    const last = period === 'within12Months';
    const disagree = [
      f.majorIncidentSincePreviousYear !== undefined && f.majorIncidentSincePreviousYear !== since ? 'majorIncidentSincePreviousYear' : null,
      f.majorIncidentLastYear !== undefined && f.majorIncidentLastYear !== last ? 'majorIncidentLastYear' : null,
    ].filter((k): k is 'majorIncidentSincePreviousYear' | 'majorIncidentLastYear' => k !== null);
    if (disagree.length) {
      out.push({
        key: ['majorIncidentPeriod', ...disagree].join(', '),
        message: `上一年初以来重大事故的回答（${FACT_CATALOG.majorIncidentPeriod.choices!.find((c) => c.value === period)!.label}）与${disagree.map((k) => FACT_CATALOG[k].label).join('、')}的回答矛盾 / majorIncidentPeriod "${period}" disagrees with ${disagree.join(', ')}`,
      });
    }
  }
  if (f.kechuangIpGrantedInCarveOut === true && f.kechuangIpRoute === false) {
    out.push({
      key: 'kechuangIpGrantedInCarveOut, kechuangIpRoute',
      message: '自主申请授权是条件8所列的途径之一：自主申请的Ⅰ类知识产权已于2022年11月21日—12月31日获得授权，与“未按第8条途径获得Ⅰ类知识产权”矛盾 / an own class I grant is a route of condition 8, yet kechuangIpRoute is false',
    });
  }
  if (f.nantongOrigin === 'foundedHere' && f.nantongRegistrationDate !== undefined && f.registrationDate !== undefined && f.nantongRegistrationDate !== f.registrationDate) {
    out.push({
      key: 'nantongOrigin, nantongRegistrationDate, registrationDate',
      message: `在南通新设立的企业，在南通注册日期就是成立日期（${f.registrationDate}），却填了 ${f.nantongRegistrationDate} / an enterprise founded in Nantong was registered there on its founding day, yet nantongRegistrationDate differs`,
    });
  }
  if (f.nantongRegistrationDate !== undefined && f.region === '市外') {
    out.push({
      key: 'nantongRegistrationDate, region',
      message: '给出了在南通注册的日期，但注册所在板块是“市外” / nantongRegistrationDate is given, yet region says the enterprise is not registered in Nantong',
    });
  }
  const foundedHere = f.nantongOrigin === 'foundedHere' || (f.nantongRegistrationDate !== undefined && f.nantongRegistrationDate === f.registrationDate);
  if (f.hnteWhenIntroduced === true && foundedHere) {
    out.push({
      key: f.nantongOrigin === 'foundedHere' ? 'hnteWhenIntroduced, nantongOrigin' : 'hnteWhenIntroduced, nantongRegistrationDate, registrationDate',
      message: '在南通新设立的企业（在南通注册日期即成立日期），落户时不可能已是高新技术企业 / an enterprise founded in Nantong cannot have been an HNTE when it was registered there',
    });
  }
  return out;
}

const DATE_KEYS = ['registrationDate', 'nantongRegistrationDate', 'hnteCertDate'] as const;

/**
 * A fiscal year's figure is for a year that has begun. (A year before the registration date is not refused: a
 * moved enterprise often gives its 南通 date there; see conflicts.ts.)
 */
function yearProblems(f: Facts, asOf: IsoDate): FactIssue[] {
  const out: FactIssue[] = [];
  for (const key of PER_YEAR_KEYS) {
    for (const yearText of Object.keys(f[key] ?? {})) {
      const year = Number(yearText);
      const label = FACT_CATALOG[key].label;
      if (year > yearOf(asOf)) {
        out.push({ key: `${key}.${yearText}`, message: `${year}年${label}：该年度在评估日 ${asOf} 之后 / ${key} for ${year}, after the evaluation date ${asOf}` });
      }
    }
  }
  return out;
}

function datedProblems(f: Facts, asOf: IsoDate): FactIssue[] {
  const out: FactIssue[] = yearProblems(f, asOf);
  for (const key of DATE_KEYS) {
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
  if (f.nantongRegistrationDate !== undefined && f.registrationDate !== undefined && f.nantongRegistrationDate < f.registrationDate) {
    out.push({
      key: 'nantongRegistrationDate, registrationDate',
      message: '在南通注册（迁入）日期早于企业注册成立日期 / nantongRegistrationDate is before registrationDate',
    });
  }
  return out;
}
