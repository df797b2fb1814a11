import { MICROS_PER_UNIT } from '@/lib/pipeline/money/exact';

/** A decimal amount in whole currency units, as the dashboards file writes one: "1500000", "99.95". */
export const UNITS_TEXT = /^(\d+)(?:\.(\d{1,6}))?$/;

/**
 * Units to micros on the digits alone: "1500000.5" → 1500000500000n. At most six decimals, so
 * nothing is ever rounded; anything else is refused rather than guessed.
 */
export function unitsToMicros(text: string): bigint {
  const match = UNITS_TEXT.exec(text);
  if (!match) throw new RangeError(`not an amount in units: "${text}"`);
  const [, whole = '0', fraction = ''] = match;
  return BigInt(whole) * MICROS_PER_UNIT + BigInt(fraction.padEnd(6, '0'));
}
