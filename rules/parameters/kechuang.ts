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
