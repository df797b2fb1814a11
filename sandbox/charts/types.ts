// What the chart-data services pass around, after Twenty 2.21's
// packages/twenty-server/src/modules/dashboard/chart-data/types and constants.
import type { FieldMeta } from '@/sandbox/metadata/workspace-metadata';

/** One group of the group-by the chart runs: its dimension values and the aggregate, in chart units. */
export type RawGroup = { values: (string | null)[]; aggregateValue: number };
/** Formatted label → raw dimension value, for every non-null value seen. */
export type Lookup = Map<string, string>;
export type ChartField = Pick<FieldMeta, 'id' | 'name' | 'label' | 'type' | 'options'>;

export const GRAPH_ORDER_BY = ['FIELD_ASC', 'FIELD_DESC', 'FIELD_POSITION_ASC', 'FIELD_POSITION_DESC', 'VALUE_ASC', 'VALUE_DESC', 'MANUAL'] as const;
export type GraphOrderBy = (typeof GRAPH_ORDER_BY)[number];
export const GRANULARITIES = ['DAY', 'MONTH', 'QUARTER', 'YEAR', 'WEEK', 'DAY_OF_THE_WEEK', 'MONTH_OF_THE_YEAR', 'QUARTER_OF_THE_YEAR', 'NONE'] as const;
export type DateGranularity = (typeof GRANULARITIES)[number];
export const AGGREGATE_OPERATIONS = [
  'MIN', 'MAX', 'AVG', 'SUM', 'COUNT', 'COUNT_UNIQUE_VALUES', 'COUNT_EMPTY', 'COUNT_NOT_EMPTY', 'COUNT_TRUE', 'COUNT_FALSE',
  'PERCENTAGE_EMPTY', 'PERCENTAGE_NOT_EMPTY',
] as const;
export type AggregateOperation = (typeof AGGREGATE_OPERATIONS)[number];

/** constants/*.constant.ts */
export const LIMITS = {
  bars: 100,
  groupsPerBar: 50,
  lineDataPoints: 100,
  lineSeries: 50,
  pieSlices: 100,
  /** One more group than shown tells that there are too many. */
  extra: 1,
} as const;

export const isDateKind = (type: string) => type === 'DATE' || type === 'DATE_TIME';
export const isSelectKind = (type: string) => type === 'SELECT' || type === 'MULTI_SELECT';
export const isArrayKind = (type: string) => type === 'MULTI_SELECT' || type === 'ARRAY';
export const isCyclical = (g: DateGranularity | null | undefined) => g === 'DAY_OF_THE_WEEK' || g === 'MONTH_OF_THE_YEAR' || g === 'QUARTER_OF_THE_YEAR';
export const COMPOSITE_TYPES = new Set(['CURRENCY', 'FULL_NAME', 'EMAILS', 'PHONES', 'LINKS', 'ADDRESS', 'ACTOR', 'RICH_TEXT']);

/** getAggregateOperationLabel */
export const OPERATION_LABELS: Record<AggregateOperation, string> = {
  MIN: 'Min', MAX: 'Max', AVG: 'Average', SUM: 'Sum', COUNT: 'Count all', COUNT_EMPTY: 'Count empty', COUNT_NOT_EMPTY: 'Count not empty',
  COUNT_UNIQUE_VALUES: 'Count unique values', PERCENTAGE_EMPTY: 'Percent empty', PERCENTAGE_NOT_EMPTY: 'Percent not empty',
  COUNT_TRUE: 'Count true', COUNT_FALSE: 'Count false',
};
