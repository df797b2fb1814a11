import { describe, expect, test } from 'vitest';
import { addToSums, conversionFor, emptySums, isConvertible, toDisplayMicros, toMoneyTotal } from '@/lib/pipeline/money/totals';

describe('money totals', () => {
  test('the display currency adds up and is not labelled converted', () => {
    const sums = emptySums();
    addToSums(sums, 'USD', 1_000_000n);
    addToSums(sums, 'USD', 2_500_000n);
    expect(toMoneyTotal(sums, conversionFor('USD', {}))).toEqual({ currency: 'USD', amountMicros: '3500000', converted: false, other: [] });
  });
  test('rated currencies are converted and labelled; unrated ones stay apart, sorted, never added', () => {
    const sums = emptySums();
    addToSums(sums, 'USD', 1_000_000n);
    addToSums(sums, 'EUR', 1_000_000n);
    addToSums(sums, 'JPY', 500_000_000n);
    addToSums(sums, 'GBP', 3_000_000n);
    const total = toMoneyTotal(sums, conversionFor('USD', { EUR: '1.08' }));
    expect(total).toEqual({
      currency: 'USD',
      amountMicros: '2080000',
      converted: true,
      other: [
        { currencyCode: 'GBP', amountMicros: '3000000' },
        { currencyCode: 'JPY', amountMicros: '500000000' },
      ],
    });
  });
  test('amounts without a currency code are kept apart under ""', () => {
    const sums = emptySums();
    addToSums(sums, null, 7_000_000n);
    addToSums(sums, 'USD', 1n);
    const total = toMoneyTotal(sums, conversionFor('USD', { EUR: '1.1' }));
    expect(total.amountMicros).toBe('1');
    expect(total.other).toEqual([{ currencyCode: '', amountMicros: '7000000' }]);
  });
  test('zero sums make no "other" line and no converted label', () => {
    const sums = emptySums();
    addToSums(sums, 'EUR', 0n);
    addToSums(sums, 'GBP', 0n);
    expect(toMoneyTotal(sums, conversionFor('USD', { EUR: '1.1' }))).toEqual({ currency: 'USD', amountMicros: '0', converted: false, other: [] });
  });
  test('a rate for the display currency itself is ignored (always 1)', () => {
    const conversion = conversionFor('USD', { USD: '2' });
    expect(toDisplayMicros(conversion, 'USD', 5n)).toBe(5n);
    expect(isConvertible(conversion, null)).toBe(false);
    expect(toDisplayMicros(conversion, 'EUR', 5n)).toBeNull();
  });
});
