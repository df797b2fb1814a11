import type { CreatedWeeks, FetchStrategy } from '@/lib/pipeline/types';
import type { AliasState } from '@/lib/twenty/aggregate-queries';
import { readCreatedByAggregates, readCreatedByPaging } from '@/lib/twenty/created-aggregate';
import { readCreatedByGroupBy } from '@/lib/twenty/created-group-by';
import { createdFilterParts, trendFrameOf } from '@/lib/twenty/created-weeks';
import type { FilterContext, FilterPart } from '@/lib/twenty/filters';
import type { MonthDetail } from '@/lib/twenty/strategy-aggregate';
import type { StrategyContext } from '@/lib/twenty/strategy-context';

// The new-pipeline trend through the strategy the rest of the data came through: groupBy
// (one request), aggregates (v0.55) or a page pass (forced paging).

/** `viewParts`: a saved view's translated filter, which scopes the trend like every other number. */
export type CreatedOptions = { aliases: AliasState; detail: MonthDetail; filterCtx: FilterContext; viewParts: FilterPart[] };

export async function fetchCreatedWeeks(ctx: StrategyContext, strategy: FetchStrategy, opts: CreatedOptions): Promise<CreatedWeeks> {
  const { aliases, detail, filterCtx, viewParts } = opts;
  const frame = trendFrameOf(ctx.dashboard, ctx.now);
  const request = { frame, parts: [...createdFilterParts(ctx.dashboard, frame, filterCtx), ...viewParts] };
  const buckets =
    strategy === 'groupBy'
      ? ((await readCreatedByGroupBy(ctx, request)) ?? (await readCreatedByPaging(ctx, request)))
      : strategy === 'aggregate'
        ? await readCreatedByAggregates(ctx, request, aliases, detail)
        : await readCreatedByPaging(ctx, request);
  return { weeks: frame.weeks, buckets };
}
