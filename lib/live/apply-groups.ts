import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { DealGroup, FetchStrategy } from '@/lib/pipeline/types';
import type { RecordState } from '@/lib/live/record-state';
import { monthKeyOf, snapshotMonthWindow } from '@/lib/pipeline/zoned';
import { compareGroups, groupKey, normaliseCurrency } from '@/lib/twenty/group-deals';

// Moves one deal between the stage × currency × month buckets a fetch produced, reproducing what
// the same fetch strategy would have built (lib/twenty/strategy-*.ts): the aggregate strategy
// folds known-currency months outside the snapshot window into closeMonth null, and a bucket
// carries amountCount only if the server could count it. null = cannot be done exactly.

export type GroupFrame = {
  strategy: FetchStrategy;
  dashboard: DashboardConfig;
  /** The `now` the data was fetched with (the month window depends on it). */
  fetchedNow: Date;
};

function monthOf(closeDate: string | null, timeZone: string): string | null {
  if (closeDate === null) return null;
  const date = new Date(closeDate);
  return Number.isNaN(date.getTime()) ? null : monthKeyOf(date, timeZone);
}

/** A currency the aggregate strategy totals itself (display, rated, or none); others it pages. */
function totalledByAggregates(currencyCode: string | null, dashboard: DashboardConfig): boolean {
  return currencyCode === null || currencyCode === dashboard.currency || currencyCode in dashboard.rates;
}

function bucketOf(state: RecordState, frame: GroupFrame): { stage: string; currencyCode: string | null; closeMonth: string | null } {
  const { dashboard } = frame;
  const currencyCode = normaliseCurrency(state.currencyCode);
  let closeMonth = monthOf(state.closeDate, dashboard.timeZone);
  if (frame.strategy === 'aggregate' && closeMonth !== null && totalledByAggregates(currencyCode, dashboard)) {
    const window = snapshotMonthWindow(frame.fetchedNow, dashboard.timeZone, dashboard.period);
    if (closeMonth < window.first || closeMonth > window.last) closeMonth = null;
  }
  return { stage: state.stage, currencyCode, closeMonth };
}

/** Whether a new bucket at this place would carry amountCount; undefined when nothing says. */
function newBucketCountsAmounts(groups: readonly DealGroup[], bucket: Omit<DealGroup, 'count' | 'amountMicros'>, frame: GroupFrame): boolean | undefined {
  if (frame.strategy === 'paging') return true;
  let peers: readonly DealGroup[] = groups;
  if (frame.strategy === 'aggregate') {
    // Only the per-stage remainders come from aggregate totals; every other bucket was paged.
    const remainder = bucket.closeMonth === null && totalledByAggregates(bucket.currencyCode, frame.dashboard);
    if (!remainder) return true;
    peers = groups.filter((g) => g.closeMonth === null && totalledByAggregates(g.currencyCode, frame.dashboard));
  }
  if (peers.length === 0) return undefined;
  const withCount = peers.filter((g) => g.amountCount !== undefined).length;
  if (withCount === peers.length) return true;
  return withCount === 0 ? false : undefined;
}

/**
 * The buckets after `previous` (the deal as the data counted it, or null if not counted) became
 * `next` (null if it no longer counts). Sorted and pruned like lib/twenty mergeGroups.
 */
export function moveBetweenGroups(
  groups: readonly DealGroup[],
  previous: RecordState | null,
  next: RecordState | null,
  frame: GroupFrame,
): DealGroup[] | null {
  const byKey = new Map(groups.map((g) => [groupKey(g.stage, g.currencyCode, g.closeMonth), { ...g }]));
  if (previous) {
    const bucket = bucketOf(previous, frame);
    const group = byKey.get(groupKey(bucket.stage, bucket.currencyCode, bucket.closeMonth));
    // The data never counted it where we think it did: only a refresh can say what it holds.
    if (!group || group.count < 1) return null;
    if (group.amountCount !== undefined && previous.amountMicros !== null && group.amountCount < 1) return null;
    group.count -= 1;
    group.amountMicros -= previous.amountMicros ?? 0n;
    if (group.amountCount !== undefined) group.amountCount -= previous.amountMicros === null ? 0 : 1;
  }
  if (next) {
    const bucket = bucketOf(next, frame);
    const key = groupKey(bucket.stage, bucket.currencyCode, bucket.closeMonth);
    const amountCount = next.amountMicros === null ? 0 : 1;
    const group = byKey.get(key);
    if (group) {
      group.count += 1;
      group.amountMicros += next.amountMicros ?? 0n;
      if (group.amountCount !== undefined) group.amountCount += amountCount;
    } else {
      const countsAmounts = newBucketCountsAmounts(groups, bucket, frame);
      if (countsAmounts === undefined) return null;
      const created: DealGroup = { ...bucket, count: 1, amountMicros: next.amountMicros ?? 0n };
      if (countsAmounts) created.amountCount = amountCount;
      byKey.set(key, created);
    }
  }
  return [...byKey.values()].filter((g) => g.count !== 0 || g.amountMicros !== 0n).sort(compareGroups);
}
