import { expect, test } from 'vitest';
import { boundarySlices } from '@/lib/twenty/month-correction';

test('UTC needs no correction', () => {
  expect(boundarySlices(['2027-01', '2027-02'], 'UTC').slices).toEqual([]);
});

test('west of UTC: the first hours of a UTC month belong to the previous local month', () => {
  const { slices, zonedMonthOf } = boundarySlices(['2027-03'], 'America/New_York');
  // Boundaries of March and April 2027: EST (-5) on 1 March, EDT (-4) on 1 April.
  expect(slices.map((s) => [s.from.toISOString(), s.to.toISOString()])).toEqual([
    ['2027-03-01T00:00:00.000Z', '2027-03-01T05:00:00.000Z'],
    ['2027-04-01T00:00:00.000Z', '2027-04-01T04:00:00.000Z'],
  ]);
  expect(zonedMonthOf.get('2027-03')).toBe('2027-02');
  expect(zonedMonthOf.get('2027-04')).toBe('2027-03');
});

test('east of UTC: the last hours of a UTC month belong to the next local month', () => {
  const { slices, zonedMonthOf } = boundarySlices(['2027-01'], 'Asia/Tokyo');
  expect(slices.map((s) => [s.from.toISOString(), s.to.toISOString()])).toEqual([
    ['2026-12-31T15:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['2027-01-31T15:00:00.000Z', '2027-02-01T00:00:00.000Z'],
  ]);
  expect(zonedMonthOf.get('2026-12')).toBe('2027-01');
  expect(zonedMonthOf.get('2027-01')).toBe('2027-02');
});

test('a zone that is UTC in winter only corrects its summer boundaries', () => {
  const { slices } = boundarySlices(['2027-01', '2027-06'], 'Europe/London');
  expect(slices.map((s) => s.to.toISOString())).toEqual(['2027-06-01T00:00:00.000Z', '2027-07-01T00:00:00.000Z']);
});
