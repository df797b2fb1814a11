import type { WeekStart } from '@/lib/config/dashboard-schema';
import { zonedParts, zonedTimeToUtc, type Range } from '@/lib/pipeline/zoned';

// Weeks of the new-pipeline trend, in a dashboard's zone. A week is named by the local date of
// its first day ("YYYY-MM-DD") and runs from that day's local midnight to the next first day's,
// so a week with a DST change is 167 or 169 hours long. Day arithmetic is done on civil dates
// (UTC calendar math), never by adding 24-hour days to instants.

export type WeekKey = string; // "YYYY-MM-DD", the local date of the week's first day
export type DayKey = string; // "YYYY-MM-DD", a local date

/** How many weeks the trend covers, the current one included. */
export const TREND_WEEKS = 12;

const DAY_MS = 86_400_000;
/** getUTCDay() of each week start: Sunday 0 … Saturday 6. */
const START_WEEKDAY: Record<WeekStart, number> = { monday: 1, sunday: 0, saturday: 6 };

const pad = (n: number) => String(n).padStart(2, '0');
const civilKey = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const civilOf = (key: DayKey) => {
  const [y, m, d] = key.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
};

/** The local date of an instant. */
export function dayKeyOf(date: Date, timeZone: string): DayKey {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

export function addDays(day: DayKey, n: number): DayKey {
  return civilKey(civilOf(day) + n * DAY_MS);
}

/** The first day of the week a local date falls in. */
export function weekOfDay(day: DayKey, weekStart: WeekStart): WeekKey {
  const civil = civilOf(day);
  const back = (new Date(civil).getUTCDay() - START_WEEKDAY[weekStart] + 7) % 7;
  return civilKey(civil - back * DAY_MS);
}

export function weekKeyOf(date: Date, timeZone: string, weekStart: WeekStart): WeekKey {
  return weekOfDay(dayKeyOf(date, timeZone), weekStart);
}

const GAP_SEARCH_MS = 3 * 3_600_000;

/**
 * The first instant of a local date. Where DST skips midnight (America/Santiago, 2026-09-06) the
 * zone's wall-clock conversion lands an hour early, on the day before; the day then starts at
 * the transition itself, found to the millisecond (transitions are never hours apart).
 */
export function startOfDay(day: DayKey, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const guess = zonedTimeToUtc(y ?? 1970, m ?? 1, d ?? 1, timeZone).getTime();
  if (dayKeyOf(new Date(guess), timeZone) >= day) return new Date(guess);
  let before = guess;
  let on = guess + GAP_SEARCH_MS;
  while (on - before > 1) {
    const mid = Math.floor((before + on) / 2);
    if (dayKeyOf(new Date(mid), timeZone) >= day) on = mid;
    else before = mid;
  }
  return new Date(on);
}

export type WeekFrame = {
  /** First days, oldest first; the last is the week `now` falls in. */
  weeks: WeekKey[];
  /** From the oldest week's start to the end of the current week, half-open. */
  range: Range;
};

/** The trend's weeks at `now`: the current week and the eleven before it. */
export function trendWeeks(now: Date, timeZone: string, weekStart: WeekStart, count = TREND_WEEKS): WeekFrame {
  const current = weekKeyOf(now, timeZone, weekStart);
  const weeks = Array.from({ length: count }, (_, i) => addDays(current, (i - count + 1) * 7));
  const first = weeks[0] ?? current;
  return { weeks, range: { from: startOfDay(first, timeZone), to: startOfDay(addDays(current, 7), timeZone) } };
}

/** The week of an instant within a frame, or null outside it (or unreadable). */
export function weekInFrame(frame: WeekFrame, at: Date, timeZone: string, weekStart: WeekStart): WeekKey | null {
  const t = at.getTime();
  if (Number.isNaN(t) || t < frame.range.from.getTime() || t >= frame.range.to.getTime()) return null;
  const week = weekKeyOf(at, timeZone, weekStart);
  return frame.weeks.includes(week) ? week : null;
}
