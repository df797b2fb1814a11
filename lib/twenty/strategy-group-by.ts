import { z } from 'zod';
import type { DealGroup } from '@/lib/pipeline/types';
import { TwentyError } from '@/lib/twenty/errors';
import { closeDateWithin, toFilterInput, type OpportunityFilterInput } from '@/lib/twenty/filters';
import { GROUP_BY_DIMENSIONS, groupByGroupSchema, groupSelection, toUtcMonthGroups } from '@/lib/twenty/group-by-response';
import { mergeGroups } from '@/lib/twenty/group-deals';
import { boundarySlices } from '@/lib/twenty/month-correction';
import type { StrategyContext, StrategyResult } from '@/lib/twenty/strategy-context';
import { toDeals, topDealsFieldSchema, topDealsRootField, topDealsVariableDefinitions } from '@/lib/twenty/top-deals';

// Strategy 1: one opportunitiesGroupBy (stage × currency × UTC month) and, in the same request,
// the top-deals page (a different root field). For a non-UTC dashboard one more groupBy over the
// few hours around each month boundary moves those deals to their local month — exact, 2 calls.

export function groupByDocument(opts: { withAmountCount: boolean; topDeals: { fields: Parameters<typeof topDealsRootField>[0]; withEdges: boolean } | null }): string {
  const groupBy = `opportunitiesGroupBy(groupBy: ${GROUP_BY_DIMENSIONS}, filter: $filter) { ${groupSelection(opts.withAmountCount)} }`;
  if (!opts.topDeals) return `query PipelineGroups($filter: OpportunityFilterInput) { ${groupBy} }`;
  const vars = `$filter: OpportunityFilterInput, ${topDealsVariableDefinitions(opts.topDeals.withEdges)}`;
  return `query PipelineGroups(${vars}) { ${groupBy} ${topDealsRootField(opts.topDeals.fields, opts.topDeals.withEdges)} }`;
}

const resultSchema = z.object({
  opportunitiesGroupBy: z.array(groupByGroupSchema),
  topDeals: topDealsFieldSchema.optional(),
});

async function runGroupBy(ctx: StrategyContext, filter: OpportunityFilterInput, withTop: boolean) {
  const withEdges = ctx.topDealsLimit > 0;
  const document = groupByDocument({
    withAmountCount: ctx.caps.groupFields.includes('countNotEmptyAmount'),
    topDeals: withTop ? { fields: ctx.dashboard.fields, withEdges } : null,
  });
  const variables: Record<string, unknown> = { filter };
  if (withTop) {
    variables.openFilter = ctx.openFilter;
    if (withEdges) variables.topFirst = ctx.topDealsLimit;
  }
  return ctx.transport.runQuery({ document, variables, schema: resultSchema });
}

/** Moves the deals of each boundary slice from their UTC month to their local month. */
async function correctToLocalMonths(ctx: StrategyContext, utcGroups: DealGroup[]): Promise<DealGroup[]> {
  const utcMonths = new Set(utcGroups.flatMap((g) => (g.closeMonth ? [g.closeMonth] : [])));
  const { slices, zonedMonthOf } = boundarySlices(utcMonths, ctx.dashboard.timeZone);
  if (slices.length === 0) return utcGroups;
  const filter = toFilterInput([...ctx.filterParts, { or: slices.map(closeDateWithin) }]);
  const answer = await runGroupBy(ctx, filter, false);
  const moves = toUtcMonthGroups(answer.opportunitiesGroupBy, ctx.log);
  const adjusted: DealGroup[] = [...utcGroups];
  for (const move of moves) {
    const target = move.closeMonth ? zonedMonthOf.get(move.closeMonth) : undefined;
    if (!target) throw new TwentyError('upstream_error', `boundary deals reported in unexpected month ${move.closeMonth}`);
    const negative: DealGroup = { ...move, count: -move.count, amountMicros: -move.amountMicros };
    if (move.amountCount !== undefined) negative.amountCount = -move.amountCount;
    adjusted.push(negative, { ...move, closeMonth: target });
  }
  ctx.log({ level: 'debug', event: 'twenty.groupby_month_correction', slices: slices.length, moved: moves.length });
  return mergeGroups(adjusted);
}

export async function fetchWithGroupBy(ctx: StrategyContext): Promise<StrategyResult & { verified: boolean }> {
  const withTop = ctx.openFilter !== null;
  const answer = await runGroupBy(ctx, toFilterInput(ctx.filterParts), withTop);
  const utcGroups = mergeGroups(toUtcMonthGroups(answer.opportunitiesGroupBy, ctx.log));
  const groups = await correctToLocalMonths(ctx, utcGroups);
  let verified = true;
  if (withTop && answer.topDeals) {
    // A server that caps the number of groups would drop buckets silently; the open-deal count
    // from the same request catches that.
    const openStages = new Set(ctx.openStages);
    const grouped = groups.filter((g) => openStages.has(g.stage)).reduce((n, g) => n + g.count, 0);
    verified = grouped === answer.topDeals.totalCount;
    if (!verified) ctx.log({ level: 'warn', event: 'twenty.groupby_incomplete', grouped, openCount: answer.topDeals.totalCount });
  }
  const topDeals = answer.topDeals ? toDeals(answer.topDeals, ctx.topDealsLimit, ctx.log) : null;
  return { groups, topDeals, verified };
}
