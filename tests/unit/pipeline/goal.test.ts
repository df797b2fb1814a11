import { describe, expect, test } from 'vitest';
import { dashboardsFileSchema } from '@/lib/config/dashboard-schema';
import { goalProgress } from '@/lib/pipeline/goal';
import { unitsToMicros } from '@/lib/pipeline/money/units';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import type { MoneyTotal } from '@/lib/pipeline/types';
import { dashboard, group, M, NOW, pipelineData } from './builders';

const usd = (amountMicros: bigint): MoneyTotal => ({ currency: 'USD', amountMicros: amountMicros.toString(), converted: false, other: [] });

describe('the goal in the dashboards file', () => {
  const parse = (goal: unknown) => dashboardsFileSchema.safeParse({ dashboards: [{ slug: 'a', title: 'A', goal }] });

  test('a positive decimal in display units, at most six decimals', () => {
    for (const amount of ['1500000', '2500.5', '0.000001', '999999999999999.999999']) expect(parse({ amount }).success, amount).toBe(true);
    for (const amount of ['1e6', '-5', '1,500,000', '1.1234567', '', ' 10', '1500000 USD']) expect(parse({ amount }).success, amount).toBe(false);
  });

  test('a goal of zero is refused, whatever its spelling', () => {
    for (const amount of ['0', '0.0', '000.000000']) {
      const result = parse({ amount });
      expect(result.success, amount).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/more than zero/);
    }
  });

  test('a number instead of a string, or another key, is refused (no float ever reaches a goal)', () => {
    expect(parse({ amount: 1500000 }).success).toBe(false);
    expect(parse({ amount: '10', currency: 'EUR' }).success).toBe(false);
  });

  test('units become micros on their digits', () => {
    expect(unitsToMicros('1500000')).toBe(1_500_000n * M);
    expect(unitsToMicros('2500.5')).toBe(2_500_500_000n);
    expect(unitsToMicros('0.000001')).toBe(1n);
    expect(unitsToMicros('999999999999999.999999')).toBe(999_999_999_999_999_999_999n);
    expect(() => unitsToMicros('1.0000001')).toThrow(RangeError);
  });
});

describe('progress and coverage', () => {
  test('progress is won over the goal; coverage is closing over what is missing; one decimal, half away from zero', () => {
    // 1,000 won of 1,500: 66.666… → 66.7. Missing 500, 1,250 closing: 250.0.
    expect(goalProgress({ amount: '1500' }, usd(1000n * M), usd(1250n * M))).toEqual({ amountMicros: '1500000000', progressPercent: 66.7, coveragePercent: 250 });
    // 1 of 8 is 12.5 exactly; 1 of 16 is 6.25, a tie, which rounds away from zero to 6.3.
    expect(goalProgress({ amount: '8' }, usd(M), usd(0n)).progressPercent).toBe(12.5);
    expect(goalProgress({ amount: '16' }, usd(M), usd(0n)).progressPercent).toBe(6.3);
    expect(goalProgress({ amount: '16' }, usd(M), usd(0n)).coveragePercent).toBe(0);
  });

  test('a met goal has no coverage; an exceeded one shows its real progress', () => {
    expect(goalProgress({ amount: '100' }, usd(100n * M), usd(50n * M))).toEqual({ amountMicros: '100000000', progressPercent: 100, coveragePercent: null });
    expect(goalProgress({ amount: '100' }, usd(250n * M), usd(0n))).toMatchObject({ progressPercent: 250, coveragePercent: null });
    // One micro short is not met: 99.999999 % rounds to 100.0, and coverage is still due.
    expect(goalProgress({ amount: '100' }, usd(100n * M - 1n), usd(1n))).toEqual({ amountMicros: '100000000', progressPercent: 100, coveragePercent: 100 });
  });

  test('nothing won yet: progress 0, coverage of the whole goal; refunds make progress negative', () => {
    expect(goalProgress({ amount: '200' }, usd(0n), usd(300n * M))).toMatchObject({ progressPercent: 0, coveragePercent: 150 });
    expect(goalProgress({ amount: '200' }, usd(-20n * M), usd(0n))).toMatchObject({ progressPercent: -10, coveragePercent: 0 });
  });

  test('huge amounts stay exact: no float touches the micros', () => {
    // 10^21 micros of goal; won is one micro less than a third of it.
    const goal = { amount: '999999999999999.999999' };
    const third = 333_333_333_333_333_333_333n;
    expect(goalProgress(goal, usd(third), usd(third * 2n))).toEqual({ amountMicros: '999999999999999999999', progressPercent: 33.3, coveragePercent: 100 });
    // Past 2^53 micros, a float would have made these two equal and the goal look met.
    expect(goalProgress({ amount: '9007199254.740993' }, usd(9_007_199_254_740_992n), usd(0n))).toMatchObject({ progressPercent: 100, coveragePercent: 0 });
  });
});

describe('the goal in the snapshot uses the KPIs figures', () => {
  const groups = [
    group({ stage: 'CUSTOMER', count: 2, amountMicros: 300n * M, closeMonth: '2026-10' }),
    group({ stage: 'CUSTOMER', currencyCode: 'EUR', count: 1, amountMicros: 100n * M, closeMonth: '2026-11' }),
    group({ stage: 'CUSTOMER', currencyCode: 'GBP', count: 1, amountMicros: 999n * M, closeMonth: '2026-11' }),
    group({ stage: 'CUSTOMER', count: 5, amountMicros: 5000n * M, closeMonth: '2026-07' }),
    // Open: this quarter (overdue October included), next quarter, no close date.
    group({ stage: 'PROPOSAL', count: 1, amountMicros: 40n * M, closeMonth: '2026-10' }),
    group({ stage: 'MEETING', count: 1, amountMicros: 200n * M, closeMonth: '2026-12' }),
    group({ stage: 'MEETING', count: 1, amountMicros: 7000n * M, closeMonth: '2027-01' }),
    group({ stage: 'NEW', count: 1, amountMicros: 9000n * M, closeMonth: null }),
  ];
  const build = (extra: Record<string, unknown>) => buildSnapshotContent(pipelineData({ groups }), dashboard({ rates: { EUR: '1.08' }, ...extra }), NOW, { demo: false });

  test('won this quarter in USD (EUR at its rate, GBP without one left out) against open deals closing this quarter', () => {
    const { kpis } = build({ goal: { amount: '1000' } });
    // Won: 300 + 108 = 408 USD (GBP has no rate). Missing 592; closing 40 + 200 = 240 → 40.5 %.
    expect(kpis.wonThisPeriod.amountMicros).toBe('408000000');
    expect(kpis.goal).toEqual({ amountMicros: '1000000000', progressPercent: 40.8, coveragePercent: 40.5 });
  });

  test('the period follows the dashboard: a year goal counts the whole year', () => {
    const { kpis } = build({ goal: { amount: '10000' }, period: 'year' });
    // Won 5,408 this year; open closing in 2026: 240 → 240 / 4,592.
    expect(kpis.goal).toEqual({ amountMicros: '10000000000', progressPercent: 54.1, coveragePercent: 5.2 });
  });

  test('without a goal the snapshot says null', () => {
    expect(build({}).kpis.goal).toBeNull();
  });
});
