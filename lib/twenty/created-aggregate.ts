import type { CreatedBucket } from '@/lib/pipeline/types';
import { addDays, startOfDay } from '@/lib/pipeline/weeks';
import { currencyFilter, fetchTotals, type AliasState, type CurrencyClass } from '@/lib/twenty/aggregate-queries';
import { bucketCreated, mergeCreated, type CreatedRequest } from '@/lib/twenty/created-weeks';
import { configuredCurrencies } from '@/lib/twenty/currency-classes';
import { discoverCurrencies, restClass } from '@/lib/twenty/currency-discovery';
import { rangeParts } from '@/lib/twenty/filter-rules';
import { toFilterInput, type FilterPart } from '@/lib/twenty/filters';
import { pageAllDeals } from '@/lib/twenty/pager';
import { currencyClasses, type MonthDetail } from '@/lib/twenty/strategy-aggregate';
import type { StrategyContext } from '@/lib/twenty/strategy-context';

// The trend without groupBy (v0.55) and when paging is forced. A page pass reads createdAt with
// each deal: ceil(created deals / page size) calls. Aggregates cost one total per week ×
// currency class (display, each rated or discovered code, no currency, the rest): 12 × (codes +
// 2) root fields in requests of up to 20 aliases, after a discovery page or two, and the rest's
// deals paged when there still are any. One aliased count first decides which costs fewer
// calls, as the month detail does.

async function pageCreated(ctx: StrategyContext, request: CreatedRequest, extra: FilterPart[], purpose: string): Promise<CreatedBucket[]> {
  const deals = await pageAllDeals({
    transport: ctx.transport,
    filter: toFilterInput([...request.parts, ...extra]),
    pageSize: ctx.caps.pageSize,
    log: ctx.log,
    budget: ctx.budget,
    purpose,
    withCreatedAt: true,
  });
  return bucketCreated(deals, request.frame, ctx.dashboard);
}

export function readCreatedByPaging(ctx: StrategyContext, request: CreatedRequest): Promise<CreatedBucket[]> {
  return pageCreated(ctx, request, [], 'deals created in the trend weeks');
}

function weekParts(week: string, timeZone: string): FilterPart[] {
  return rangeParts(['createdAt'], { gte: startOfDay(week, timeZone).toISOString(), lt: startOfDay(addDays(week, 7), timeZone).toISOString() });
}

/** `detail`: the client's monthDetail setting, the same trade-off (auto = whichever costs fewer calls). */
export async function readCreatedByAggregates(ctx: StrategyContext, request: CreatedRequest, aliases: AliasState, detail: MonthDetail = 'auto'): Promise<CreatedBucket[]> {
  const { dashboard, transport, log } = ctx;
  const totalsOptions = { transport, withAverage: false, aliases, log };
  const [all] = await fetchTotals({ ...totalsOptions, filters: [toFilterInput(request.parts)] });
  const created = all?.count ?? 0;
  if (created === 0) return [];
  // Currencies found among the trend's deals get totals of their own, as in strategy-aggregate.ts:
  // a page or two of discovery instead of paging every deal in a currency no rate names.
  const discovered = await discoverCurrencies({ ...ctx, filterParts: request.parts }, configuredCurrencies(dashboard));
  const classes = currencyClasses(dashboard.currency, dashboard.rates, discovered);
  const rest = restClass(classes.flatMap((c) => (c.kind === 'code' ? [c.code] : [])));
  const cells = request.frame.weeks.flatMap((week) => [...classes, rest].map((c): { week: string; c: CurrencyClass } => ({ week, c })));
  const pages = Math.ceil(created / ctx.caps.pageSize);
  const via = detail === 'auto' ? (pages <= cells.length ? 'paging' : 'aggregates') : detail;
  log({ level: 'info', event: 'twenty.created_detail', via, created, pages, cells: cells.length });
  if (via === 'paging') return readCreatedByPaging(ctx, request);

  const filters = cells.map(({ week, c }) => toFilterInput([...request.parts, currencyFilter(c), ...weekParts(week, dashboard.timeZone)]));
  const totals = await fetchTotals({ ...totalsOptions, filters });
  const buckets: CreatedBucket[] = [];
  let restDeals = 0;
  cells.forEach(({ week, c }, i) => {
    const total = totals[i];
    if (!total) return;
    if (c.kind === 'rest') restDeals += total.count;
    else buckets.push({ week, currencyCode: c.kind === 'code' ? c.code : null, count: total.count, amountMicros: total.amountMicros });
  });
  // Codes no config names: their deals are read, so each keeps its own currency.
  const restBuckets = restDeals > 0 ? await pageCreated(ctx, request, [currencyFilter(rest)], 'deals created in the trend weeks in other currencies') : [];
  return mergeCreated([...buckets, ...restBuckets]);
}
