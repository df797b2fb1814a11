import { parseMonthKey } from '@/lib/pipeline/zoned';

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

function safeDate(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2026-03" → "Mar 2026" (or "March 2026" with style 'long'). */
export function formatMonth(month: string, locale: string, timeZone: string, style: 'short' | 'long' = 'short'): string {
  const { year, month: monthNumber } = parseMonthKey(month);
  if (!Number.isInteger(year) || !Number.isInteger(monthNumber) || monthNumber < 1 || monthNumber > 12) return month;
  // Mid-month noon UTC lies inside the same calendar month in every time zone on Earth.
  const instant = new Date(Date.UTC(year, monthNumber - 1, 15, 12));
  return new Intl.DateTimeFormat(locale, { timeZone, month: style, year: 'numeric' }).format(instant);
}

/** Date and time with seconds, e.g. "Nov 26, 2026, 6:51:58 PM". */
export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  const date = safeDate(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

/** Wall-clock time with seconds, e.g. "14:02:11" — what "as of" shows on a live screen. */
export function formatTime(iso: string, locale: string, timeZone: string): string {
  const date = safeDate(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'medium' }).format(date);
}

/**
 * A calendar date. A plain "YYYY-MM-DD" is a date without a zone and is shown as written;
 * a full timestamp is shown as the date it falls on in the dashboard's zone.
 */
export function formatDate(isoOrDate: string, locale: string, timeZone: string): string {
  const plain = PLAIN_DATE.test(isoOrDate);
  const date = safeDate(plain ? `${isoOrDate}T12:00:00Z` : isoOrDate);
  if (!date) return isoOrDate;
  return new Intl.DateTimeFormat(locale, { timeZone: plain ? 'UTC' : timeZone, dateStyle: 'medium' }).format(date);
}

const RELATIVE_STEPS: ReadonlyArray<{ unit: Intl.RelativeTimeFormatUnit; seconds: number; below: number }> = [
  { unit: 'second', seconds: 1, below: 60 },
  { unit: 'minute', seconds: 60, below: 3600 },
  { unit: 'hour', seconds: 3600, below: 86_400 },
  { unit: 'day', seconds: 86_400, below: Number.POSITIVE_INFINITY },
];

/** How long ago, from an age in seconds: "12s ago", "3m ago", "2h ago". */
export function formatRelative(seconds: number, locale = 'en'): string {
  const age = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const step = RELATIVE_STEPS.find((s) => age < s.below) ?? { unit: 'day' as const, seconds: 86_400 };
  const amount = Math.floor(age / step.seconds);
  return new Intl.RelativeTimeFormat(locale, { style: 'narrow', numeric: 'auto' }).format(-amount, step.unit);
}
