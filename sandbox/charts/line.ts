// lineChartData as Twenty 2.21 computes it (services/line-chart-data.service.ts). Captured:
// q3-lineChartData-revenue-timeline (labels "Close date" / "Sum of Amount", one series, and
// hasTooManyGroups for a day-by-day timeline over more than 100 days). Series keys carry Twenty's
// prefix `lc_<first 16 hex of sha256(objectMetadataId + ":" + JSON of the configuration)>:`.
import { createHash } from 'node:crypto';
import type { LineConfig } from '@/sandbox/charts/config';
import { applyGapFilling } from '@/sandbox/charts/gaps';
import type { Axis, RawGroupsOf } from '@/sandbox/charts/group-query';
import { oneDimensional, twoDimensional, withoutEmpty } from '@/sandbox/charts/points';
import { sortChartData } from '@/sandbox/charts/sort';
import { LIMITS, OPERATION_LABELS, type ChartField } from '@/sandbox/charts/types';

type XY = { x: string; y: number };
const cumulative = (points: XY[]) => {
  let sum = 0;
  return points.map((p) => ({ x: p.x, y: (sum += p.y) }));
};

export const seriesPrefix = (objectMetadataId: string, configuration: unknown) =>
  `lc_${createHash('sha256').update(objectMetadataId).update(':').update(JSON.stringify(configuration)).digest('hex').slice(0, 16)}:`;

export function lineChartData(config: LineConfig, primary: Axis, secondary: Axis | undefined, aggregateField: ChartField, run: RawGroupsOf, prefix: string) {
  const maxSeries = LIMITS.lineSeries;
  const raw = run(secondary ? LIMITS.lineDataPoints * maxSeries + LIMITS.extra : LIMITS.lineDataPoints + LIMITS.extra);
  const filtered = withoutEmpty(raw, config.omitNullValues);
  const gaps = applyGapFilling(filtered, {
    field: primary.field, granularity: config.primaryAxisDateGranularity, omitNullValues: config.omitNullValues ?? false,
    desc: config.primaryAxisOrderBy === 'FIELD_DESC', twoDimensional: secondary !== undefined, splitMultiValueFields: config.splitMultiValueFields,
  });
  const firstDay = config.firstDayOfTheWeek ?? 1;
  const primarySort = { orderBy: config.primaryAxisOrderBy, manualSortOrder: config.primaryAxisManualSortOrder, field: primary.field, subFieldName: config.primaryAxisGroupBySubFieldName, granularity: config.primaryAxisDateGranularity, firstDayOfTheWeek: firstDay };
  const common = {
    xAxisLabel: primary.field.label,
    yAxisLabel: `${OPERATION_LABELS[config.aggregateOperation]} of ${aggregateField.label}`,
    showLegend: config.displayLegend ?? true,
    showDataLabels: config.displayDataLabel ?? false,
  };

  if (!secondary) {
    const { points, lookup } = oneDimensional(gaps.data, primary, firstDay);
    const sorted = sortChartData(points, { ...primarySort, lookup, label: (p) => p.label, value: (p) => p.value }).slice(0, LIMITS.lineDataPoints);
    const data = sorted.map((p) => ({ x: p.label, y: p.value }));
    return {
      ...common,
      series: [{ key: `${prefix}${aggregateField.name}`, label: aggregateField.label, data: config.isCumulative ? cumulative(data) : data }],
      hasTooManyGroups: filtered.length > LIMITS.lineDataPoints || gaps.wasTruncated,
      formattedToRawLookup: Object.fromEntries(lookup),
    };
  }

  const { points, lookup, secondaryLookup } = twoDimensional(gaps.data, primary, secondary, firstDay);
  const xs = [...new Set(points.map((p) => p.x))];
  const seriesIds = [...new Set(points.map((p) => p.y))];
  const bySeries = new Map<string, Map<string, number>>();
  for (const p of points) bySeries.set(p.y, (bySeries.get(p.y) ?? new Map<string, number>()).set(p.x, p.value));
  const xTotal = (x: string) => [...bySeries.values()].reduce((s, m) => s + (m.get(x) ?? 0), 0);
  const shownXs = sortChartData(xs, { ...primarySort, lookup, label: (x) => x, value: xTotal }).slice(0, LIMITS.lineDataPoints);
  const seriesTotal = (id: string) => [...(bySeries.get(id)?.values() ?? [])].reduce((s, v) => s + v, 0);
  const sortedIds = config.secondaryAxisOrderBy
    ? sortChartData(seriesIds, {
      orderBy: config.secondaryAxisOrderBy, manualSortOrder: config.secondaryAxisManualSortOrder, lookup: secondaryLookup, label: (id) => id, value: seriesTotal,
      field: secondary.field, subFieldName: config.secondaryAxisGroupBySubFieldName, granularity: config.secondaryAxisGroupByDateGranularity, firstDayOfTheWeek: firstDay,
    })
    : seriesIds;
  const shownIds = sortedIds.slice(0, maxSeries);
  const merged = new Map([...lookup, ...secondaryLookup]);
  for (const id of shownIds) {
    const rawId = secondaryLookup.get(id);
    if (rawId !== undefined) merged.set(`${prefix}${id}`, rawId);
  }
  return {
    ...common,
    series: shownIds.map((id) => {
      const data = shownXs.map((x) => ({ x, y: bySeries.get(id)?.get(x) ?? 0 }));
      return { key: `${prefix}${id}`, label: id, data: config.isCumulative ? cumulative(data) : data };
    }),
    hasTooManyGroups: seriesIds.length > maxSeries || xs.length > LIMITS.lineDataPoints || gaps.wasTruncated,
    formattedToRawLookup: Object.fromEntries(merged),
  };
}
