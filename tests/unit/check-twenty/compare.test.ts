import { describe, expect, test } from 'vitest';
import type { DealGroup } from '@/lib/pipeline/types';
import { compareGroups } from '@/lib/twenty/check/compare';

const g = (stage: string, currencyCode: string | null, closeMonth: string | null, count: number, micros: bigint, amountCount?: number): DealGroup => ({
  stage,
  currencyCode,
  closeMonth,
  count,
  amountMicros: micros,
  ...(amountCount === undefined ? {} : { amountCount }),
});

const GROUPS = [g('NEW', 'USD', '2027-01', 3, 30_000_000n, 3), g('NEW', 'EUR', '2027-02', 1, 5_000_000n, 1), g('CUSTOMER', null, null, 2, 0n, 0)];

describe('compareGroups', () => {
  test('the same buckets in another order are identical', () => {
    const result = compareGroups(['groupBy', 'paging'], GROUPS, [...GROUPS].reverse(), { byMonth: true });
    expect(result).toEqual({ same: true, buckets: 3, deals: 6, differing: 0, differences: [] });
  });

  test('one micro apart is a difference, named by its bucket and both figures', () => {
    const off = [GROUPS[0], g('NEW', 'EUR', '2027-02', 1, 5_000_001n, 1), GROUPS[2]].filter((x): x is DealGroup => x !== undefined);
    const result = compareGroups(['groupBy', 'paging'], GROUPS, off, { byMonth: true });
    expect(result.same).toBe(false);
    expect(result.differing).toBe(1);
    expect(result.differences).toEqual(['NEW · EUR · 2027-02: groupBy 1 deals, 5000000 micros, 1 priced, paging 1 deals, 5000001 micros, 1 priced']);
  });

  test('priced deals count: an unpriced deal counted as priced is caught (the average divides by it)', () => {
    const first = [g('NEW', 'USD', '2027-01', 3, 30_000_000n, 3)];
    const second = [g('NEW', 'USD', '2027-01', 3, 30_000_000n, 2)];
    expect(compareGroups(['groupBy', 'paging'], first, second, { byMonth: true }).same).toBe(false);
  });

  test('a bucket only one side has is a difference', () => {
    const result = compareGroups(['groupBy', 'paging'], GROUPS, GROUPS.slice(0, 2), { byMonth: true });
    expect(result.differences).toEqual(['CUSTOMER · (no currency) · (no close date): groupBy 2 deals, 0 micros, 0 priced, paging nothing']);
  });

  test('without months, buckets merge per stage × currency', () => {
    const byMonth = [g('NEW', 'USD', '2027-01', 1, 10n, 1), g('NEW', 'USD', '2027-02', 1, 20n, 1)];
    const merged = [g('NEW', 'USD', null, 2, 30n, 2)];
    expect(compareGroups(['aggregate', 'paging'], merged, byMonth, { byMonth: false }).same).toBe(true);
    expect(compareGroups(['aggregate', 'paging'], merged, byMonth, { byMonth: true }).same).toBe(false);
  });

  test('at most `limit` differences are spelled out, all are counted', () => {
    const first = [1, 2, 3, 4, 5].map((m) => g('NEW', 'USD', `2027-0${m}`, 1, 1n, 1));
    const result = compareGroups(['a', 'b'], first, [], { byMonth: true, limit: 2 });
    expect(result.differing).toBe(5);
    expect(result.differences).toHaveLength(2);
  });
});
