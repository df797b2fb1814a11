import { describe, expect, test } from 'vitest';
import type { DealGroup } from '@/lib/pipeline/types';
import { pricedCountFromAverage, withUnpricedSubtracted } from '@/lib/twenty/priced-count';
import { readFixture } from './helpers/fixtures';

// The divisor of the average deal size: deals whose amountMicros is not null (FINDINGS item 3).

type Aggregates = { response: { body: { data: { opportunities: Record<string, number> } } } };

describe('priced count from sum / avg', () => {
  test('real 2.21: 300 deals, 10 without any amount, 10 with {amountMicros: null, currencyCode: "USD"} → 280', () => {
    const all = (readFixture('real-2.21/misc/aggregates-all-amount.json') as Aggregates).response.body.data.opportunities;
    expect(all.totalCount).toBe(300);
    // What the average divided by before, and why it was wrong: the null-USD deals count as not empty.
    expect(all.countNotEmptyAmount).toBe(290);
    expect(pricedCountFromAverage(all.totalCount ?? 0, all.sumAmountAmountMicros, all.avgAmountAmountMicros)).toBe(280);
  });

  test('the null-USD deals of the capture: sum null, so no priced deal', () => {
    const semantics = readFixture('real-2.21/count-empty-amount-semantics-1.json') as { response: { body: { data: { nullMicrosUSD: { totalCount: number; countNotEmptyAmount: number; sumAmountAmountMicros: null } } } } };
    const group = semantics.response.body.data.nullMicrosUSD;
    expect(group.countNotEmptyAmount).toBe(10);
    expect(pricedCountFromAverage(group.totalCount, group.sumAmountAmountMicros, null)).toBe(0);
  });

  test('large sums and numeric strings stay exact', () => {
    // 123 deals averaging 3.2 billion units: the sum is far past 2^53 micros, both are doubles.
    const n = 123;
    const sum = n * 3_210_987_654_321_123;
    expect(pricedCountFromAverage(1_000, sum, sum / n)).toBe(n);
    expect(pricedCountFromAverage(1_000, String(sum), String(sum / n))).toBe(n);
    expect(pricedCountFromAverage(n, -5_000_000, -2_500_000)).toBe(2);
  });

  test('undecidable: zero average, no average asked, inconsistent or garbage answers', () => {
    expect(pricedCountFromAverage(3, 0, 0)).toBeNull();
    expect(pricedCountFromAverage(3, 5_000_000, undefined)).toBeNull();
    expect(pricedCountFromAverage(3, 5_000_000, null)).toBeNull();
    expect(pricedCountFromAverage(3, null, 5)).toBeNull();
    expect(pricedCountFromAverage(3, 10_000_000, 3_000_000)).toBeNull(); // 3.33…
    expect(pricedCountFromAverage(3, 10_000_000, 1_000_000)).toBeNull(); // 10 > 3 deals
    expect(pricedCountFromAverage(3, 'many', 2)).toBeNull();
  });
});

describe('priced count from the deals without an amount', () => {
  const group = (stage: string, currencyCode: string | null, count: number): DealGroup => ({ stage, currencyCode, closeMonth: '2027-01', count, amountMicros: 0n });

  test('count minus the unpriced deals of the same bucket; buckets without any stay whole', () => {
    const out = withUnpricedSubtracted([group('NEW', 'USD', 5), group('NEW', null, 2)], [group('NEW', 'USD', 2), group('NEW', null, 2)], () => {});
    expect(out.map((g) => g.amountCount)).toEqual([3, 0]);
    expect(withUnpricedSubtracted([group('MEETING', 'EUR', 4)], [], () => {})[0]?.amountCount).toBe(4);
  });

  test('a deal that changed between the two requests never gives a negative count, and is logged', () => {
    const lines: Record<string, unknown>[] = [];
    const out = withUnpricedSubtracted([group('NEW', 'USD', 1)], [group('NEW', 'USD', 2)], (l) => lines.push(l));
    expect(out[0]?.amountCount).toBe(0);
    expect(lines[0]).toMatchObject({ event: 'twenty.priced_count_drift' });
  });
});
