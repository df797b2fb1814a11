import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { TickerItem } from '@/lib/pipeline/types';
import { applyBatch } from '@/lib/live/apply-batch';
import type { DashboardFeed, RealtimeStats } from '@/lib/live/feed';
import type { LagMeter } from '@/lib/live/lag';

// One batch of a dashboard's deliveries: applied exactly where provable and published at once;
// the rest wait for one (scheduled) refresh.

/** Beyond this many waiting deliveries (a storm during a very long load), a refresh covers them all. */
export const MAX_PENDING = 10_000;

export type FlushDeps = {
  dashboard: DashboardConfig;
  now: number;
  clockSkewMs: number;
  stats: RealtimeStats;
  lag: LagMeter;
  /** The ticker the cache's snapshot carries now. */
  publishedTicker: readonly TickerItem[] | undefined;
  requestRefresh: () => void;
  publish: () => void;
};

const idsOf = (items: readonly { id: string }[] | undefined) => (items ?? []).map((i) => i.id).join(',');

export function flushFeed(feed: DashboardFeed, deps: FlushDeps): void {
  // A load in flight will replace the basis; its end flushes again.
  if (feed.loading > 0 || !feed.basis) return;
  const pending = feed.pending;
  feed.pending = [];
  const result = pending.length > 0 ? applyBatch(feed.basis, pending, deps.dashboard, { now: new Date(deps.now), clockSkewMs: deps.clockSkewMs }) : null;
  if (result) {
    deps.stats.applied += result.applied.length;
    deps.stats.reflected += result.reflected;
    for (const { reason, transition } of result.refresh) {
      deps.stats.refreshReasons[reason] = (deps.stats.refreshReasons[reason] ?? 0) + 1;
      if (transition.receivedAt !== undefined) feed.awaitingRefresh.push(transition.receivedAt);
    }
    feed.basis = result.basis;
    if (result.refresh.length > 0) deps.requestRefresh();
  }
  if (result?.changed || idsOf(deps.publishedTicker) !== idsOf(feed.ticker)) {
    deps.publish();
    for (const t of result?.applied ?? []) if (t.receivedAt !== undefined) deps.lag.record(deps.now - t.receivedAt);
  }
}

/** Keeps a storm during a long load from growing memory: past MAX_PENDING, a refresh covers all. */
export function overflowed(feed: DashboardFeed): boolean {
  if (feed.pending.length < MAX_PENDING) return false;
  for (const t of feed.pending) if (t.receivedAt !== undefined) feed.awaitingRefresh.push(t.receivedAt);
  feed.pending = [];
  return true;
}
