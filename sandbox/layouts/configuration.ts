// What Twenty 2.21 stores for a widget's configuration. Absent keys take the configuration DTO's
// default (source: packages/twenty-server/src/engine/metadata-modules/page-layout-widget/dtos/
// {bar,line,pie,aggregate}-chart-configuration.dto.ts); the bar chart's additions are captured
// (q3-create-3: primaryAxisDateGranularity and secondaryAxisGroupByDateGranularity DAY,
// splitMultiValueFields true). JSON values are kept as Postgres' jsonb returns them: object keys
// shorter first, then bytewise (q3-create-3's `filter` comes back reordered so).
import { isRecord } from '@/sandbox/query/filter';
import type { WidgetConfiguration } from '@/sandbox/layouts/types';

/** twenty-shared's CalendarStartDay.MONDAY. */
const MONDAY = 1;
const COMMON = { displayDataLabel: false, timezone: 'UTC', firstDayOfTheWeek: MONDAY };
const AXES = {
  ...COMMON, primaryAxisDateGranularity: 'DAY', secondaryAxisGroupByDateGranularity: 'DAY', splitMultiValueFields: true,
  axisNameDisplay: 'NONE', displayLegend: true,
};

const DEFAULTS: Record<string, Record<string, unknown>> = {
  BAR_CHART: AXES,
  LINE_CHART: { ...AXES, primaryAxisOrderBy: 'FIELD_ASC' },
  PIE_CHART: { ...COMMON, dateGranularity: 'DAY', orderBy: 'VALUE_DESC', showCenterMetric: true, displayLegend: true, hideEmptyCategory: false, splitMultiValueFields: true },
  AGGREGATE_CHART: COMMON,
};

/** Keys in jsonb order: shorter first, equal lengths bytewise. */
export function asJsonb(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asJsonb);
  if (!isRecord(value)) return value;
  const keys = Object.keys(value).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, asJsonb(value[k])]));
}

/** The configuration as stored: the DTO's defaults for absent keys, JSON-typed values in jsonb order. */
export function storedConfiguration(input: WidgetConfiguration): WidgetConfiguration {
  const defaults = DEFAULTS[input.configurationType] ?? {};
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const stored: WidgetConfiguration = { ...defaults, ...given, configurationType: input.configurationType };
  if (stored.filter !== undefined) stored.filter = asJsonb(stored.filter);
  return stored;
}

/** GraphQL's union member for a configuration type: BAR_CHART → BarChartConfiguration. */
export function configurationTypename(configurationType: string): string {
  const pascal = configurationType
    .toLowerCase()
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return `${pascal}Configuration`;
}
