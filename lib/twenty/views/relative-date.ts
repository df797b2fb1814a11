import { zonedParts, zonedTimeToUtc } from '@/lib/pipeline/zoned';
import { refuse } from '@/lib/twenty/views/refusal';

// `IS_RELATIVE` values as Twenty writes them: `THIS_1_YEAR;;America/New_York;;MONDAY;;` (direction,
// amount, unit; the zone; the week's first day). THIS periods are captured: view H's "this year" in
// New York is [2026-01-01T05:00Z, 2027-01-01T05:00Z) and gave 141 deals where UTC's year gave 140.
// A period starts at local midnight of its first day and ends where the next one starts. PAST_ and
// NEXT_ are not captured and Twenty's versions compute them differently (from now, or from
// midnight), so they are refused, as are units other than DAY, WEEK, MONTH and YEAR.

const RELATIVE = /^THIS_\d*_(DAY|WEEK|MONTH|YEAR)(?:;;([^;]*);;)?(?:(MONDAY|SUNDAY|SATURDAY);;)?$/;
const ISO_WEEKDAY = { MONDAY: 1, SUNDAY: 7, SATURDAY: 6 } as const;

export type InstantRange = { gte: string; lt: string };
type Day = { year: number; month: number; day: number };

const shift = (d: Day, days: number, months = 0, years = 0): Day => {
  const t = new Date(Date.UTC(d.year + years, d.month - 1 + months, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};

function validZone(zone: string, subject: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return refuse('value', subject, `relative date zone "${zone}" is not an IANA time zone`);
  }
}

/**
 * The instants `value` stands for at `now`. `defaultZone`: the zone Twenty's server resolves a
 * value without a zone in (its own; UTC for a server running in UTC).
 */
export function relativeRange(value: string, now: Date, defaultZone: string, subject: string): InstantRange {
  const match = RELATIVE.exec(value);
  if (!match) return refuse('value', subject, `relative date "${value}": only THIS_<n>_DAY|WEEK|MONTH|YEAR is captured`);
  const [, unit, zoneText, weekStart] = match;
  const zone = validZone(zoneText || defaultZone, subject);
  const p = zonedParts(now, zone);
  const today: Day = { year: p.year, month: p.month, day: p.day };
  let start: Day;
  let next: Day;
  if (unit === 'DAY') [start, next] = [today, shift(today, 1)];
  else if (unit === 'WEEK') {
    const first = ISO_WEEKDAY[(weekStart ?? 'MONDAY') as keyof typeof ISO_WEEKDAY];
    const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() || 7;
    start = shift(today, -((weekday - first + 7) % 7));
    next = shift(start, 7);
  } else if (unit === 'MONTH') [start, next] = [{ ...today, day: 1 }, shift({ ...today, day: 1 }, 0, 1)];
  else [start, next] = [{ year: today.year, month: 1, day: 1 }, { year: today.year + 1, month: 1, day: 1 }];
  const at = (d: Day) => zonedTimeToUtc(d.year, d.month, d.day, zone).toISOString();
  return { gte: at(start), lt: at(next) };
}
