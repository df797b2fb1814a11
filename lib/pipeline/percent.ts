import { divideHalfAwayFromZero } from '@/lib/pipeline/money/exact';

/**
 * part ÷ whole × 100 to one decimal, computed on integers and rounded by the app's one rule (half
 * away from zero, money/exact.ts): 2 of 3 is 66.7, 1 of 8 is 12.5. Only the finished tenths become
 * a number, so the result is exact for any integer or micros inputs up to 9×10^14 percent.
 */
export function percentOneDecimal(part: bigint, whole: bigint): number {
  if (whole === 0n) throw new RangeError('a percentage of zero');
  return Number(divideHalfAwayFromZero(part * 1000n, whole)) / 10;
}
