// Raw groups → labelled points (utils/process-one-dimensional-results.util.ts and
// process-two-dimensional-results.util.ts): each dimension value formatted, and a lookup from each
// label back to its raw value for every non-null value ("Not Set" has none, as captured).
import { formatDimensionValue } from '@/sandbox/charts/format';
import type { Axis } from '@/sandbox/charts/group-query';
import type { Lookup, RawGroup } from '@/sandbox/charts/types';

export type Point = { label: string; raw: string | null; value: number };
export type Point2 = { x: string; y: string; value: number };

/** Twenty's CalendarStartDay for labels: weeks print from Sunday unless Monday (1) or Saturday (6). */
const labelOptions = (axis: Axis, firstDayOfTheWeek: number) => ({ granularity: axis.granularity, subFieldName: axis.subFieldName, firstDayOfTheWeek });

export function oneDimensional(groups: readonly RawGroup[], axis: Axis, firstDayOfTheWeek: number): { points: Point[]; lookup: Lookup } {
  const lookup: Lookup = new Map();
  const points: Point[] = [];
  for (const group of groups) {
    if (group.values.length < 1) continue;
    const raw = group.values[0] ?? null;
    const label = formatDimensionValue(raw, axis.field, labelOptions(axis, firstDayOfTheWeek));
    if (raw !== null) lookup.set(label, raw);
    points.push({ label, raw, value: group.aggregateValue });
  }
  return { points, lookup };
}

export function twoDimensional(groups: readonly RawGroup[], primary: Axis, secondary: Axis, firstDayOfTheWeek: number) {
  const lookup: Lookup = new Map();
  const secondaryLookup: Lookup = new Map();
  const points: Point2[] = [];
  for (const group of groups) {
    if (group.values.length < 2) continue;
    const [rawX = null, rawY = null] = group.values;
    const x = formatDimensionValue(rawX, primary.field, labelOptions(primary, firstDayOfTheWeek));
    const y = formatDimensionValue(rawY, secondary.field, labelOptions(secondary, firstDayOfTheWeek));
    if (rawX !== null) lookup.set(x, rawX);
    if (rawY !== null) secondaryLookup.set(y, rawY);
    points.push({ x, y, value: group.aggregateValue });
  }
  return { points, lookup, secondaryLookup };
}

/** omitNullValues / hideEmptyCategory: groups with a null first value or a zero aggregate go. */
export const withoutEmpty = (groups: RawGroup[], omit: boolean | null | undefined) =>
  omit ? groups.filter((g) => g.values[0] !== null && g.values[0] !== undefined && g.aggregateValue !== 0) : groups;
