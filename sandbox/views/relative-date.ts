// Relative date values of saved views, as Twenty writes them: `THIS_1_YEAR;;America/New_York;;MONDAY;;`
// (direction, amount, unit; then the zone and the week's first day). A THIS period runs from its
// local start to the next one's, in the zone written in the value (captured: view H, New York's
// 2026 gives 141 deals where UTC's gives 140). PAST/NEXT are not captured: they follow Twenty's
// date-time source (`now`, rounded to the minute, minus or plus the amount of units).
import { zonedParts, zonedTimeToUtc } from '@/lib/pipeline/zoned';

// Twenty's own pattern, unanchored as it is (a value is searched, not matched whole).
const RELATIVE = /((?:THIS)|(?:PAST)|(?:NEXT))_(\d*)_(DAY|MONTH|YEAR|WEEK|HOUR|MINUTE|SECOND)(?:(?:;;([^;]*);;)?(?:(MONDAY|SUNDAY|SATURDAY);;)?)?/;
const ISO_FIRST_DAY = { MONDAY: 1, SUNDAY: 7, SATURDAY: 6 } as const;
const UNIT_MS: Record<string, number> = { SECOND: 1_000, MINUTE: 60_000, HOUR: 3_600_000, DAY: 86_400_000, WEEK: 604_800_000 };

export type InstantRange = { gte: string; lt: string };

type LocalDay = { year: number; month: number; day: number };

const shift = (d: LocalDay, days = 0, months = 0, years = 0): LocalDay => {
  const t = new Date(Date.UTC(d.year + years, d.month - 1 + months, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};
const instant = (d: LocalDay, zone: string) => zonedTimeToUtc(d.year, d.month, d.day, zone).toISOString();

function thisPeriod(unit: string, now: Date, zone: string, firstDay: number): InstantRange {
  const p = zonedParts(now, zone);
  const today: LocalDay = { year: p.year, month: p.month, day: p.day };
  let start: LocalDay;
  let next: LocalDay;
  if (unit === 'DAY') [start, next] = [today, shift(today, 1)];
  else if (unit === 'WEEK') {
    const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() || 7;
    start = shift(today, -((weekday - firstDay + 7) % 7));
    next = shift(start, 7);
  } else if (unit === 'MONTH') [start, next] = [{ ...today, day: 1 }, shift({ ...today, day: 1 }, 0, 1)];
  else if (unit === 'YEAR') [start, next] = [{ year: today.year, month: 1, day: 1 }, { year: today.year + 1, month: 1, day: 1 }];
  else throw new Error(`Cannot parse relative date filter : "THIS_${unit}"`);
  return { gte: instant(start, zone), lt: instant(next, zone) };
}

function calendarStep(at: Date, unit: string, amount: number, zone: string): Date {
  if (UNIT_MS[unit] !== undefined) return new Date(at.getTime() + amount * (UNIT_MS[unit] ?? 0));
  const p = zonedParts(at, zone);
  const months = unit === 'MONTH' ? amount : 0;
  const years = unit === 'YEAR' ? amount : 0;
  const d = shift({ year: p.year, month: p.month, day: p.day }, 0, months, years);
  return new Date(zonedTimeToUtc(d.year, d.month, d.day, zone).getTime() + (p.hour * 3600 + p.minute * 60 + p.second) * 1000);
}

/** The half-open instant range a relative value stands for at `now`, in its zone (else `defaultZone`). */
export function relativeRange(value: string, now: Date, defaultZone: string): InstantRange {
  const match = RELATIVE.exec(value);
  if (!match) throw new Error(`Cannot parse relative date filter : "${value}"`);
  const [, direction, amountText, unit = 'DAY', zoneText, firstDay] = match;
  const zone = zoneText ? zoneText : defaultZone;
  if (direction === 'THIS') return thisPeriod(unit, now, zone, ISO_FIRST_DAY[firstDay as keyof typeof ISO_FIRST_DAY] ?? 1);
  const amount = Number(amountText || 'NaN');
  if (!Number.isInteger(amount)) throw new Error('Amount is required');
  const reference = new Date(Math.round(now.getTime() / 60_000) * 60_000);
  const [from, to] = direction === 'PAST' ? [calendarStep(reference, unit, -amount, zone), reference] : [reference, calendarStep(reference, unit, amount, zone)];
  return { gte: from.toISOString(), lt: to.toISOString() };
}
