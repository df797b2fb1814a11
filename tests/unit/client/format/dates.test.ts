import { expect, test } from 'vitest';
import { formatChange, formatDate, formatDateTime, formatMonth, formatRelative, formatTime } from '@/lib/client/format';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test('a month key names the same month in every zone', () => {
  expect(formatMonth('2026-03', 'en-US', 'UTC')).toBe('Mar 2026');
  expect(formatMonth('2026-01', 'en-US', 'Pacific/Kiritimati')).toBe('Jan 2026');
  expect(formatMonth('2026-12', 'en-US', 'Pacific/Pago_Pago')).toBe('Dec 2026');
  expect(formatMonth('2026-03', 'de-DE', 'Europe/Berlin', 'long')).toBe('März 2026');
  expect(formatMonth('garbage', 'en-US', 'UTC')).toBe('garbage');
});

test('date-times are shown in the dashboard zone, not the machine zone', () => {
  const iso = '2026-11-26T18:51:58.000Z';
  expect(plain(formatDateTime(iso, 'en-US', 'UTC'))).toBe('Nov 26, 2026, 6:51:58 PM');
  expect(plain(formatDateTime(iso, 'en-US', 'Asia/Tokyo'))).toBe('Nov 27, 2026, 3:51:58 AM');
  expect(formatTime(iso, 'de-DE', 'Europe/Berlin')).toBe('19:51:58');
  expect(formatDateTime('not a date', 'en-US', 'UTC')).toBe('not a date');
});

test('plain dates stay on their day; timestamps take the zone', () => {
  expect(formatDate('2026-03-01', 'en-US', 'America/Los_Angeles')).toBe('Mar 1, 2026');
  expect(formatDate('2026-03-01T02:00:00.000Z', 'en-US', 'America/Los_Angeles')).toBe('Feb 28, 2026');
});

test('relative ages pick the largest whole unit', () => {
  expect(formatRelative(0)).toBe('now');
  expect(formatRelative(12)).toBe('12s ago');
  expect(formatRelative(59.9)).toBe('59s ago');
  expect(formatRelative(60)).toBe('1m ago');
  expect(formatRelative(7200)).toBe('2h ago');
  expect(formatRelative(3 * 86_400)).toBe('3d ago');
  expect(formatRelative(-5)).toBe('now');
});

test('change vs previous period, signed, null without a base', () => {
  expect(formatChange('150000000', '100000000', 'en-US')).toEqual({ direction: 'up', text: '+50%' });
  expect(formatChange('75000000', '100000000', 'en-US')).toEqual({ direction: 'down', text: '-25%' });
  expect(formatChange('100000000', '100000000', 'en-US')).toEqual({ direction: 'flat', text: '0%' });
  expect(formatChange('100500000', '100000000', 'en-US')).toEqual({ direction: 'up', text: '+0.5%' });
  expect(formatChange('5', '0', 'en-US')).toBeNull();
  // Beyond 2^53 the difference is still computed exactly.
  expect(formatChange('18014398509481984000000', '9007199254740992000000', 'en-US')).toEqual({ direction: 'up', text: '+100%' });
});
