import { describe, expect, test } from 'vitest';
import { buildCreatedTrend } from '@/lib/pipeline/created-trend';
import { conversionFor } from '@/lib/pipeline/money/totals';
import { parseSnapshot } from '@/lib/pipeline/snapshot-schema';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import type { CreatedBucket, CreatedWeeks } from '@/lib/pipeline/types';
import { M, NOW, dashboard, pipelineData } from './builders';

const WEEKS = ['2026-11-09', '2026-11-16', '2026-11-23'];
const bucket = (week: string, currencyCode: string | null, count: number, amountMicros: bigint): CreatedBucket => ({ week, currencyCode, count, amountMicros });

describe('buildCreatedTrend', () => {
  test('one point per week read, oldest first; a week with nothing created is all zeros', () => {
    const created: CreatedWeeks = { weeks: WEEKS, buckets: [bucket('2026-11-23', 'USD', 2, 30n * M), bucket('2026-11-09', 'USD', 1, 5n * M)] };
    expect(buildCreatedTrend(created, conversionFor('USD', {}))).toEqual([
      { week: '2026-11-09', count: 1, currency: 'USD', amountMicros: '5000000', converted: false, other: [] },
      { week: '2026-11-16', count: 0, currency: 'USD', amountMicros: '0', converted: false, other: [] },
      { week: '2026-11-23', count: 2, currency: 'USD', amountMicros: '30000000', converted: false, other: [] },
    ]);
  });

  test('a rated currency converts; one without a rate and one without a code stay apart, never added', () => {
    const created: CreatedWeeks = {
      weeks: ['2026-11-23'],
      buckets: [
        bucket('2026-11-23', 'USD', 1, 100n * M),
        bucket('2026-11-23', 'EUR', 2, 10n * M),
        bucket('2026-11-23', 'GBP', 1, 7n * M),
        bucket('2026-11-23', null, 3, 4n * M),
      ],
    };
    const [point] = buildCreatedTrend(created, conversionFor('USD', { EUR: '1.08' }));
    expect(point).toEqual({
      week: '2026-11-23',
      count: 7,
      currency: 'USD',
      amountMicros: String(100n * M + 10_800_000n),
      converted: true,
      other: [
        { currencyCode: '', amountMicros: String(4n * M) },
        { currencyCode: 'GBP', amountMicros: String(7n * M) },
      ],
    });
  });

  test('deals without an amount count and add nothing', () => {
    const [point] = buildCreatedTrend({ weeks: ['2026-11-23'], buckets: [bucket('2026-11-23', null, 2, 0n)] }, conversionFor('USD', {}));
    expect(point).toMatchObject({ count: 2, amountMicros: '0', other: [] });
  });
});

describe('created in the snapshot', () => {
  test('present exactly when the data carries it, and the wire schema reads it back', () => {
    const board = dashboard({ trend: true });
    const without = buildSnapshotContent(pipelineData(), board, NOW, { demo: false });
    expect(without).not.toHaveProperty('created');
    const content = buildSnapshotContent(pipelineData({ created: { weeks: WEEKS, buckets: [bucket('2026-11-16', 'USD', 1, M)] } }), board, NOW, { demo: false });
    expect(content.created?.map((p) => [p.week, p.count])).toEqual([['2026-11-09', 0], ['2026-11-16', 1], ['2026-11-23', 0]]);
    const wire = { ...content, asOf: NOW.toISOString(), version: 'v', stale: false, staleReason: null, staleSince: null };
    expect(parseSnapshot(JSON.parse(JSON.stringify(wire)))?.created).toEqual(content.created);
    const { created: _created, ...older } = wire;
    expect(parseSnapshot(JSON.parse(JSON.stringify(older)))).not.toBeNull();
    expect(parseSnapshot({ ...wire, created: [{ ...content.created?.[0], week: '2026-W47' }] })).toBeNull();
  });
});
