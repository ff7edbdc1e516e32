import type { FactPath } from '../facts/catalog.js';
import type { Facts } from '../facts/schema.js';
import { percentOf } from '../logic/format.js';
import { ceiling, divide, fraction, multiply, rational, subtract, type Rational } from '../logic/rational.js';

/**
 * 科技人员占职工总数的比例, as far as the facts settle it. Science staff never exceed employees (the schema
 * checks it), so no staff, or no employees at all, settles the share at nothing whatever else is unknown.
 */
export type StaffShare =
  | { kind: 'known'; percent: Rational; staff: number; employees: number }
  | { kind: 'none'; why: string }
  | { kind: 'unknown'; open: FactPath[] };

export function staffShare(facts: Facts): StaffShare {
  const { scienceStaff: staff, employees } = facts;
  if (employees === 0) return { kind: 'none', why: '职工总数为0' };
  if (staff === 0) return { kind: 'none', why: '科技人员为0人' };
  if (staff === undefined || employees === undefined) {
    const open: FactPath[] = [];
    if (staff === undefined) open.push('scienceStaff');
    if (employees === undefined) open.push('employees');
    return { kind: 'unknown', open };
  }
  return { kind: 'known', percent: percentOf(fraction(staff, employees)), staff, employees };
}

/**
 * How many more science staff reach `pct`% of the workforce: counting the headcount as it is (staff who take
 * up R&D work), and by hiring new science staff, who also raise the headcount.
 */
export function staffShortfall(staff: number, employees: number, pct: number): { short: number; hires: number } {
  const p = rational(pct);
  const required = ceiling(divide(multiply(p, rational(employees)), rational(100)));
  const short = Math.max(0, Number(required) - staff);
  const hires = Math.max(0, Number(ceiling(divide(subtract(multiply(p, rational(employees)), rational(100 * staff)), rational(100 - pct)))));
  return { short, hires };
}
