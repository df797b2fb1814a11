import { describe, expect, test } from 'vitest';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import type { DealGroup } from '@/lib/pipeline/types';
import { dashboard, group, M, NOW, pipelineData } from './builders';

const build = (groups: DealGroup[], now: Date, extra: Record<string, unknown> = {}) =>
  buildSnapshotContent(pipelineData({ groups }), dashboard(extra), now, { demo: false });

describe('won / lost / open', () => {
  test('won stages and lost stages are not open; everything else is', () => {
    const groups = [
      group({ stage: 'NEW', count: 1, amountMicros: 1n * M, closeMonth: '2026-11' }),
      group({ stage: 'PROPOSAL', count: 2, amountMicros: 2n * M, closeMonth: '2026-11' }),
      group({ stage: 'CUSTOMER', count: 4, amountMicros: 40n * M, closeMonth: '2026-11' }),
      group({ stage: 'SCREENING', count: 8, amountMicros: 80n * M, closeMonth: '2026-11' }),
    ];
    const content = build(groups, NOW, { lostStages: ['SCREENING'] });
    expect(content.kpis.openCount).toBe(3);
    expect(content.kpis.openValue.amountMicros).toBe('3000000');
    expect(content.kpis.closingThisMonth).toMatchObject({ count: 3, amountMicros: '3000000' });
    expect(content.kpis.wonThisPeriod).toMatchObject({ count: 4, amountMicros: '40000000' });
    expect(content.stages.find((s) => s.value === 'SCREENING')?.isWon).toBe(false);
    expect(content.timeline[0]).toMatchObject({ month: '2026-11', count: 3, amountMicros: '3000000' });
  });

  test('several won stages all count as won', () => {
    const content = build(
      [group({ stage: 'CUSTOMER', count: 1, amountMicros: M, closeMonth: '2026-10' }), group({ stage: 'PROPOSAL', count: 1, amountMicros: M, closeMonth: '2026-10' })],
      NOW,
      { wonStages: ['CUSTOMER', 'PROPOSAL'] },
    );
    expect(content.kpis.wonThisPeriod.count).toBe(2);
    expect(content.kpis.openCount).toBe(0);
    expect(content.stages.filter((s) => s.isWon).map((s) => s.value)).toEqual(['PROPOSAL', 'CUSTOMER']);
  });
});

describe('periods in the dashboard time zone', () => {
  const groups = [
    group({ stage: 'CUSTOMER', count: 1, amountMicros: 1n * M, closeMonth: '2026-07' }),
    group({ stage: 'CUSTOMER', count: 1, amountMicros: 10n * M, closeMonth: '2026-10' }),
    group({ stage: 'CUSTOMER', count: 1, amountMicros: 100n * M, closeMonth: '2027-01' }),
    group({ stage: 'NEW', count: 1, amountMicros: 5n * M, closeMonth: '2026-12' }),
    group({ stage: 'NEW', count: 1, amountMicros: 7n * M, closeMonth: '2027-01' }),
  ];
  // 2027-01-01T05:00Z is still New Year's Eve, 21:00, in Los Angeles.
  const newYearUtc = new Date('2027-01-01T05:00:00Z');

  test('Los Angeles: still Q4 2026 and December', () => {
    const content = build(groups, newYearUtc, { timeZone: 'America/Los_Angeles', period: 'quarter' });
    expect(content.kpis.wonThisPeriod).toMatchObject({ count: 1, amountMicros: '10000000' });
    expect(content.kpis.wonPreviousPeriod).toMatchObject({ count: 1, amountMicros: '1000000' });
    expect(content.kpis.closingThisMonth).toMatchObject({ count: 1, amountMicros: '5000000' });
    expect(content.timeline[0]?.month).toBe('2026-12');
    expect(content.timeline.at(-1)?.month).toBe('2027-11');
  });

  test('UTC at the same instant: already Q1 2027 and January', () => {
    const content = build(groups, newYearUtc, { timeZone: 'UTC', period: 'quarter' });
    expect(content.kpis.wonThisPeriod).toMatchObject({ count: 1, amountMicros: '100000000' });
    expect(content.kpis.wonPreviousPeriod).toMatchObject({ count: 1, amountMicros: '10000000' });
    expect(content.kpis.closingThisMonth).toMatchObject({ count: 1, amountMicros: '7000000' });
    expect(content.timeline[0]?.month).toBe('2027-01');
  });

  test('month and year periods', () => {
    const month = build(groups, newYearUtc, { timeZone: 'America/Los_Angeles', period: 'month' });
    expect(month.kpis.period).toBe('month');
    expect(month.kpis.wonThisPeriod.count).toBe(0);
    expect(month.kpis.wonPreviousPeriod.count).toBe(0); // November 2026
    const year = build(groups, newYearUtc, { timeZone: 'America/Los_Angeles', period: 'year' });
    expect(year.kpis.wonThisPeriod).toMatchObject({ count: 2, amountMicros: '11000000' });
    expect(year.kpis.wonPreviousPeriod.count).toBe(0);
  });
});

describe('timeline', () => {
  test('twelve ordered, zero-filled months of open deals from the current month', () => {
    const content = build(
      [
        group({ stage: 'NEW', count: 2, amountMicros: 3n * M, closeMonth: '2027-02' }),
        group({ stage: 'NEW', currencyCode: 'EUR', count: 1, amountMicros: 4n * M, closeMonth: '2027-02' }),
        group({ stage: 'NEW', count: 1, amountMicros: 9n * M, closeMonth: '2026-10' }), // past: off the timeline
        group({ stage: 'NEW', count: 1, amountMicros: 9n * M, closeMonth: '2027-11' }), // beyond +11
        group({ stage: 'CUSTOMER', count: 1, amountMicros: 9n * M, closeMonth: '2027-02' }), // won: not pipeline
      ],
      NOW,
    );
    expect(content.timeline.map((p) => p.month)).toEqual([
      '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08', '2027-09', '2027-10',
    ]);
    expect(content.timeline[3]).toEqual({ month: '2027-02', count: 3, currency: 'USD', amountMicros: '3000000', converted: false, other: [{ currencyCode: 'EUR', amountMicros: '4000000' }] });
    expect(content.timeline.reduce((n, p) => n + p.count, 0)).toBe(3);
  });

  test('deals without a close date count in stages and pipeline but not on the timeline', () => {
    const content = build([group({ stage: 'NEW', count: 6, amountMicros: 6n * M, closeMonth: null })], NOW);
    expect(content.kpis.openCount).toBe(6);
    expect(content.kpis.closingThisMonth.count).toBe(0);
    expect(content.timeline.every((p) => p.count === 0)).toBe(true);
    expect(content.stages[0]?.count).toBe(6);
  });
});
