import { addMonths, monthKeyOf, startOfMonth, type MonthKey, type Range } from '@/lib/time/zoned';
import { TwentyError } from '@/lib/twenty/errors';

// groupBy's MONTH buckets are UTC months. In another time zone the deals between a month's UTC
// start and its local start belong to the neighbouring month. Those slices are a few hours per
// month boundary, so one more groupBy over just the slices says exactly what to move.

export type MonthSlices = {
  slices: Range[];
  /** For a UTC month that holds a slice: the local month its slice deals belong to. */
  zonedMonthOf: Map<MonthKey, MonthKey>;
};

function utcMonthStart(month: MonthKey): Date {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1));
}

export function boundarySlices(utcMonths: Iterable<MonthKey>, timeZone: string): MonthSlices {
  const boundaries = new Set<MonthKey>();
  for (const month of utcMonths) {
    boundaries.add(month);
    boundaries.add(addMonths(month, 1));
  }
  const slices: Range[] = [];
  const zonedMonthOf = new Map<MonthKey, MonthKey>();
  for (const month of [...boundaries].sort()) {
    const utc = utcMonthStart(month);
    const local = startOfMonth(month, timeZone);
    if (utc.getTime() === local.getTime()) continue;
    const from = utc < local ? utc : local;
    const to = utc < local ? local : utc;
    const utcMonth = monthKeyOf(from, 'UTC');
    const zonedMonth = monthKeyOf(from, timeZone);
    const known = zonedMonthOf.get(utcMonth);
    if (known !== undefined && known !== zonedMonth) {
      throw new TwentyError('rejected', `time zone ${timeZone} changes the sign of its UTC offset within ${utcMonth}; months cannot be corrected`);
    }
    zonedMonthOf.set(utcMonth, zonedMonth);
    slices.push({ from, to });
  }
  return { slices, zonedMonthOf };
}
