import type { IsoDate } from '../logic/dates.js';
import { editionAt, type Edition } from '../logic/editions.js';
import { TECH_SME_2017 } from './tech-sme-2017.js';

/** What every edition of the 科技型中小企业评价办法 states: the 2017 edition's shape. */
export type TechSmeStandard = typeof TECH_SME_2017;

/**
 * Every edition of the 评价办法, oldest first, each from the day it applies. A revised 办法 is a new parameters
 * file beside tech-sme-2017.ts and one entry here.
 */
export const TECH_SME_EDITIONS: readonly Edition<TechSmeStandard>[] = [{ since: '2017-05-03', values: TECH_SME_2017 }];

/** The 评价办法 in force on `asOf` (the 2017 edition before its own first day, see editionAt). */
export function techSmeStandardAt(asOf: IsoDate): TechSmeStandard {
  return editionAt(TECH_SME_EDITIONS, asOf).values;
}
