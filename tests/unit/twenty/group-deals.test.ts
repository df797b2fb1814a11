import { expect, test } from 'vitest';
import { foldMonthsOutside, groupDeals, mergeGroups } from '@/lib/twenty/group-deals';

const deal = (stage: string, amountMicros: bigint | null, currencyCode: string | null, closeDate: string | null) => ({
  stage,
  amountMicros,
  currencyCode,
  closeDate,
});

test('groups by stage, currency and local close month; null amounts count but add nothing', () => {
  const groups = groupDeals(
    [
      deal('NEW', 1_000_000n, 'USD', '2027-03-10T00:00:00.000Z'),
      deal('NEW', 2_000_000n, 'USD', '2027-03-31T12:00:00.000Z'),
      deal('NEW', null, '', '2027-03-15T00:00:00.000Z'),
      deal('NEW', null, null, '2027-03-15T00:00:00.000Z'),
      deal('PROPOSAL', 5_000_000n, 'EUR', null),
    ],
    'UTC',
  );
  expect(groups).toEqual([
    { stage: 'NEW', currencyCode: 'USD', closeMonth: '2027-03', count: 2, amountMicros: 3_000_000n, amountCount: 2 },
    { stage: 'NEW', currencyCode: null, closeMonth: '2027-03', count: 2, amountMicros: 0n, amountCount: 0 },
    { stage: 'PROPOSAL', currencyCode: 'EUR', closeMonth: null, count: 1, amountMicros: 5_000_000n, amountCount: 1 },
  ]);
});

test('the month is the dashboard time zone\'s, not UTC\'s', () => {
  const midnightUtc = [deal('NEW', 1n, 'USD', '2027-03-01T00:00:00.000Z')];
  expect(groupDeals(midnightUtc, 'UTC')[0]?.closeMonth).toBe('2027-03');
  expect(groupDeals(midnightUtc, 'America/New_York')[0]?.closeMonth).toBe('2027-02');
  expect(groupDeals([deal('NEW', 1n, 'USD', '2027-02-28T23:30:00.000Z')], 'Europe/Berlin')[0]?.closeMonth).toBe('2027-03');
});

test('mergeGroups adds equal keys and drops buckets that cancel out', () => {
  const merged = mergeGroups([
    { stage: 'NEW', currencyCode: 'USD', closeMonth: '2027-03', count: 2, amountMicros: 5n, amountCount: 2 },
    { stage: 'NEW', currencyCode: 'USD', closeMonth: '2027-03', count: -2, amountMicros: -5n, amountCount: -2 },
    { stage: 'NEW', currencyCode: 'USD', closeMonth: '2027-04', count: 1, amountMicros: 5n },
    { stage: 'NEW', currencyCode: 'USD', closeMonth: '2027-04', count: 1, amountMicros: 6n, amountCount: 1 },
  ]);
  expect(merged).toEqual([{ stage: 'NEW', currencyCode: 'USD', closeMonth: '2027-04', count: 2, amountMicros: 11n }]);
});

test('foldMonthsOutside keeps months inside the window and folds the rest into closeMonth null', () => {
  const folded = foldMonthsOutside(
    [
      { stage: 'NEW', currencyCode: 'USD', closeMonth: '2026-12', count: 1, amountMicros: 1n },
      { stage: 'NEW', currencyCode: 'USD', closeMonth: '2027-01', count: 1, amountMicros: 2n },
      { stage: 'NEW', currencyCode: 'USD', closeMonth: '2028-01', count: 1, amountMicros: 4n },
      { stage: 'NEW', currencyCode: 'USD', closeMonth: null, count: 1, amountMicros: 8n },
    ],
    '2027-01',
    '2027-12',
  );
  expect(folded).toEqual([
    { stage: 'NEW', currencyCode: 'USD', closeMonth: '2027-01', count: 1, amountMicros: 2n },
    { stage: 'NEW', currencyCode: 'USD', closeMonth: null, count: 3, amountMicros: 13n },
  ]);
});
