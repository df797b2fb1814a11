// A dimension value as the chart shows it: utils/format-dimension-value.util.ts,
// format-date-by-granularity.ts and twenty-shared's formatToShortNumber. Dates print in the
// server's default locale, en-US ("Nov 30, 2026", "November 2026", "Q4 2026", "Nov 24 - 30, 2026").
import type { ChartField, DateGranularity } from '@/sandbox/charts/types';
import { isCyclical } from '@/sandbox/charts/types';

export const NOT_SET = 'Not Set';
const DAY_MS = 86_400_000;
/** CalendarStartDay → weekday (0 = Sunday); SYSTEM (7) and unknown fall back to Sunday for labels. */
const weekday = (firstDayOfTheWeek: number) => (firstDayOfTheWeek === 1 ? 1 : firstDayOfTheWeek === 6 ? 6 : 0);

const utc = (plain: string) => Date.parse(`${plain.slice(0, 10)}T00:00:00Z`);
const fmt = (ms: number, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(ms);

function weekLabel(ms: number, firstDayOfTheWeek: number): string {
  const start = ms - ((new Date(ms).getUTCDay() - weekday(firstDayOfTheWeek) + 7) % 7) * DAY_MS;
  const end = start + 6 * DAY_MS;
  const [s, e] = [new Date(start), new Date(end)];
  const [startMonth, endMonth] = [fmt(start, { month: 'short' }), fmt(end, { month: 'short' })];
  if (s.getUTCFullYear() !== e.getUTCFullYear()) return `${startMonth} ${s.getUTCDate()}, ${s.getUTCFullYear()} - ${endMonth} ${e.getUTCDate()}, ${e.getUTCFullYear()}`;
  if (startMonth !== endMonth) return `${startMonth} ${s.getUTCDate()} - ${endMonth} ${e.getUTCDate()}, ${e.getUTCFullYear()}`;
  return `${startMonth} ${s.getUTCDate()} - ${e.getUTCDate()}, ${e.getUTCFullYear()}`;
}

export function formatDate(plain: string, granularity: DateGranularity, firstDayOfTheWeek: number): string {
  const ms = utc(plain);
  if (Number.isNaN(ms)) throw new Error(`Invalid date: ${plain}`);
  switch (granularity) {
    case 'DAY':
      return fmt(ms, { year: 'numeric', month: 'short', day: 'numeric' });
    case 'WEEK':
      return weekLabel(ms, firstDayOfTheWeek);
    case 'MONTH':
      return fmt(ms, { year: 'numeric', month: 'long' });
    case 'QUARTER':
      return `Q${Math.ceil((new Date(ms).getUTCMonth() + 1) / 3)} ${new Date(ms).getUTCFullYear()}`;
    case 'YEAR':
      return String(new Date(ms).getUTCFullYear());
    default:
      return fmt(ms, {});
  }
}

export function formatToShortNumber(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const format = (scaled: number, suffix: string) => sign + scaled.toFixed(1).replace(/\.?0+$/, '') + suffix;
  if (Number(abs.toFixed(1)) < 1000) return format(abs, '');
  if (Number((abs / 1_000).toFixed(1)) < 1000) return format(abs / 1_000, 'k');
  if (Number((abs / 1_000_000).toFixed(1)) < 1000) return format(abs / 1_000_000, 'm');
  return format(abs / 1_000_000_000, 'b');
}

export type FormatOptions = { granularity?: DateGranularity | null; subFieldName?: string | null; firstDayOfTheWeek: number };

export function formatDimensionValue(value: string | null, field: ChartField, opts: FormatOptions): string {
  if (value === null) return NOT_SET;
  const granularity = opts.granularity ?? 'DAY';
  switch (field.type) {
    case 'SELECT':
      return field.options?.find((o) => o.value === value)?.label ?? value;
    case 'MULTI_SELECT':
      return value.replace(/^\{|\}$/g, '').split(',').filter((v) => v !== '').map((v) => field.options?.find((o) => o.value === v)?.label ?? v).join(', ');
    case 'BOOLEAN':
      return value === 'true' ? 'Yes' : 'No';
    case 'DATE':
    case 'DATE_TIME':
      return isCyclical(granularity) ? value : formatDate(value, granularity, opts.firstDayOfTheWeek);
    case 'NUMBER':
    case 'CURRENCY': {
      if (field.type === 'CURRENCY' && opts.subFieldName === 'currencyCode') return value === '' ? NOT_SET : value;
      const n = Number(value);
      return Number.isNaN(n) ? value : formatToShortNumber(n);
    }
    default:
      return value;
  }
}
