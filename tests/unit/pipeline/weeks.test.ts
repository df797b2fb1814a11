import { describe, expect, test } from 'vitest';
import { WEEK_STARTS, type WeekStart } from '@/lib/config/dashboard-schema';
import { addDays, dayKeyOf, startOfDay, trendWeeks, weekInFrame, weekKeyOf } from '@/lib/pipeline/weeks';

// Weeks in a zone, checked against a second, deliberately naive reading: Intl's own local date
// and weekday of the instant, walked back day by day to the week's first weekday.

const WEEKDAY_OF_START: Record<WeekStart, string> = { monday: 'Mon', sunday: 'Sun', saturday: 'Sat' };

function naiveWeek(at: Date, timeZone: string, weekStart: WeekStart): string {
  const local = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(at);
  const order = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const back = (order.indexOf(weekday) - order.indexOf(WEEKDAY_OF_START[weekStart]) + 7) % 7;
  const d = new Date(`${local}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'Asia/Kolkata'];
const HOURS = 3_600_000;

describe('weekKeyOf', () => {
  test.each(ZONES)('%s: an instant every 11 hours for a year lands in the week Intl names, for each week start', (zone) => {
    for (const weekStart of WEEK_STARTS) {
      for (let t = Date.parse('2026-09-01T00:30:00Z'); t < Date.parse('2027-09-01T00:00:00Z'); t += 11 * HOURS) {
        expect(weekKeyOf(new Date(t), zone, weekStart), `${new Date(t).toISOString()} ${weekStart}`).toBe(naiveWeek(new Date(t), zone, weekStart));
      }
    }
  });

  test('New York, Sunday weeks, the night DST starts: 23:30 Saturday is the old week, 00:30 Sunday the new one', () => {
    // Twenty's own WEEK bucket shifts these by 24-hour days and gets them wrong; ours must not.
    expect(weekKeyOf(new Date('2027-03-14T04:30:00Z'), 'America/New_York', 'sunday')).toBe('2027-03-07');
    expect(weekKeyOf(new Date('2027-03-14T05:30:00Z'), 'America/New_York', 'sunday')).toBe('2027-03-14');
  });

  test('Chatham is 13:45 ahead: 11:00 UTC on a Monday is already Tuesday there, same week', () => {
    expect(weekKeyOf(new Date('2027-03-15T11:00:00Z'), 'Pacific/Chatham', 'monday')).toBe('2027-03-15');
    expect(weekKeyOf(new Date('2027-03-14T10:30:00Z'), 'Pacific/Chatham', 'monday')).toBe('2027-03-15'); // Monday 00:15
    expect(weekKeyOf(new Date('2027-03-14T10:00:00Z'), 'Pacific/Chatham', 'monday')).toBe('2027-03-08'); // Sunday 23:45
    expect(weekKeyOf(new Date('2027-03-14T10:30:00Z'), 'UTC', 'monday')).toBe('2027-03-08');
  });
});

describe('startOfDay', () => {
  test('midnight in the zone, across DST changes of an hour and of half an hour', () => {
    expect(startOfDay('2027-03-28', 'Europe/Berlin').toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(startOfDay('2027-03-29', 'Europe/Berlin').toISOString()).toBe('2027-03-28T22:00:00.000Z');
    expect(startOfDay('2027-04-04', 'Australia/Lord_Howe').toISOString()).toBe('2027-04-03T13:00:00.000Z'); // +11
    expect(startOfDay('2027-04-05', 'Australia/Lord_Howe').toISOString()).toBe('2027-04-04T13:30:00.000Z'); // +10:30
    expect(startOfDay('2027-04-04', 'Pacific/Chatham').toISOString()).toBe('2027-04-03T10:15:00.000Z'); // +13:45
    expect(startOfDay('2027-04-05', 'Pacific/Chatham').toISOString()).toBe('2027-04-04T11:15:00.000Z'); // +12:45
  });

  test('a midnight DST skips (Santiago, 2026-09-06) starts the day at the transition, not on the day before', () => {
    const start = startOfDay('2026-09-06', 'America/Santiago');
    expect(start.toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(dayKeyOf(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2026-09-05');
  });
});

describe('trendWeeks', () => {
  test('twelve weeks, oldest first, the current one last, each 7 local days apart', () => {
    const frame = trendWeeks(new Date('2027-03-15T12:00:00Z'), 'America/New_York', 'monday');
    expect(frame.weeks).toHaveLength(12);
    expect(frame.weeks[0]).toBe('2026-12-28');
    expect(frame.weeks[11]).toBe('2027-03-15');
    frame.weeks.slice(1).forEach((w, i) => expect(addDays(frame.weeks[i] ?? '', 7)).toBe(w));
    expect(frame.range.from.toISOString()).toBe('2026-12-28T05:00:00.000Z'); // EST
    expect(frame.range.to.toISOString()).toBe('2027-03-22T04:00:00.000Z'); // EDT
  });

  test('a week with a DST change is 167 hours long; its neighbours 168', () => {
    // Berlin springs forward on Sunday 2027-03-28, inside the Saturday week of 2027-03-27.
    const frame = trendWeeks(new Date('2027-03-29T12:00:00Z'), 'Europe/Berlin', 'saturday');
    const lengths = frame.weeks.map((w) => (startOfDay(addDays(w, 7), 'Europe/Berlin').getTime() - startOfDay(w, 'Europe/Berlin').getTime()) / HOURS);
    expect(frame.weeks[11]).toBe('2027-03-27');
    expect(lengths[11]).toBe(167);
    expect(lengths.slice(0, 11).every((h) => h === 168)).toBe(true);
    expect(frame.range.to.getTime() - frame.range.from.getTime()).toBe((12 * 168 - 1) * HOURS);
  });

  test.each(WEEK_STARTS)('every week start: the current week starts on its weekday and holds now', (weekStart) => {
    for (const zone of ZONES) {
      const now = new Date('2027-03-14T04:30:00Z');
      const frame = trendWeeks(now, zone, weekStart);
      const current = frame.weeks[11] ?? '';
      expect(new Date(`${current}T12:00:00Z`).toUTCString().slice(0, 3)).toBe(WEEKDAY_OF_START[weekStart]);
      expect(weekInFrame(frame, now, zone, weekStart)).toBe(current);
      expect(weekInFrame(frame, new Date(frame.range.from.getTime() - 1), zone, weekStart)).toBeNull();
      expect(weekInFrame(frame, frame.range.from, zone, weekStart)).toBe(frame.weeks[0]);
      expect(weekInFrame(frame, frame.range.to, zone, weekStart)).toBeNull();
    }
  });
});
