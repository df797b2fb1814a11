import { describe, expect, test } from 'vitest';
import { addMonths, monthKeyOf, periodMonths, periodRange, resolveAbsoluteWindow, resolveRelativeWindow, zonedTimeToUtc } from '@/lib/pipeline/zoned';

describe('zoned calendar', () => {
  test('month key follows the time zone, not UTC', () => {
    const instant = new Date('2026-12-01T03:00:00Z');
    expect(monthKeyOf(instant, 'UTC')).toBe('2026-12');
    expect(monthKeyOf(instant, 'America/New_York')).toBe('2026-11');
  });
  test('local midnight across DST', () => {
    expect(zonedTimeToUtc(2026, 3, 8, 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(zonedTimeToUtc(2026, 3, 9, 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(zonedTimeToUtc(2026, 7, 1, 'Europe/Paris').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });
  test('month arithmetic wraps years', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
  test('periods', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    expect(periodMonths(now, 'UTC', 'quarter')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(periodMonths(now, 'UTC', 'quarter', -1)).toEqual(['2026-07', '2026-08', '2026-09']);
    const r = periodRange(now, 'UTC', 'year');
    expect([r.from.toISOString(), r.to.toISOString()]).toEqual(['2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
  });
  test('relative and absolute windows', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    const r = resolveRelativeWindow('next-90-days', now, 'UTC');
    expect(r.from.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(r.to.toISOString()).toBe('2027-02-24T00:00:00.000Z');
    const a = resolveAbsoluteWindow({ from: '2026-01-01', to: '2026-12-31' }, 'UTC');
    expect(a.to?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
