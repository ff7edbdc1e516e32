import { addDays, addYears, type IsoDate } from '../logic/dates.js';
import { HNTE_MEASURES } from '../parameters/hnte-2016.js';

/** The last day a 高企 certificate is valid: 第九条 gives three years from the day it is issued. */
export function hnteCertificateLastDay(issued: IsoDate): IsoDate {
  return addDays(addYears(issued, HNTE_MEASURES.certificate.years), -1);
}
