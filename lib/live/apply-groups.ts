import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { DealGroup, FetchStrategy } from '@/lib/pipeline/types';
import { isPriced } from '@/lib/pipeline/group-totals';
import type { RecordState } from '@/lib/live/record-state';
import { totalledByConfig } from '@/lib/twenty/currency-classes';
import { addToGroup, dealGroupOf, groupKeyOf, monthSpanOf, settleGroups, type MonthSpan } from '@/lib/twenty/group-deals';

// Moves one deal between the stage × currency × month buckets a fetch produced. Where a deal
// lands is lib/twenty's rule (group-deals.ts dealGroupOf, with the months the fetch's strategy
// names); what is decided here is only whether the move is provably exact: the deal must be
// where we think the data counted it, and a new bucket must carry amountCount only if the
// fetch's would have. null = cannot be done exactly.

export type GroupFrame = {
  strategy: FetchStrategy;
  dashboard: DashboardConfig;
  /** The `now` the data was fetched with (the month window depends on it). */
  fetchedNow: Date;
};

/** Whether a new bucket at this place would carry amountCount; undefined when nothing says. */
function newBucketCountsAmounts(groups: readonly DealGroup[], bucket: DealGroup, frame: GroupFrame): boolean | undefined {
  if (frame.strategy === 'paging') return true;
  let peers: readonly DealGroup[] = groups;
  if (frame.strategy === 'aggregate') {
    // Only the per-stage remainders come from aggregate totals; every other bucket was paged.
    const remainder = (g: DealGroup) => g.closeMonth === null && totalledByConfig(g.currencyCode, frame.dashboard);
    if (!remainder(bucket)) return true;
    peers = groups.filter(remainder);
  }
  if (peers.length === 0) return undefined;
  const withCount = peers.filter((g) => g.amountCount !== undefined).length;
  if (withCount === peers.length) return true;
  return withCount === 0 ? false : undefined;
}

function oneDeal(state: RecordState, frame: GroupFrame, span: MonthSpan | null): DealGroup {
  return dealGroupOf(state, frame.dashboard.timeZone, span);
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
  const span = monthSpanOf(frame.strategy, frame.dashboard, frame.fetchedNow);
  const byKey = new Map(groups.map((g) => [groupKeyOf(g), { ...g }]));
  if (previous) {
    const leaving = oneDeal(previous, frame, span);
    const group = byKey.get(groupKeyOf(leaving));
    // The data never counted it where we think it did: only a refresh can say what it holds.
    if (!group || group.count < 1) return null;
    if (group.amountCount !== undefined && isPriced(previous.amountMicros) && group.amountCount < 1) return null;
    addToGroup(group, leaving, -1);
  }
  if (next) {
    const arriving = oneDeal(next, frame, span);
    const group = byKey.get(groupKeyOf(arriving));
    if (group) addToGroup(group, arriving);
    else {
      const countsAmounts = newBucketCountsAmounts(groups, arriving, frame);
      if (countsAmounts === undefined) return null;
      if (!countsAmounts) delete arriving.amountCount;
      byKey.set(groupKeyOf(arriving), arriving);
    }
  }
  return settleGroups(byKey.values());
}
