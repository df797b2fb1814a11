import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { CreatedWeeks, PipelineData } from '@/lib/pipeline/types';
import { matchesScope } from '@/lib/live/filter-match';
import { weekKeyOf } from '@/lib/pipeline/weeks';
import type { RecordState } from '@/lib/live/record-state';
import { createdBucketOf, frameOfWeeks, mergeCreated, trendScopeOf } from '@/lib/twenty/created-weeks';

// Moves one deal in the new-pipeline trend a fetch produced. Whether a deal counts and where it
// lands are lib/twenty's rules (created-weeks.ts, the same the fetch filtered and bucketed by);
// what is decided here is only whether the move is provably exact. The weeks are the fetch's: a
// week that has rolled over since is a different time frame, which refreshes (filter-match.ts).
// null = cannot be done exactly.

type Side = { state: RecordState | null };

export function moveCreated(
  created: CreatedWeeks,
  previous: Side,
  next: Side,
  dashboard: DashboardConfig,
  opts: { now: Date; knownStages: ReadonlySet<string>; fetched: Pick<PipelineData, 'view'> },
): CreatedWeeks | null {
  const frame = frameOfWeeks(created.weeks, dashboard.timeZone);
  // Weeks read by a peer before the week rolled over, adopted after it: only a fetch moves them.
  if (!frame || created.weeks.at(-1) !== weekKeyOf(opts.now, dashboard.timeZone, dashboard.weekStart)) return null;
  const scope = trendScopeOf(dashboard, opts.now, opts.fetched);
  const bucketOf = (state: RecordState | null) => {
    if (state === null) return null;
    const match = matchesScope(state, scope, opts.knownStages);
    if (match === 'unknown') return 'unknown';
    return match ? createdBucketOf(state, frame, dashboard) : null;
  };
  const leaving = bucketOf(previous.state);
  const arriving = bucketOf(next.state);
  if (leaving === 'unknown' || arriving === 'unknown') return null;
  if (leaving === null && arriving === null) return created;
  if (leaving) {
    // The data never counted it where we think it did: only a refresh can say what it holds.
    const counted = created.buckets.find((b) => b.week === leaving.week && b.currencyCode === leaving.currencyCode);
    if (!counted || counted.count < 1) return null;
  }
  const removal = leaving ? [{ ...leaving, count: -1, amountMicros: -leaving.amountMicros }] : [];
  return { weeks: created.weeks, buckets: mergeCreated([...created.buckets, ...removal, ...(arriving ? [arriving] : [])]) };
}
