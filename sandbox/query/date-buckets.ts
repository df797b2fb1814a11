// Date buckets for groupBy, as Twenty's TO_CHAR(DATE_TRUNC(...), 'YYYY-MM-DD') prints them: the
// first day of the bucket in the given time zone (UTC when none is given); weeks start on
// `weekStartDay` (Monday unless told: 2.21 also takes Sunday and Saturday).
import { zonedParts, zonedTimeToUtc } from '@/lib/pipeline/zoned';

export const GRANULARITIES = [
  'DAY',
  'WEEK',
  'MONTH',
  'QUARTER',
  'YEAR',
  'DAY_OF_THE_WEEK',
  'MONTH_OF_THE_YEAR',
  'QUARTER_OF_THE_YEAR',
  'NONE',
] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** 2.21's FirstDayOfTheWeek, as the days Twenty shifts a Monday-based week by. */
export const WEEK_START_DAYS = { MONDAY: 0, SUNDAY: 1, SATURDAY: 2 } as const;
export type WeekStartDay = keyof typeof WEEK_START_DAYS;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

type Local = { year: number; month: number; day: number };

/** A bucketer for one granularity/zone; zone lookups are cached per hour because Intl is slow. */
export function dateBucketer(granularity: Granularity, timeZone: string | undefined, weekStartDay: WeekStartDay = 'MONDAY'): (ms: number) => string {
  const shiftMs = WEEK_START_DAYS[weekStartDay] * DAY_MS;
  const cache = new Map<number, Local>();
  const local = (ms: number): Local => {
    if (!timeZone || timeZone === 'UTC') {
      const d = new Date(ms);
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    }
    const hour = Math.floor(ms / HOUR_MS);
    let parts = cache.get(hour);
    if (!parts) {
      parts = zonedParts(new Date(ms), timeZone);
      cache.set(hour, parts);
    }
    return parts;
  };
  const mondayOf = (civil: number, weekday: number) => {
    const monday = new Date(civil - ((weekday + 6) % 7) * DAY_MS);
    return ymd(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
  };
  // Twenty truncates (t + shift) to its Monday-based week at local midnight and subtracts the shift
  // as 24-hour days, then prints the local date: across a DST change that lands an hour before
  // midnight, so a Sunday week in New York can print as the Saturday (captured: 2019-03-09).
  const shiftedWeek = (ms: number) => {
    const shifted = local(ms + shiftMs);
    const civil = Date.UTC(shifted.year, shifted.month - 1, shifted.day);
    const monday = new Date(civil - ((new Date(civil).getUTCDay() + 6) % 7) * DAY_MS);
    const midnight = timeZone && timeZone !== 'UTC'
      ? zonedTimeToUtc(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), timeZone).getTime()
      : monday.getTime();
    const start = local(midnight - shiftMs);
    return ymd(start.year, start.month, start.day);
  };
  return (ms) => {
    const { year, month, day } = local(ms);
    const civil = Date.UTC(year, month - 1, day);
    const weekday = new Date(civil).getUTCDay();
    switch (granularity) {
      case 'DAY':
        return ymd(year, month, day);
      case 'WEEK':
        return shiftMs === 0 ? mondayOf(civil, weekday) : shiftedWeek(ms);
      case 'MONTH':
        return ymd(year, month, 1);
      case 'QUARTER':
        return ymd(year, Math.floor((month - 1) / 3) * 3 + 1, 1);
      case 'YEAR':
        return ymd(year, 1, 1);
      case 'DAY_OF_THE_WEEK':
        return WEEKDAYS[weekday] ?? '';
      case 'MONTH_OF_THE_YEAR':
        return MONTHS[month - 1] ?? '';
      case 'QUARTER_OF_THE_YEAR':
        return `Q${Math.floor((month - 1) / 3) + 1}`;
      case 'NONE':
        return new Date(ms).toISOString();
    }
  };
}
