import type { Message } from '../../bot/dialog/message.js';
import { typed } from './typed.js';

/** The eligibility checks a user can start from the menu: everything, or one programme. */
export const CHECKS = ['check', 'check:hnte', 'check:tech-sme', 'check:kechuang-project-2023'] as const;

/** The fact the dialog is waiting for, from the last message that asks one; undefined once the verdict is in. */
export function askedFact(messages: Message[]): string | undefined {
  return messages.findLast((m) => m.ask)?.ask?.fact;
}

/** A profile's value at a fact path; a per-year fact is asked as `salesRevenueByYear.2025`. */
export function valueAt(profile: Record<string, unknown>, path: string): unknown {
  const [key, year] = path.split('.');
  const v = profile[key!];
  return year && v && typeof v === 'object' ? (v as Record<string, unknown>)[year] : v;
}

/**
 * What a scripted enterprise types in reply to `messages` (the way a person would: 是, 1500万, 2019年6月1日, or
 * 不知道 for a fact it does not have); null when nothing is asked, i.e. the dialog is over.
 */
export function answerTo(messages: Message[], profile: Record<string, unknown>): { fact: string; text: string } | null {
  const fact = askedFact(messages);
  if (!fact) return null;
  const value = valueAt(profile, fact);
  return { fact, text: value === undefined ? '不知道' : typed(fact, value) };
}
