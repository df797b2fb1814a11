// Empty groups a chart adds before formatting: utils/apply-gap-filling.util.ts, fill-date-gaps.util.ts,
// generate-date-groups-in-range.util.ts and fill-select-gaps.util.ts. Dates: every bucket between
// the first and the last one with data (at most 100, else `wasTruncated`), zeros where none;
// selects: one group per option in option order (captured: the stage bar chart's zero rows).
// Nothing is filled when null values are omitted, nor on an empty result.
import { isArrayKind, isDateKind, isSelectKind, LIMITS, type ChartField, type DateGranularity, type RawGroup } from '@/sandbox/charts/types';

const STEPS: Partial<Record<DateGranularity, (d: Date) => void>> = {
  DAY: (d) => d.setUTCDate(d.getUTCDate() + 1),
  WEEK: (d) => d.setUTCDate(d.getUTCDate() + 7),
  MONTH: (d) => d.setUTCMonth(d.getUTCMonth() + 1),
  QUARTER: (d) => d.setUTCMonth(d.getUTCMonth() + 3),
  YEAR: (d) => d.setUTCFullYear(d.getUTCFullYear() + 1),
};

function datesInRange(first: string, last: string, step: (d: Date) => void): { dates: string[]; wasTruncated: boolean } {
  const dates: string[] = [];
  const cursor = new Date(`${first}T00:00:00Z`);
  while (cursor.toISOString().slice(0, 10) <= last) {
    if (dates.length >= LIMITS.bars) return { dates, wasTruncated: true };
    dates.push(cursor.toISOString().slice(0, 10));
    step(cursor);
  }
  return { dates, wasTruncated: false };
}

function fillDates(data: RawGroup[], granularity: DateGranularity | null | undefined, desc: boolean, twoDimensional: boolean) {
  const step = granularity ? STEPS[granularity] : undefined;
  if (data.length === 0 || !step) return { data, wasTruncated: false };
  const existing = new Map<string, RawGroup>();
  const seconds = new Set<string | null>();
  const dates: string[] = [];
  for (const group of data) {
    const date = group.values[0];
    if (date === null || date === undefined) continue;
    const second = twoDimensional ? (group.values[1] ?? null) : null;
    seconds.add(second);
    dates.push(date.slice(0, 10));
    existing.set(`${date.slice(0, 10)}_${String(second)}`, group);
  }
  if (dates.length === 0) return { data, wasTruncated: false };
  dates.sort();
  const range = datesInRange(dates[0] ?? '', dates[dates.length - 1] ?? '', step);
  const ordered = desc ? [...range.dates].reverse() : range.dates;
  const filled = ordered.flatMap((date) =>
    [...seconds].map((second) => existing.get(`${date}_${String(second)}`) ?? { values: twoDimensional ? [date, second] : [date], aggregateValue: 0 }),
  );
  return { data: filled, wasTruncated: range.wasTruncated };
}

function fillSelect(data: RawGroup[], field: ChartField, twoDimensional: boolean): RawGroup[] {
  const options = field.options;
  if (!options || options.length === 0 || data.length === 0) return data;
  const existing = new Map<string, RawGroup>();
  const seconds = new Set<string | null>();
  for (const group of data) {
    const primary = group.values[0];
    if (primary === null || primary === undefined) continue;
    const second = twoDimensional ? (group.values[1] ?? null) : null;
    seconds.add(second);
    existing.set(twoDimensional ? `${primary}_${String(second)}` : primary, group);
  }
  // Option order as the metadata lists them (Twenty reads `options` as stored, not re-sorted).
  return options.flatMap((o) =>
    twoDimensional
      ? [...seconds].map((second) => existing.get(`${o.value}_${String(second)}`) ?? { values: [o.value, second], aggregateValue: 0 })
      : [existing.get(o.value) ?? { values: [o.value], aggregateValue: 0 }],
  );
}

export type GapOptions = { field: ChartField; granularity: DateGranularity | null | undefined; omitNullValues: boolean; desc: boolean; twoDimensional: boolean; splitMultiValueFields: boolean | null | undefined };

export function applyGapFilling(data: RawGroup[], opts: GapOptions): { data: RawGroup[]; wasTruncated: boolean } {
  if (opts.omitNullValues) return { data, wasTruncated: false };
  let current = data;
  let wasTruncated = false;
  if (isDateKind(opts.field.type)) ({ data: current, wasTruncated } = fillDates(current, opts.granularity, opts.desc, opts.twoDimensional));
  const arrayWithoutSplit = isArrayKind(opts.field.type) && !(opts.splitMultiValueFields ?? true);
  if (isSelectKind(opts.field.type) && !arrayWithoutSplit) current = fillSelect(current, opts.field, opts.twoDimensional);
  return { data: current, wasTruncated };
}
