// Exact money arithmetic on integer micros (1 unit = 1,000,000 micros). Everything is bigint;
// a float never touches an amount, so 100k deals of 10^15 micros still add up to the micro.

export const MICROS_PER_UNIT = 1_000_000n;

/**
 * Integer division rounded half away from zero: 2.5 → 3 and −2.5 → −3 (Java's HALF_UP). This is
 * the app's one rounding rule for money. It is symmetric, so a refund of −2.5 rounds like a sale of
 * 2.5 and opposite amounts stay opposite after rounding, which rounding towards +∞ would break.
 */
export function divideHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

/** A decimal rate as an exact fraction: "1.08" → 108 / 100. */
export type ExactRate = { numerator: bigint; denominator: bigint };

const RATE_PATTERN = /^(\d+)(?:\.(\d+))?$/;

export function parseRate(rate: string): ExactRate {
  const match = RATE_PATTERN.exec(rate.trim());
  if (!match) throw new RangeError(`not a decimal rate: "${rate}"`);
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) };
}

/** micros × rate, rounded half away from zero to whole micros. */
export function convertMicros(micros: bigint, rate: ExactRate): bigint {
  return divideHalfAwayFromZero(micros * rate.numerator, rate.denominator);
}
