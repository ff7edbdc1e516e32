/**
 * Exact arithmetic for legal thresholds. Facts arrive as decimal numbers (12.5, 0.1, 5000); a policy bound is
 * met or not at the exact decimal value the enterprise reported, so 5 of 50 staff is exactly 10% and
 * 500 of 10,000 exactly 5%. Binary floating point cannot promise that, so comparisons go through BigInt
 * fractions built from each number's shortest decimal form.
 */
export interface Rational {
  readonly n: bigint;
  /** always positive */
  readonly d: bigint;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;
const TEN = 10n;

/**
 * Counts, points and percentages are mostly small whole numbers: their fractions are made once, not per use
 * (not frozen: a frozen object has a shape of its own, and every operation here would then see two).
 */
const WHOLE: readonly Rational[] = Array.from({ length: 1001 }, (_, i) => ({ n: BigInt(i), d: 1n }));

export function rational(value: number): Rational {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) return value >= 0 && value < WHOLE.length ? WHOLE[value]! : { n: BigInt(value), d: 1n };
  const text = String(value);
  // the usual form, "-12.345", read without the regular expression: the digits over a power of ten
  const dot = text.indexOf('.');
  if (dot > 0 && !text.includes('e')) return { n: BigInt(text.slice(0, dot) + text.slice(dot + 1)), d: TEN ** BigInt(text.length - dot - 1) };
  const m = DECIMAL.exec(text);
  if (!m) throw new RangeError(`cannot read ${value} as a decimal`);
  const [, sign, whole, fraction = '', exponent = '0'] = m;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return scale >= 0 ? { n: digits, d: TEN ** BigInt(scale) } : { n: digits * TEN ** BigInt(-scale), d: 1n };
}

export function fraction(numerator: number, denominator: number): Rational {
  return divide(rational(numerator), rational(denominator));
}

export function add(a: Rational, b: Rational): Rational {
  return a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

export function subtract(a: Rational, b: Rational): Rational {
  return add(a, { n: -b.n, d: b.d });
}

export function multiply(a: Rational, b: Rational): Rational {
  return { n: a.n * b.n, d: a.d * b.d };
}

export function divide(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError('division by zero');
  const n = a.n * b.d;
  const d = a.d * b.n;
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

export function sum(values: Iterable<Rational>): Rational {
  let total: Rational = { n: 0n, d: 1n };
  for (const v of values) total = add(total, v);
  return total;
}

/**
 * The exact sum of the figures known, those not known (undefined) left out. Made in one loop: no list of the
 * known ones, whose layout (empty, or holding fractions) would differ from one evaluation to the next.
 */
export function sumKnown(figures: readonly (number | undefined)[]): Rational {
  let total: Rational = { n: 0n, d: 1n };
  for (const v of figures) if (v !== undefined) total = add(total, rational(v));
  return total;
}

/** -1, 0 or 1 as a is below, at or above b, exactly. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function isZero(a: Rational): boolean {
  return a.n === 0n;
}

/** For display only: decisions never go through this. */
export function toNumber(a: Rational): number {
  return Number(a.n) / Number(a.d);
}

/** The smallest whole number not below a. */
export function ceiling(a: Rational): bigint {
  const q = a.n / a.d;
  return a.n > 0n && q * a.d !== a.n ? q + 1n : q;
}
