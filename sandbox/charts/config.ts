// The chart configurations barChartData / lineChartData / pieChartData take (the `configuration`
// JSON of BarChartDataInput & co.), with the fields the services read. Unknown keys are kept.
import { z } from 'zod';
import { TwentyError } from '@/sandbox/graphql/errors';
import { AGGREGATE_OPERATIONS, GRANULARITIES, GRAPH_ORDER_BY } from '@/sandbox/charts/types';

const order = z.enum(GRAPH_ORDER_BY).nullish();
const granularity = z.enum(GRANULARITIES).nullish();
const flag = z.boolean().nullish();
const text = z.string().nullish();

const common = {
  aggregateFieldMetadataId: z.string(),
  aggregateOperation: z.enum(AGGREGATE_OPERATIONS),
  filter: z.unknown().optional(),
  displayDataLabel: flag,
  displayLegend: flag,
  splitMultiValueFields: flag,
  timezone: text,
  firstDayOfTheWeek: z.number().nullish(),
};

const axes = {
  ...common,
  primaryAxisGroupByFieldMetadataId: z.string(),
  primaryAxisGroupBySubFieldName: text,
  primaryAxisDateGranularity: granularity,
  primaryAxisOrderBy: order,
  primaryAxisManualSortOrder: z.array(z.string()).nullish(),
  secondaryAxisGroupByFieldMetadataId: text,
  secondaryAxisGroupBySubFieldName: text,
  secondaryAxisGroupByDateGranularity: granularity,
  secondaryAxisOrderBy: order,
  secondaryAxisManualSortOrder: z.array(z.string()).nullish(),
  omitNullValues: flag,
  isCumulative: flag,
};

export const barConfigSchema = z.looseObject({ ...axes, layout: z.enum(['VERTICAL', 'HORIZONTAL']).nullish(), groupMode: z.enum(['STACKED', 'GROUPED']).nullish() });
export const lineConfigSchema = z.looseObject({ ...axes, isStacked: flag });
export const pieConfigSchema = z.looseObject({
  ...common,
  groupByFieldMetadataId: z.string(),
  groupBySubFieldName: text,
  dateGranularity: granularity,
  orderBy: order,
  manualSortOrder: z.array(z.string()).nullish(),
  showCenterMetric: flag,
  hideEmptyCategory: flag,
});

export type BarConfig = z.infer<typeof barConfigSchema>;
export type LineConfig = z.infer<typeof lineConfigSchema>;
export type PieConfig = z.infer<typeof pieConfigSchema>;
export type AxesConfig = BarConfig | LineConfig;

export function parseConfig<T>(schema: z.ZodType<T>, configuration: unknown): T {
  const parsed = schema.safeParse(configuration);
  if (!parsed.success) throw new TwentyError(`Invalid widget configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, 'BAD_USER_INPUT');
  return parsed.data;
}
