import { addYears, dayBefore, type IsoDate } from '../logic/dates.js';
import type { Facts } from '../facts/schema.js';
import { hnteMeasuresAt } from '../parameters/hnte.js';

/**
 * The last day a 高企 certificate is valid: 第九条 gives three years from the day it is issued. The years are the
 * ones of the 办法 in force on that day, under which the certificate was issued.
 */
export function hnteCertificateLastDay(issued: IsoDate): IsoDate {
  return dayBefore(addYears(issued, hnteMeasuresAt(issued).certificate.years));
}

/**
 * Whether the enterprise holds a valid 高企 certificate on `asOf`: as answered, or already ruled out when the
 * issue date is known to lie more than three years back (then no answer could make it valid).
 */
export function holdsValidCertificate(facts: Facts, asOf: IsoDate): boolean | undefined {
  if (facts.hnteCertified !== undefined) return facts.hnteCertified;
  if (facts.hnteCertDate !== undefined && hnteCertificateLastDay(facts.hnteCertDate) < asOf) return false;
  return undefined;
}
