import { describe, expect, test } from 'vitest';
import { dashboardDefaults } from '@/lib/config/dashboard-schema';
import { trendWeeks } from '@/lib/pipeline/weeks';
import { createdBucketsOfGroups, createdGroupByDocument } from '@/lib/twenty/created-group-by';
import { createdFilterParts } from '@/lib/twenty/created-weeks';
import { toFilterInput } from '@/lib/twenty/filters';
import { dealPageDocument } from '@/lib/twenty/pager';
import type { Capabilities } from '@/lib/twenty/capabilities';
import { v055CoreSchema, v221CoreSchema } from './helpers/fixtures';
import { validationErrors, variableErrors } from './helpers/documents';

const board = dashboardDefaults({ slug: 't', title: 'T', trend: true, timeZone: 'America/New_York', weekStart: 'sunday' });
const NOW = new Date('2027-03-15T12:00:00Z');
const frame = trendWeeks(NOW, board.timeZone, board.weekStart);
const ctx = { dashboard: board, log: () => {} };
const group = (day: string | null, currency: string | null, totalCount: number, sum: number | null) => ({ groupByDimensionValues: [day, currency], totalCount, sumAmountAmountMicros: sum });

describe('the trend groupBy answer', () => {
  test('days summed into their weeks, keyed by their values: any order gives the same buckets', () => {
    const groups = [
      group('2027-03-14', 'USD', 2, 3_000_000), // Sunday: first day of the current week
      group('2027-03-13', 'USD', 1, 1_000_000), // Saturday: the week before
      group('2027-03-20', 'EUR', 1, 5_000_000),
      group('2027-03-15', 'USD', 1, null),
      group('2027-03-16', '', 4, null), // no currency ("" on v0.55-era data)
    ];
    const expected = [
      { week: '2027-03-07', currencyCode: 'USD', count: 1, amountMicros: 1_000_000n },
      { week: '2027-03-14', currencyCode: 'EUR', count: 1, amountMicros: 5_000_000n },
      { week: '2027-03-14', currencyCode: 'USD', count: 3, amountMicros: 3_000_000n },
      { week: '2027-03-14', currencyCode: null, count: 4, amountMicros: 0n },
    ];
    expect(createdBucketsOfGroups(groups, { frame, parts: [] }, ctx)).toEqual(expected);
    expect(createdBucketsOfGroups([...groups].reverse(), { frame, parts: [] }, ctx)).toEqual(expected);
  });

  test('a day outside the weeks asked for, or no day, is Twenty ignoring the filter: refused', () => {
    expect(() => createdBucketsOfGroups([group('2026-12-26', 'USD', 1, 1)], { frame, parts: [] }, ctx)).toThrow(/outside/);
    expect(() => createdBucketsOfGroups([group(null, 'USD', 1, 1)], { frame, parts: [] }, ctx)).toThrow(/not a date/);
  });
});

describe('the trend documents and filter', () => {
  const caps: Capabilities = {
    groupBy: true, groupByTypeName: null, groupByArgs: ['limit'], groupByTimeZone: true, stageFilter: { kind: 'string', typeName: 'SelectFilter' },
    ownerFilter: true, amountMicrosFilter: 'BigFloatFilter', pageSize: 60, connectionFields: [], groupFields: [],
  };
  const scoped = dashboardDefaults({ slug: 's', title: 'S', trend: true, filter: { stages: ['NEW'], closeDate: { relative: 'this-year' }, minAmountMicros: '5' } });
  const parts = createdFilterParts(scoped, trendWeeks(NOW, 'UTC', 'monday'), { caps, knownStages: ['NEW', 'CUSTOMER'], now: NOW, log: () => {} });

  test('the scope without its close-date window, and createdAt from the oldest week to the end of this one', () => {
    expect(JSON.stringify(parts)).not.toContain('closeDate');
    expect(parts).toEqual([
      { stage: { in: ['NEW'] } },
      { amount: { amountMicros: { gte: 5 } } },
      { createdAt: { gte: '2026-12-28T00:00:00.000Z' } },
      { createdAt: { lt: '2027-03-22T00:00:00.000Z' } },
    ]);
  });

  test('validate on the real 2.21 schema (groupBy) and on v0.55 (the page with createdAt)', () => {
    for (const withLimit of [true, false]) expect(validationErrors(v221CoreSchema(), createdGroupByDocument(withLimit))).toEqual([]);
    expect(createdGroupByDocument(true)).toContain('createdAt: { granularity: DAY, timeZone: $timeZone }');
    for (const schema of [v055CoreSchema(), v221CoreSchema()]) {
      expect(validationErrors(schema, dealPageDocument(true, { createdAt: true }))).toEqual([]);
      expect(variableErrors(schema, dealPageDocument(false, { createdAt: true }), { filter: toFilterInput(parts.slice(1)), first: 60 })).toEqual([]);
    }
  });
});
