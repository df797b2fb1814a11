import { z } from 'zod';
import type { AllowedField } from '@/lib/config/dashboard-schema';
import { TwentyError } from '@/lib/twenty/errors';
import { amountMissing, toFilterInput, type FilterPart, type OpportunityFilterInput } from '@/lib/twenty/filters';
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
import { ownersWanted, toOwnerGroups, withoutOwner } from '@/lib/twenty/owner-groups';
import { withUnpricedSubtracted } from '@/lib/twenty/priced-count';
import type { StrategyContext, StrategyResult } from '@/lib/twenty/strategy-context';
import { toDeals, topDealsFieldSchema, topDealsRootField, topDealsVariableDefinitions } from '@/lib/twenty/top-deals';

// Strategy 1: one opportunitiesGroupBy (stage × currency × close month in the dashboard's zone)
// and, in the same request, the top-deals page (a different root field, so 2.x allows it). Only
// on servers whose groupBy takes a `timeZone` (2.21 requires one for MONTH); elsewhere the
// aggregate strategy runs. When sum / avg cannot decide a bucket's priced count, one more
// groupBy over the deals without an amount does (priced-count.ts).

export type GroupByDocumentOptions = GroupByShape & {
  topDeals: { fields: readonly AllowedField[]; withEdges: boolean } | null;
};

export function groupByDocument(opts: GroupByDocumentOptions): string {
  const { definitions, args } = groupByArguments(opts);
  const groupBy = `opportunitiesGroupBy(${args}) { ${groupSelection(opts.withAverage)} }`;
  if (!opts.topDeals) return `query PipelineGroups(${definitions}) { ${groupBy} }`;
  const vars = `${definitions}, ${topDealsVariableDefinitions(opts.topDeals.withEdges)}`;
  return `query PipelineGroups(${vars}) { ${groupBy} ${topDealsRootField(opts.topDeals.fields, opts.topDeals.withEdges)} }`;
}

const resultSchema = z.object({
  opportunitiesGroupBy: z.array(groupByGroupSchema),
  topDeals: topDealsFieldSchema.optional(),
});

function shapeOf(ctx: StrategyContext): GroupByShape {
  const byOwner = ownersWanted(ctx.dashboard, ctx.caps);
  return { limit: ctx.caps.groupByArgs.includes('limit'), withAverage: ctx.caps.groupFields.includes('avgAmountAmountMicros'), viewId: Boolean(ctx.view), byOwner };
}

/** The groups' scope: the file's parts beside `viewId` when Twenty applies the view, else every part. */
const groupParts = (ctx: StrategyContext): FilterPart[] => (ctx.view ? ctx.view.fileParts : ctx.filterParts);

async function runGroupBy(ctx: StrategyContext, filter: OpportunityFilterInput, withTop: boolean) {
  const shape = shapeOf(ctx);
  const withEdges = ctx.topDealsLimit > 0;
  const document = groupByDocument({ ...shape, topDeals: withTop ? { fields: ctx.dashboard.fields, withEdges } : null });
  const variables: Record<string, unknown> = { filter, timeZone: ctx.dashboard.timeZone };
  if (shape.limit) variables.groupLimit = GROUP_LIMIT;
  if (ctx.view) variables.viewId = ctx.view.id;
  if (withTop) variables.openFilter = ctx.openFilter;
  if (withTop && withEdges) variables.topFirst = ctx.topDealsLimit;
  const answer = await ctx.transport.runQuery({ document, variables, schema: resultSchema });
  // A full page of groups may hide more: Twenty cuts at the limit without saying so.
  const complete = answer.opportunitiesGroupBy.length < (shape.limit ? GROUP_LIMIT : DEFAULT_GROUP_LIMIT);
  return { ...answer, complete };
}

export async function fetchWithGroupBy(ctx: StrategyContext): Promise<StrategyResult & { verified: boolean }> {
  if (ctx.caps.groupBy && !ctx.caps.groupByTimeZone) {
    // Never a month group-by without a zone: 2.21 refuses one, and elsewhere it would mean UTC months.
    throw new TwentyError('rejected', "this server's groupBy takes no timeZone, so it cannot bucket months in the dashboard's zone");
  }
  const withTop = ctx.openFilter !== null;
  const answer = await runGroupBy(ctx, toFilterInput(groupParts(ctx)), withTop);
  // With owners, the KPIs' buckets are the owners' summed: one answer for both (owner-groups.ts).
  const byOwner = shapeOf(ctx).byOwner;
  const plain = (raw: typeof answer.opportunitiesGroupBy) => (byOwner ? withoutOwner(raw) : raw);
  let groups = mergeGroups(toDealGroups(plain(answer.opportunitiesGroupBy), ctx.log));
  let verified = answer.complete;
  if (groups.some((g) => g.amountCount === undefined)) {
    const unpriced = await runGroupBy(ctx, toFilterInput([...groupParts(ctx), amountMissing()]), false);
    groups = withUnpricedSubtracted(groups, mergeGroups(toDealGroups(plain(unpriced.opportunitiesGroupBy), ctx.log)), ctx.log);
    verified &&= unpriced.complete;
  }
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
  return { groups, topDeals, verified, ...(byOwner ? { ownerGroups: toOwnerGroups(answer.opportunitiesGroupBy, ctx.log) } : {}) };
}
