import { describe, expect, test } from 'vitest';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import { winRateOf } from '@/lib/pipeline/win-rate';
import type { DealGroup } from '@/lib/pipeline/types';
import { dashboard, group, M, NOW, pipelineData } from './builders';

describe('winRateOf', () => {
  test('won over everything closed, one decimal, the rounding rule of money', () => {
    expect(winRateOf(2, 1, true)).toEqual({ won: 2, lost: 1, percent: 66.7 });
    expect(winRateOf(1, 2, true)).toEqual({ won: 1, lost: 2, percent: 33.3 });
    expect(winRateOf(1, 15, true).percent).toBe(6.3); // 6.25 rounds away from zero
    expect(winRateOf(0, 4, true).percent).toBe(0);
    expect(winRateOf(4, 0, true).percent).toBe(100);
  });

  test('null when nothing closed, or when no stage counts as lost', () => {
    expect(winRateOf(0, 0, true)).toEqual({ won: 0, lost: 0, percent: null });
    expect(winRateOf(5, 0, false)).toEqual({ won: 5, lost: 0, percent: null });
  });
});

describe('the win rate in the snapshot', () => {
  const groups: DealGroup[] = [
    group({ stage: 'CUSTOMER', count: 3, amountMicros: 30n * M, closeMonth: '2026-11' }),
    group({ stage: 'CUSTOMER', count: 9, amountMicros: 90n * M, closeMonth: '2026-07' }),
    group({ stage: 'SCREENING', count: 2, closeMonth: '2026-10' }),
    group({ stage: 'SCREENING', currencyCode: null, count: 1, closeMonth: '2026-12' }),
    group({ stage: 'SCREENING', count: 7, closeMonth: '2026-09' }),
    group({ stage: 'SCREENING', count: 5, closeMonth: null }),
    group({ stage: 'PROPOSAL', count: 4, closeMonth: '2026-11' }),
  ];
  const build = (extra: Record<string, unknown>, g = groups) => buildSnapshotContent(pipelineData({ groups: g }), dashboard(extra), NOW, { demo: false });

  test('counts deals closed this period: the won count is the KPI one, lost deals closed in the same months', () => {
    const { kpis } = build({ lostStages: ['SCREENING'] });
    expect(kpis.winRate).toEqual({ won: kpis.wonThisPeriod.count, lost: 3, percent: 50 });
    expect(kpis.wonThisPeriod.count).toBe(3);
  });

  test('a lost stage the stage filter leaves out counts nowhere', () => {
    const { kpis } = build({ lostStages: ['SCREENING'], filter: { stages: ['PROPOSAL', 'CUSTOMER'] } });
    expect(kpis.winRate).toEqual({ won: 3, lost: 0, percent: 100 });
  });

  test('no lostStages: counts, but no rate; nothing closed this period: no rate', () => {
    expect(build({}).kpis.winRate).toEqual({ won: 3, lost: 0, percent: null });
    expect(build({ lostStages: ['SCREENING'] }, groups.filter((g) => g.closeMonth !== '2026-11' && g.closeMonth !== '2026-10' && g.closeMonth !== '2026-12')).kpis.winRate).toEqual({ won: 0, lost: 0, percent: null });
  });

  test('a month period counts this month only', () => {
    expect(build({ lostStages: ['SCREENING'], period: 'month' }).kpis.winRate).toEqual({ won: 3, lost: 0, percent: 100 });
  });
});
