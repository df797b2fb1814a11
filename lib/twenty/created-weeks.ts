import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { CreatedBucket, PipelineData } from '@/lib/pipeline/types';
import { addDays, startOfDay, trendWeeks, weekInFrame, type WeekFrame } from '@/lib/pipeline/weeks';
import { dealScopeOf, fetchedScopeOf, type DealScope } from '@/lib/twenty/deal-scope';
import { TwentyError } from '@/lib/twenty/errors';
import { rangeParts, type FilterPart } from '@/lib/twenty/filter-rules';
import { scopeFilterParts, type FilterContext } from '@/lib/twenty/filters';
import { normaliseCurrency } from '@/lib/twenty/group-deals';

// Twenty's side of the new-pipeline trend: which deals count (the dashboard's scope WITHOUT its
// close-date window, created in the last 12 weeks of the dashboard's zone) and which week and
// currency a deal lands in. created-fetch.ts reads the buckets through each strategy; the
// webhook path moves one deal with the same `createdBucketOf` (lib/live/apply-created.ts).

/**
 * The dashboard's scope for the trend: stages, owners, amount and saved view, every close date of
 * the file's window. The fetch adds the view's translated filter itself (created-fetch.ts); the
 * webhook path passes the data it moves, whose view is the one that fetch applied.
 */
export function trendScopeOf(dashboard: Pick<DashboardConfig, 'filter' | 'timeZone' | 'twentyView'>, now: Date, fetched?: Pick<PipelineData, 'view'>): DealScope {
  const scope = fetched ? fetchedScopeOf(dashboard, fetched, now) : dealScopeOf(dashboard, now);
  return { ...scope, closeDate: null };
}

export function trendFrameOf(dashboard: Pick<DashboardConfig, 'timeZone' | 'weekStart'>, now: Date): WeekFrame {
  return trendWeeks(now, dashboard.timeZone, dashboard.weekStart);
}

/** The frame a fetch read, from its weeks (the live path has the data, not the fetch's `now`). */
export function frameOfWeeks(weeks: readonly string[], timeZone: string): WeekFrame | null {
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (first === undefined || last === undefined) return null;
  return { weeks: [...weeks], range: { from: startOfDay(first, timeZone), to: startOfDay(addDays(last, 7), timeZone) } };
}

/** The trend's filter: the scope without close dates, and createdAt inside the frame. */
export function createdFilterParts(dashboard: DashboardConfig, frame: WeekFrame, ctx: FilterContext): FilterPart[] {
  const scope = scopeFilterParts(trendScopeOf(dashboard, ctx.now), dashboard.slug, ctx);
  return [...scope, ...rangeParts(['createdAt'], { gte: frame.range.from.toISOString(), lt: frame.range.to.toISOString() })];
}

/** What a deal's trend bucket is read from. */
export type CreatedDeal = { createdAt?: string | null; amountMicros: bigint | null; currencyCode: string | null };

/** The deal's bucket (a bucket of one), null outside the frame, 'unknown' without a readable createdAt. */
export function createdBucketOf(deal: CreatedDeal, frame: WeekFrame, dashboard: Pick<DashboardConfig, 'timeZone' | 'weekStart'>): CreatedBucket | null | 'unknown' {
  if (deal.createdAt === null || deal.createdAt === undefined) return 'unknown';
  const at = new Date(deal.createdAt);
  if (Number.isNaN(at.getTime())) return 'unknown';
  const week = weekInFrame(frame, at, dashboard.timeZone, dashboard.weekStart);
  if (week === null) return null;
  return { week, currencyCode: normaliseCurrency(deal.currencyCode), count: 1, amountMicros: deal.amountMicros ?? 0n };
}

const keyOf = (b: Pick<CreatedBucket, 'week' | 'currencyCode'>) => JSON.stringify([b.week, b.currencyCode]);

/** Adds buckets with the same week and currency; drops empty ones; a stable order. */
export function mergeCreated(buckets: Iterable<CreatedBucket>): CreatedBucket[] {
  const byKey = new Map<string, CreatedBucket>();
  for (const b of buckets) {
    const seen = byKey.get(keyOf(b));
    if (seen) {
      seen.count += b.count;
      seen.amountMicros += b.amountMicros;
    } else byKey.set(keyOf(b), { ...b });
  }
  return [...byKey.values()]
    .filter((b) => b.count !== 0 || b.amountMicros !== 0n)
    .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

/** Buckets records read with their createdAt; one outside the frame means the server ignored the filter. */
export function bucketCreated(deals: Iterable<CreatedDeal>, frame: WeekFrame, dashboard: Pick<DashboardConfig, 'timeZone' | 'weekStart'>): CreatedBucket[] {
  const buckets: CreatedBucket[] = [];
  for (const deal of deals) {
    const bucket = createdBucketOf(deal, frame, dashboard);
    if (bucket === null || bucket === 'unknown') throw new TwentyError('upstream_error', `a deal created at "${deal.createdAt ?? ''}" came back outside the trend's weeks`);
    buckets.push(bucket);
  }
  return mergeCreated(buckets);
}

/** What a trend reader needs besides the strategy context. */
export type CreatedRequest = { frame: WeekFrame; parts: FilterPart[] };
