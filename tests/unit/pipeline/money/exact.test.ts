import { describe, expect, test } from 'vitest';
import { convertMicros, divideHalfAwayFromZero, parseRate } from '@/lib/pipeline/money/exact';

describe('divideHalfAwayFromZero', () => {
  test('rounds halves away from zero and everything else to nearest', () => {
    expect(divideHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(divideHalfAwayFromZero(7n, 2n)).toBe(4n);
    expect(divideHalfAwayFromZero(4n, 3n)).toBe(1n);
    expect(divideHalfAwayFromZero(5n, 3n)).toBe(2n);
    expect(divideHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(divideHalfAwayFromZero(-4n, 3n)).toBe(-1n);
    expect(divideHalfAwayFromZero(0n, 7n)).toBe(0n);
  });
  test('refuses to divide by zero', () => {
    expect(() => divideHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });
});

describe('rates', () => {
  test('parse a decimal string into an exact fraction', () => {
    expect(parseRate('1.08')).toEqual({ numerator: 108n, denominator: 100n });
    expect(parseRate('2')).toEqual({ numerator: 2n, denominator: 1n });
    expect(parseRate('0.000000001')).toEqual({ numerator: 1n, denominator: 1_000_000_000n });
    expect(() => parseRate('1e3')).toThrow(RangeError);
    expect(() => parseRate('-1.2')).toThrow(RangeError);
  });
  test('convert exactly and round half-up to whole micros', () => {
    // 1.5 micros → 2, 2.5 → 3, 1.4999 → 1
    expect(convertMicros(1n, parseRate('1.5'))).toBe(2n);
    expect(convertMicros(5n, parseRate('0.5'))).toBe(3n);
    expect(convertMicros(14_999n, parseRate('0.0001'))).toBe(1n);
    expect(convertMicros(15_000n, parseRate('0.0001'))).toBe(2n);
    // A value a float would get wrong: 10^20 × 1.1 is exactly 1.1 × 10^20.
    expect(convertMicros(10n ** 20n, parseRate('1.1'))).toBe(110_000_000_000_000_000_000n);
  });
});
