// The orderings a chart applies after the group-by: utils/sort-chart-data-if-needed.util.ts,
// sort-secondary-axis-data.util.ts, compare-dimension-values.util.ts, sort-by-select-option-position
// and sort-by-manual-order. FIELD_* compares raw values for dates and numbers, else the labels with
// localeCompare; FIELD_POSITION_* follows the select options (unknown and null last); VALUE_* sorts
// by the aggregate; MANUAL by the given raw values, the rest after them in their order.
// Cyclical dates come ordered by the group-by's calendar CASE (get-group-by-order-expression.util:
// months January…December, weekdays from the week's first day, quarters Q1…Q4, null last), which
// the chart keeps (captured: charts/line-closeDate-month-of-the-year: January, February, March,
// December, Not Set); the sandbox's group-by orders them as text, so the chart applies it here.
import { isCyclical, isDateKind, type ChartField, type DateGranularity, type GraphOrderBy, type Lookup } from '@/sandbox/charts/types';

export type SortSpec<T> = {
  orderBy: GraphOrderBy | null | undefined;
  manualSortOrder?: string[] | null;
  lookup: Lookup;
  label: (item: T) => string;
  value: (item: T) => number;
  field: ChartField;
  subFieldName?: string | null;
  granularity?: DateGranularity | null;
  /** The configuration's CalendarStartDay (0 Sunday, 1 Monday, 6 Saturday); weekdays start there. */
  firstDayOfTheWeek?: number | null;
};

const NUMERIC = new Set(['NUMBER', 'NUMERIC', 'POSITION', 'RATING']);
const LAST = Number.MAX_SAFE_INTEGER;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONDAY_WEEK = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];

function calendarOf(granularity: DateGranularity | null | undefined, firstDayOfTheWeek: number | null | undefined): string[] {
  if (granularity === 'MONTH_OF_THE_YEAR') return MONTHS;
  if (granularity === 'QUARTER_OF_THE_YEAR') return QUARTERS;
  const start = firstDayOfTheWeek === 0 ? 6 : firstDayOfTheWeek === 6 ? 5 : 0;
  return [...MONDAY_WEEK.slice(start), ...MONDAY_WEEK.slice(0, start)];
}

/** Calendar position of a cyclical bucket; "Not Set" (no raw value) last in either direction. */
function compareCyclical<T>(spec: SortSpec<T>, a: T, b: T, sign: number): number {
  const calendar = calendarOf(spec.granularity, spec.firstDayOfTheWeek);
  const rank = (item: T) => {
    const raw = spec.lookup.get(spec.label(item));
    const i = raw === undefined ? -1 : calendar.indexOf(raw);
    return i < 0 ? undefined : i;
  };
  const [ia, ib] = [rank(a), rank(b)];
  if (ia === undefined || ib === undefined) return ia === ib ? 0 : ia === undefined ? 1 : -1;
  return sign * (ia - ib);
}

function compareLabels<T>(spec: SortSpec<T>, a: T, b: T, sign: number): number {
  const [la, lb] = [spec.label(a), spec.label(b)];
  const [ra, rb] = [spec.lookup.get(la), spec.lookup.get(lb)];
  const type = spec.field.type;
  if (isDateKind(type)) {
    if (isCyclical(spec.granularity)) return compareCyclical(spec, a, b, sign);
    if (ra !== undefined && rb !== undefined) return sign * (ra < rb ? -1 : ra > rb ? 1 : 0);
  }
  if (type === 'CURRENCY') {
    if (spec.subFieldName === 'amountMicros' && ra !== undefined && rb !== undefined) return sign * (Number(ra) - Number(rb));
    return sign * la.localeCompare(lb);
  }
  if (NUMERIC.has(type) && ra !== undefined && rb !== undefined) return sign * (Number(ra) - Number(rb));
  return sign * la.localeCompare(lb);
}

export function sortChartData<T>(items: readonly T[], spec: SortSpec<T>): T[] {
  const { orderBy } = spec;
  switch (orderBy) {
    case 'MANUAL': {
      const manual = spec.manualSortOrder;
      if (!manual || manual.length === 0) return [...items];
      const index = new Map(manual.map((v, i) => [v, i]));
      const rank = (item: T) => index.get(spec.lookup.get(spec.label(item)) ?? spec.label(item));
      return [...items].sort((a, b) => {
        const [ia, ib] = [rank(a), rank(b)];
        if (ia === undefined && ib === undefined) return 0;
        if (ia === undefined) return 1;
        if (ib === undefined) return -1;
        return ia - ib;
      });
    }
    case 'VALUE_ASC':
      return [...items].sort((a, b) => spec.value(a) - spec.value(b));
    case 'VALUE_DESC':
      return [...items].sort((a, b) => spec.value(b) - spec.value(a));
    case 'FIELD_ASC':
    case 'FIELD_DESC':
      return [...items].sort((a, b) => compareLabels(spec, a, b, orderBy === 'FIELD_ASC' ? 1 : -1));
    case 'FIELD_POSITION_ASC':
    case 'FIELD_POSITION_DESC': {
      const options = spec.field.options;
      if (!options || options.length === 0) return [...items];
      const positions = new Map(options.map((o) => [o.value, o.position]));
      const position = (item: T) => {
        const raw = spec.lookup.get(spec.label(item));
        return raw === undefined ? LAST : (positions.get(raw) ?? LAST);
      };
      const sign = orderBy === 'FIELD_POSITION_ASC' ? 1 : -1;
      return [...items].sort((a, b) => sign * (position(a) - position(b)));
    }
    default:
      return [...items];
  }
}
