// barChartData / lineChartData / pieChartData on /metadata (2.21): the chart data Twenty's own
// dashboards draw, computed from the workspace's records at the moment of the call, so a record
// change shows in the next answer. Objects the caller's role cannot read are refused as captured.
import type { z } from 'zod';
import { parseConfig, barConfigSchema, lineConfigSchema, pieConfigSchema } from '@/sandbox/charts/config';
import { barChartData } from '@/sandbox/charts/bar';
import { fieldOf, objectOf, wrapChartError } from '@/sandbox/charts/errors';
import { runChartGroupBy, type Axis, type ChartEnv, type ChartQuery } from '@/sandbox/charts/group-query';
import { lineChartData, seriesPrefix } from '@/sandbox/charts/line';
import { pieChartData } from '@/sandbox/charts/pie';
import type { AggregateOperation } from '@/sandbox/charts/types';
import { TwentyError } from '@/sandbox/graphql/errors';
import { isRecord } from '@/sandbox/query/filter';

type Args = Record<string, unknown>;
type Resolver = (source: unknown, args: Args, ctx: ChartEnv) => unknown;
type Common = { aggregateFieldMetadataId: string; aggregateOperation: AggregateOperation; filter?: unknown; timezone?: string | null; firstDayOfTheWeek?: number | null; splitMultiValueFields?: boolean | null };

function inputOf(args: Args): { objectMetadataId: string; configuration: unknown } {
  const input = isRecord(args.input) ? args.input : {};
  return { objectMetadataId: String(input.objectMetadataId), configuration: input.configuration };
}

function queryOf(ctx: ChartEnv, objectMetadataId: string, config: Common, primary: Axis, secondary?: Axis): (limit: number) => ChartQuery {
  const object = objectOf(ctx.workspace.metadata, objectMetadataId);
  const aggregateField = fieldOf(ctx.workspace.metadata, config.aggregateFieldMetadataId);
  return (limit) => ({
    objectName: object.nameSingular, primary, secondary, aggregateField, aggregateOperation: config.aggregateOperation, filter: config.filter,
    timezone: config.timezone ?? 'UTC', firstDayOfTheWeek: config.firstDayOfTheWeek ?? 1, limit, splitMultiValueFields: config.splitMultiValueFields,
  });
}

function chart(context: string, compute: () => unknown): unknown {
  try {
    return compute();
  } catch (error) {
    throw wrapChartError(error, context);
  }
}

/** A bar or line chart's axes, as its configuration names them (the secondary one is optional). */
function axesOf(meta: Parameters<typeof fieldOf>[0], config: z.infer<typeof barConfigSchema> | z.infer<typeof lineConfigSchema>): { primary: Axis; secondary: Axis | undefined } {
  const primary: Axis = { field: fieldOf(meta, config.primaryAxisGroupByFieldMetadataId), subFieldName: config.primaryAxisGroupBySubFieldName, granularity: config.primaryAxisDateGranularity, orderBy: config.primaryAxisOrderBy };
  const secondaryId = config.secondaryAxisGroupByFieldMetadataId;
  const secondary: Axis | undefined = secondaryId
    ? { field: fieldOf(meta, secondaryId), subFieldName: config.secondaryAxisGroupBySubFieldName, granularity: config.secondaryAxisGroupByDateGranularity, orderBy: config.secondaryAxisOrderBy }
    : undefined;
  return { primary, secondary };
}

export const chartQueryResolvers: Record<string, Resolver> = {
  barChartData: (_, args, ctx) => {
    const { objectMetadataId, configuration } = inputOf(args);
    const config = parseConfig(barConfigSchema, configuration);
    return chart('Bar chart data retrieval failed', () => {
      objectOf(ctx.workspace.metadata, objectMetadataId);
      const { primary, secondary } = axesOf(ctx.workspace.metadata, config);
      const query = queryOf(ctx, objectMetadataId, config, primary, secondary);
      return barChartData(config, primary, secondary, query(0).aggregateField, (limit) => runChartGroupBy(ctx, query(limit)));
    });
  },
  lineChartData: (_, args, ctx) => {
    const { objectMetadataId, configuration } = inputOf(args);
    const config = parseConfig(lineConfigSchema, configuration);
    return chart('Line chart data retrieval failed', () => {
      objectOf(ctx.workspace.metadata, objectMetadataId);
      const { primary, secondary } = axesOf(ctx.workspace.metadata, config);
      const query = queryOf(ctx, objectMetadataId, config, primary, secondary);
      const prefix = seriesPrefix(objectMetadataId, configuration);
      return lineChartData(config, primary, secondary, query(0).aggregateField, (limit) => runChartGroupBy(ctx, query(limit)), prefix);
    });
  },
  pieChartData: (_, args, ctx) => {
    const { objectMetadataId, configuration } = inputOf(args);
    const config = parseConfig(pieConfigSchema, configuration);
    return chart('Pie chart data retrieval failed', () => {
      if (config.configurationType !== 'PIE_CHART') {
        throw new TwentyError(`Invalid widget configuration: Expected PIE_CHART, got ${String(config.configurationType)}`, 'BAD_USER_INPUT');
      }
      const meta = ctx.workspace.metadata;
      objectOf(meta, objectMetadataId);
      const axis: Axis = { field: fieldOf(meta, config.groupByFieldMetadataId), subFieldName: config.groupBySubFieldName, granularity: config.dateGranularity, orderBy: config.orderBy };
      const query = queryOf(ctx, objectMetadataId, config, axis);
      return pieChartData(config, axis, (limit) => runChartGroupBy(ctx, query(limit)));
    });
  },
};
