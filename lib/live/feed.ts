import type { TickerItem } from '@/lib/pipeline/types';
import type { Basis, RefreshReason, Transition } from '@/lib/live/exact-update';
import type { LagSummary } from '@/lib/live/lag';
import type { RefreshSchedulerStats } from '@/lib/live/refresh-scheduler';

// Per-dashboard real-time state, and the counters the engine reports (health, benchmarks).

export type DashboardFeed = {
  slug: string;
  /** The data behind the current snapshot; undefined until the first successful load. */
  basis: Basis | undefined;
  /** Loads in flight (the cache runs at most one per dashboard). */
  loading: number;
  ticker: TickerItem[];
  /** Deliveries waiting for the next batch. */
  pending: Transition[];
  batchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Upstream calls the last load took: what a refresh must find free in the budget. */
  callsPerRefresh: number;
  /** Arrival times (ms) of deliveries only a refresh can apply (for the lag figures). */
  awaitingRefresh: number[];
  /**
   * The snapshot on screen came from another instance and the basis here predates it: an exact
   * update computed on this basis would undo the peer's, so deliveries become a refresh instead.
   */
  behind: boolean;
};

export function newFeed(slug: string): DashboardFeed {
  return { slug, basis: undefined, loading: 0, ticker: [], pending: [], batchTimer: undefined, callsPerRefresh: 1, awaitingRefresh: [], behind: false };
}

/** Why dashboards are refreshed outright (not per delivery): a company's name, a hard delete. */
export type OutrightRefresh = 'company' | 'destroyed' | 'board';

export type IgnoredReason = 'irrelevant' | 'older' | 'duplicate' | 'after_destroy';

export type RealtimeStats = {
  received: number;
  ignored: Record<IgnoredReason, number>;
  /** Deliveries applied to a snapshot with no upstream call. */
  applied: number;
  /** Deliveries the data already held (the fetch started after the change). */
  reflected: number;
  refreshReasons: Partial<Record<RefreshReason | OutrightRefresh, number>>;
  /** Refreshes the metadata watch asked for, by what changed (stage options, a view). */
  metadataChanges?: Record<string, number>;
  refreshesStarted: number;
  exactUpdates: number;
  /** Exact updates turned into refreshes because the basis was behind a peer's snapshot. */
  exactUpdatesAsRefresh: number;
  loads: number;
  loadFailures: number;
  scheduler?: RefreshSchedulerStats;
  memorySize?: number;
  /** Delivery arrival → snapshot that holds it. */
  lag?: LagSummary;
};

export function newStats(): RealtimeStats {
  return {
    received: 0,
    ignored: { irrelevant: 0, older: 0, duplicate: 0, after_destroy: 0 },
    applied: 0,
    reflected: 0,
    refreshReasons: {},
    refreshesStarted: 0,
    exactUpdates: 0,
    exactUpdatesAsRefresh: 0,
    loads: 0,
    loadFailures: 0,
  };
}
