// pieChartData as Twenty 2.21 computes it (services/pie-chart-data.service.ts): no gap filling,
// `hideEmptyCategory` drops null and zero slices, at most 100 slices (hasTooManyGroups beyond), then
// the configured order. Captured: the shape and hasTooManyGroups (q3-pieChartData-person-contact-roles).
import type { PieConfig } from '@/sandbox/charts/config';
import type { Axis, RawGroupsOf } from '@/sandbox/charts/group-query';
import { oneDimensional, withoutEmpty } from '@/sandbox/charts/points';
import { sortChartData } from '@/sandbox/charts/sort';
import { LIMITS } from '@/sandbox/charts/types';

export function pieChartData(config: PieConfig, axis: Axis, run: RawGroupsOf) {
  const filtered = withoutEmpty(run(LIMITS.pieSlices + LIMITS.extra), config.hideEmptyCategory);
  const { points, lookup } = oneDimensional(filtered.slice(0, LIMITS.pieSlices), axis, config.firstDayOfTheWeek ?? 1);
  const sorted = sortChartData(points, {
    orderBy: config.orderBy, manualSortOrder: config.manualSortOrder, lookup, label: (p) => p.label, value: (p) => p.value,
    field: axis.field, granularity: config.dateGranularity, firstDayOfTheWeek: config.firstDayOfTheWeek ?? 1,
  });
  return {
    data: sorted.map((p) => ({ key: p.label, value: p.value })),
    showLegend: config.displayLegend ?? true,
    showDataLabels: config.displayDataLabel ?? false,
    showCenterMetric: config.showCenterMetric ?? true,
    hasTooManyGroups: filtered.length > LIMITS.pieSlices,
    formattedToRawLookup: Object.fromEntries(lookup),
  };
}
