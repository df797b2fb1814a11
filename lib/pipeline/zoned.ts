import type { RelativeWindow } from '@/lib/config/dashboard-schema';

// Calendar arithmetic in an IANA time zone with nothing but Intl: a dashboard's months,
// quarters and "next 90 days" start at local midnight, not at UTC midnight.

export type MonthKey = string; // "YYYY-MM"
export type Period = 'month' | 'quarter' | 'year';
/** A half-open instant range: from <= t < to. */
export type Range = { from: Date; to: Date };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export type ZonedParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(date)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** The UTC instant of a local wall-clock time (DST gaps resolve forward). */
export function zonedTimeToUtc(year: number, month: number, day: number, timeZone: string, hour = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour);
  let t = guess;
  // Two passes settle the offset, including across a DST change.
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(t), timeZone);
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    t = guess - (asUtc - t);
  }
  return new Date(t);
}

export function monthKeyOf(date: Date, timeZone: string): MonthKey {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

export function parseMonthKey(key: MonthKey): { year: number; month: number } {
  const [y, m] = key.split('-');
  return { year: Number(y), month: Number(m) };
}

export function addMonths(key: MonthKey, n: number): MonthKey {
  const { year, month } = parseMonthKey(key);
  const idx = year * 12 + (month - 1) + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

export function startOfMonth(key: MonthKey, timeZone: string): Date {
  const { year, month } = parseMonthKey(key);
  return zonedTimeToUtc(year, month, 1, timeZone);
}

/** First month of the period that contains `month`. */
function periodStart(month: MonthKey, period: Period): MonthKey {
  const { year, month: m } = parseMonthKey(month);
  if (period === 'month') return month;
  const first = period === 'year' ? 1 : Math.floor((m - 1) / 3) * 3 + 1;
  return `${year}-${String(first).padStart(2, '0')}`;
}

const PERIOD_MONTHS: Record<Period, number> = { month: 1, quarter: 3, year: 12 };

/** The months of the current period (offset 0) or an earlier one (offset -1, …). */
export function periodMonths(now: Date, timeZone: string, period: Period, offset = 0): MonthKey[] {
  const len = PERIOD_MONTHS[period];
  const first = addMonths(periodStart(monthKeyOf(now, timeZone), period), offset * len);
  return Array.from({ length: len }, (_, i) => addMonths(first, i));
}

export function periodRange(now: Date, timeZone: string, period: Period, offset = 0): Range {
  const months = periodMonths(now, timeZone, period, offset);
  const first = months[0] ?? monthKeyOf(now, timeZone);
  return { from: startOfMonth(first, timeZone), to: startOfMonth(addMonths(first, months.length), timeZone) };
}

function startOfDay(now: Date, timeZone: string, addDays = 0): Date {
  const p = zonedParts(now, timeZone);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + addDays));
  return zonedTimeToUtc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), timeZone);
}

/** A relative close-date window as an absolute half-open range. */
export function resolveRelativeWindow(window: RelativeWindow, now: Date, timeZone: string): Range {
  const thisMonth = monthKeyOf(now, timeZone);
  switch (window) {
    case 'this-month':
      return periodRange(now, timeZone, 'month');
    case 'this-quarter':
      return periodRange(now, timeZone, 'quarter');
    case 'this-year':
      return periodRange(now, timeZone, 'year');
    case 'next-30-days':
      return { from: startOfDay(now, timeZone), to: startOfDay(now, timeZone, 30) };
    case 'next-90-days':
      return { from: startOfDay(now, timeZone), to: startOfDay(now, timeZone, 90) };
    case 'next-12-months':
      return { from: startOfMonth(thisMonth, timeZone), to: startOfMonth(addMonths(thisMonth, 12), timeZone) };
    case 'last-90-days':
      return { from: startOfDay(now, timeZone, -90), to: startOfDay(now, timeZone, 1) };
    case 'last-12-months':
      return { from: startOfMonth(addMonths(thisMonth, -11), timeZone), to: startOfMonth(addMonths(thisMonth, 1), timeZone) };
  }
}

/** An absolute window from config ("YYYY-MM-DD" dates, `to` inclusive) as a half-open range. */
export function resolveAbsoluteWindow(w: { from?: string; to?: string }, timeZone: string): { from?: Date; to?: Date } {
  const day = (s: string, add: number) => {
    const [y, m, d] = s.split('-').map(Number);
    const u = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + add));
    return zonedTimeToUtc(u.getUTCFullYear(), u.getUTCMonth() + 1, u.getUTCDate(), timeZone);
  };
  return { from: w.from ? day(w.from, 0) : undefined, to: w.to ? day(w.to, 1) : undefined };
}

/**
 * The months a snapshot reports on (timeline, won this/previous period, closing this month):
 * from the first month of the previous period to eleven months ahead, inclusive. Strategies
 * that cannot group every month (per-stage aggregates) only need month detail inside it.
 */
export function snapshotMonthWindow(now: Date, timeZone: string, period: Period): { first: MonthKey; last: MonthKey; range: Range } {
  const first = periodMonths(now, timeZone, period, -1)[0] ?? monthKeyOf(now, timeZone);
  const last = addMonths(monthKeyOf(now, timeZone), 11);
  return { first, last, range: { from: startOfMonth(first, timeZone), to: startOfMonth(addMonths(last, 1), timeZone) } };
}
