import type { IsoDate } from '../logic/dates.js';
import { editionAt, type Edition } from '../logic/editions.js';
import { KECHUANG_2023 } from './kechuang-2023.js';

/** What every edition of the 科创项目 standard states: the 2023 edition's shape. */
export type KechuangStandard = typeof KECHUANG_2023;

/**
 * Every edition of the standard, oldest first, each from the day it applies. A new year's standard is a new
 * parameters file beside kechuang-2023.ts and one entry here.
 */
export const KECHUANG_EDITIONS: readonly Edition<KechuangStandard>[] = [{ since: '2023-01-01', values: KECHUANG_2023 }];

/** The standard in force on `asOf` (the 2023 edition before its own first day, see editionAt). */
export function kechuangStandardAt(asOf: IsoDate): KechuangStandard {
  return editionAt(KECHUANG_EDITIONS, asOf).values;
}

/** The newest edition: for wording read without an evaluation date, such as the dialog's questions. */
export const NEWEST_KECHUANG: KechuangStandard = KECHUANG_EDITIONS[KECHUANG_EDITIONS.length - 1]!.values;

/** 解释说明2's test for a 科技服务业 enterprise as its text words it: 连续2个月缴纳社保的研发人员不少于3人 */
export function techServiceStaffText(K: KechuangStandard): string {
  const { techServiceMonths, techServiceStaff } = K.base.operating;
  return `连续${techServiceMonths}个月缴纳社保的研发人员${techServiceStaff.text}`;
}
