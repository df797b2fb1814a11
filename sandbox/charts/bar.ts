// barChartData as Twenty 2.21 computes it (services/bar-chart-data.service.ts). Captured:
// q3-barChartData-* (one row per stage option in option order, zeros included, under
// FIELD_POSITION_ASC; owner first names with "Not Set" for no owner; amounts in currency units;
// the two-dimensional company split with hasTooManyGroups). The rest follows the source.
import type { BarConfig } from '@/sandbox/charts/config';
import { applyGapFilling } from '@/sandbox/charts/gaps';
import type { Axis, RawGroupsOf } from '@/sandbox/charts/group-query';
import { oneDimensional, twoDimensional, withoutEmpty } from '@/sandbox/charts/points';
import { sortChartData } from '@/sandbox/charts/sort';
import { LIMITS, OPERATION_LABELS, type ChartField } from '@/sandbox/charts/types';

type Datum = Record<string, string | number>;
const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const cumulate = (values: number[]) => values.map(((sum) => (v: number) => (sum += v))(0));

export function barChartData(config: BarConfig, primary: Axis, secondary: Axis | undefined, aggregateField: ChartField, run: RawGroupsOf) {
  const stacked2d = secondary !== undefined && config.groupMode === 'STACKED';
  const raw = run(stacked2d ? LIMITS.bars * LIMITS.groupsPerBar + LIMITS.extra : LIMITS.bars + LIMITS.extra);
  const layout = config.layout ?? 'VERTICAL';
  const indexBy = config.primaryAxisGroupBySubFieldName ? `${primary.field.name}${upper(config.primaryAxisGroupBySubFieldName)}` : primary.field.name;
  const valueLabel = `${OPERATION_LABELS[config.aggregateOperation]} of ${aggregateField.label}`;
  const [xAxisLabel, yAxisLabel] = layout === 'HORIZONTAL' ? [valueLabel, primary.field.label] : [primary.field.label, valueLabel];
  const filtered = withoutEmpty(raw, config.omitNullValues);
  const gaps = applyGapFilling(filtered, {
    field: primary.field, granularity: config.primaryAxisDateGranularity, omitNullValues: config.omitNullValues ?? false,
    desc: config.primaryAxisOrderBy === 'FIELD_DESC', twoDimensional: secondary !== undefined, splitMultiValueFields: config.splitMultiValueFields,
  });
  const common = { indexBy, xAxisLabel, yAxisLabel, showLegend: config.displayLegend ?? true, showDataLabels: config.displayDataLabel ?? false, layout, groupMode: config.groupMode ?? 'GROUPED' };
  const firstDay = config.firstDayOfTheWeek ?? 1;
  const primarySort = { orderBy: config.primaryAxisOrderBy, manualSortOrder: config.primaryAxisManualSortOrder, field: primary.field, subFieldName: config.primaryAxisGroupBySubFieldName, granularity: config.primaryAxisDateGranularity, firstDayOfTheWeek: firstDay };

  if (!secondary) {
    const valueKey = indexBy === aggregateField.name ? `${aggregateField.name}-aggregate` : aggregateField.name;
    const { points, lookup } = oneDimensional(gaps.data, primary, firstDay);
    const sorted = sortChartData(points, { ...primarySort, lookup, label: (p) => p.label, value: (p) => p.value }).slice(0, LIMITS.bars);
    const values = config.isCumulative ? cumulate(sorted.map((p) => p.value)) : sorted.map((p) => p.value);
    return {
      ...common,
      data: sorted.map((p, i) => ({ [indexBy]: p.label, [valueKey]: values[i] ?? 0 })),
      keys: [valueKey],
      series: [{ key: valueKey, label: aggregateField.label }],
      hasTooManyGroups: filtered.length > LIMITS.bars || gaps.wasTruncated,
      formattedToRawLookup: Object.fromEntries(lookup),
    };
  }

  const { points, lookup, secondaryLookup } = twoDimensional(gaps.data, primary, secondary, firstDay);
  const keys = [...new Set(points.map((p) => p.y))];
  const rows = new Map<string, Datum>();
  for (const p of points) {
    const row = rows.get(p.x) ?? { [indexBy]: p.x };
    row[p.y] = p.value;
    rows.set(p.x, row);
  }
  const sumOf = (row: Datum, ks: readonly string[]) => ks.reduce((s, k) => s + (typeof row[k] === 'number' ? row[k] : 0), 0);
  const sorted = sortChartData([...rows.values()], { ...primarySort, lookup, label: (r) => String(r[indexBy]), value: (r) => sumOf(r, keys) });
  const limited = sorted.slice(0, LIMITS.bars);
  const sortedKeys = config.secondaryAxisOrderBy
    ? sortChartData(keys, {
      orderBy: config.secondaryAxisOrderBy, manualSortOrder: config.secondaryAxisManualSortOrder, lookup: secondaryLookup, label: (k) => k,
      value: (k) => limited.reduce((s, r) => s + (typeof r[k] === 'number' ? r[k] : 0), 0), field: secondary.field,
      subFieldName: config.secondaryAxisGroupBySubFieldName, granularity: config.secondaryAxisGroupByDateGranularity, firstDayOfTheWeek: firstDay,
    })
    : keys;
  const limitedKeys = sortedKeys.slice(0, LIMITS.groupsPerBar);
  const stacked = (config.groupMode ?? 'STACKED') === 'STACKED';
  const tooManySegments = !stacked && limited.length * limitedKeys.length > LIMITS.bars;
  const shown = tooManySegments ? limited.slice(0, Math.max(1, Math.floor(LIMITS.bars / limitedKeys.length))) : limited;
  const running: Record<string, number> = {};
  const data = config.isCumulative
    ? shown.map((row) => {
      const next: Datum = { ...row };
      for (const k of limitedKeys) next[k] = running[k] = (running[k] ?? 0) + (typeof row[k] === 'number' ? row[k] : 0);
      return next;
    })
    : shown;
  return {
    ...common,
    data,
    keys: limitedKeys,
    series: limitedKeys.map((key) => ({ key, label: key })),
    hasTooManyGroups: sorted.length > LIMITS.bars || keys.length > LIMITS.groupsPerBar || tooManySegments || gaps.wasTruncated,
    formattedToRawLookup: Object.fromEntries(new Map([...lookup, ...secondaryLookup])),
  };
}
