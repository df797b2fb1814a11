import { z } from 'zod';
import type { DealGroup } from '@/lib/pipeline/types';
import { TwentyError } from '@/lib/twenty/errors';
import { closeDateWithin, toFilterInput, type OpportunityFilterInput } from '@/lib/twenty/filters';
import {
  DEFAULT_GROUP_LIMIT,
  GROUP_LIMIT,
  groupByArguments,
  groupByGroupSchema,
  groupSelection,
  toDealGroups,
  type GroupByShape,
} from '@/lib/twenty/group-by-response';
import { mergeGroups } from '@/lib/twenty/group-deals';
import { boundarySlices } from '@/lib/twenty/month-correction';
import type { StrategyContext, StrategyResult } from '@/lib/twenty/strategy-context';
import { toDeals, topDealsFieldSchema, topDealsRootField, topDealsVariableDefinitions } from '@/lib/twenty/top-deals';
import type { AllowedField } from '@/lib/config/dashboard-schema';

// Strategy 1: one opportunitiesGroupBy (stage × currency × close month) and, in the same request,
// the top-deals page (a different root field, so 2.x allows it). Months are local when the server
// takes a groupBy timeZone; otherwise they are UTC months and one more groupBy over the few hours
// around each month boundary moves those deals to their local month — exact either way.

export type GroupByDocumentOptions = GroupByShape & {
  withAmountCount: boolean;
  topDeals: { fields: readonly AllowedField[]; withEdges: boolean } | null;
};

export function groupByDocument(opts: GroupByDocumentOptions): string {
  const { definitions, args } = groupByArguments(opts);
  const groupBy = `opportunitiesGroupBy(${args}) { ${groupSelection(opts.withAmountCount)} }`;
  if (!opts.topDeals) return `query PipelineGroups(${definitions}) { ${groupBy} }`;
  const vars = `${definitions}, ${topDealsVariableDefinitions(opts.topDeals.withEdges)}`;
  return `query PipelineGroups(${vars}) { ${groupBy} ${topDealsRootField(opts.topDeals.fields, opts.topDeals.withEdges)} }`;
}

const resultSchema = z.object({
  opportunitiesGroupBy: z.array(groupByGroupSchema),
  topDeals: topDealsFieldSchema.optional(),
});

function shapeOf(ctx: StrategyContext): GroupByShape {
  return { timeZone: ctx.caps.groupByTimeZone && ctx.useGroupByTimeZone, limit: ctx.caps.groupByArgs.includes('limit') };
}

async function runGroupBy(ctx: StrategyContext, filter: OpportunityFilterInput, withTop: boolean) {
  const shape = shapeOf(ctx);
  const withEdges = ctx.topDealsLimit > 0;
  const document = groupByDocument({
    ...shape,
    withAmountCount: ctx.caps.groupFields.includes('countNotEmptyAmount'),
    topDeals: withTop ? { fields: ctx.dashboard.fields, withEdges } : null,
  });
  const variables: Record<string, unknown> = { filter };
  if (shape.timeZone) variables.timeZone = ctx.dashboard.timeZone;
  if (shape.limit) variables.groupLimit = GROUP_LIMIT;
  if (withTop) variables.openFilter = ctx.openFilter;
  if (withTop && withEdges) variables.topFirst = ctx.topDealsLimit;
  const answer = await ctx.transport.runQuery({ document, variables, schema: resultSchema });
  // A full page of groups may hide more: Twenty cuts at the limit without saying so.
  const complete = answer.opportunitiesGroupBy.length < (shape.limit ? GROUP_LIMIT : DEFAULT_GROUP_LIMIT);
  return { ...answer, complete };
}

/** Moves the deals of each boundary slice from their UTC month to their local month. */
async function correctToLocalMonths(ctx: StrategyContext, utcGroups: DealGroup[]): Promise<{ groups: DealGroup[]; complete: boolean }> {
  const utcMonths = new Set(utcGroups.flatMap((g) => (g.closeMonth ? [g.closeMonth] : [])));
  const { slices, zonedMonthOf } = boundarySlices(utcMonths, ctx.dashboard.timeZone);
  if (slices.length === 0) return { groups: utcGroups, complete: true };
  const answer = await runGroupBy(ctx, toFilterInput([...ctx.filterParts, { or: slices.map(closeDateWithin) }]), false);
  const moves = toDealGroups(answer.opportunitiesGroupBy, ctx.log);
  const adjusted: DealGroup[] = [...utcGroups];
  for (const move of moves) {
    const target = move.closeMonth ? zonedMonthOf.get(move.closeMonth) : undefined;
    if (!target) throw new TwentyError('upstream_error', `boundary deals reported in unexpected month ${move.closeMonth}`);
    const negative: DealGroup = { ...move, count: -move.count, amountMicros: -move.amountMicros };
    if (move.amountCount !== undefined) negative.amountCount = -move.amountCount;
    adjusted.push(negative, { ...move, closeMonth: target });
  }
  ctx.log({ level: 'debug', event: 'twenty.groupby_month_correction', slices: slices.length, moved: moves.length });
  return { groups: mergeGroups(adjusted), complete: answer.complete };
}

export async function fetchWithGroupBy(ctx: StrategyContext): Promise<StrategyResult & { verified: boolean }> {
  const withTop = ctx.openFilter !== null;
  const answer = await runGroupBy(ctx, toFilterInput(ctx.filterParts), withTop);
  const firstGroups = mergeGroups(toDealGroups(answer.opportunitiesGroupBy, ctx.log));
  const corrected = shapeOf(ctx).timeZone ? { groups: firstGroups, complete: true } : await correctToLocalMonths(ctx, firstGroups);
  const groups = corrected.groups;
  let verified = answer.complete && corrected.complete;
  if (!verified) ctx.log({ level: 'warn', event: 'twenty.groupby_truncated', groups: answer.opportunitiesGroupBy.length });
  if (withTop && answer.topDeals) {
    // The open-deal count from the same request catches a server that drops groups silently.
    const openStages = new Set(ctx.openStages);
    const grouped = groups.filter((g) => openStages.has(g.stage)).reduce((n, g) => n + g.count, 0);
    if (grouped !== answer.topDeals.totalCount) {
      verified = false;
      ctx.log({ level: 'warn', event: 'twenty.groupby_incomplete', grouped, openCount: answer.topDeals.totalCount });
    }
  }
  const topDeals = answer.topDeals ? toDeals(answer.topDeals, ctx.topDealsLimit, ctx.log) : null;
  return { groups, topDeals, verified };
}
