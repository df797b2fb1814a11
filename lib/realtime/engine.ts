import type { LoadedContent, SnapshotCache } from '@/lib/cache';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { PipelineData, SnapshotContent } from '@/lib/pipeline/types';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import { applyBatch } from '@/lib/realtime/apply-batch';
import type { Basis } from '@/lib/realtime/exact-update';
import { timeFrameOf } from '@/lib/realtime/filter-match';
import { createReconciler } from '@/lib/realtime/reconciler';
import { trackReads, type ReadTracker } from '@/lib/realtime/read-tracking';
import { createRecordMemory } from '@/lib/realtime/record-memory';
import { createRefreshScheduler } from '@/lib/realtime/refresh-scheduler';
import { newStats, recordTicker, type DashboardFeed, type RealtimeStats } from '@/lib/realtime/feed';
import { routeDelivery } from '@/lib/realtime/route-delivery';
import type { CallBudget } from '@/lib/twenty/budget';
import type { WebhookEvent } from '@/lib/webhooks/payload';

// From webhook to snapshot. Every load of a dashboard goes through `load` here, which keeps the
// PipelineData the snapshot was built from; deliveries are applied to that data exactly when
// that is provable (no upstream call), otherwise they are coalesced into budgeted refreshes.

export type RealtimeOptions = {
  dashboards: ReadonlyMap<string, DashboardConfig>;
  fetchData: (dashboard: DashboardConfig, now: Date) => Promise<PipelineData>;
  budget: CallBudget;
  demo: boolean;
  reconcileIntervalMs: number;
  /** Gathers a burst of deliveries into one refresh. */
  debounceMs?: number;
  /** Gathers deliveries that apply exactly into one snapshot update. */
  batchMs?: number;
  /** Allowed difference between Twenty's clock (updatedAt) and ours. */
  clockSkewMs?: number;
  reconcileAfterErrorMs?: number;
  recordMemoryMax?: number;
  now?: () => number;
};

export type RealtimeEngine = {
  /** The cache's load function: fetches, remembers the data, returns the content with the ticker. */
  load(slug: string): Promise<LoadedContent>;
  /** Connects the cache; returns it wrapped so reads are tracked (use the returned one). */
  attach(cache: SnapshotCache): SnapshotCache;
  /** Takes one verified delivery (createdAt: its record's, see created-at.ts); returns at once. */
  accept(event: WebhookEvent, createdAt?: string | null): void;
  startReconciler(): void;
  stop(): void;
  stats(): RealtimeStats;
};

export function createRealtimeEngine(opts: RealtimeOptions): RealtimeEngine {
  const now = opts.now ?? Date.now;
  const exact = { clockSkewMs: opts.clockSkewMs ?? 1_000 };
  const batchMs = opts.batchMs ?? 20;
  const memory = createRecordMemory(opts.recordMemoryMax ?? 50_000);
  const stats = newStats();
  const feeds = new Map<string, DashboardFeed>();
  let cache: SnapshotCache | undefined;
  let reads: ReadTracker | undefined;

  for (const slug of opts.dashboards.keys()) {
    feeds.set(slug, { slug, basis: undefined, loading: 0, ticker: [], pending: [], batchTimer: undefined, callsPerRefresh: 1 });
  }
  const feedOf = (slug: string) => feeds.get(slug);
  const dashboardOf = (slug: string): DashboardConfig => {
    const dashboard = opts.dashboards.get(slug);
    if (!dashboard) throw new Error(`unknown dashboard ${slug}`);
    return dashboard;
  };

  const scheduler = createRefreshScheduler({
    debounceMs: opts.debounceMs ?? 150,
    budget: opts.budget,
    now,
    isLoading: (slug) => (feedOf(slug)?.loading ?? 0) > 0,
    callsPerRefresh: (slug) => feedOf(slug)?.callsPerRefresh ?? 1,
    start: (slug) => {
      stats.refreshesStarted += 1;
      cache?.invalidate(slug);
    },
  });
  const reconciler = createReconciler({
    slugs: () => feeds.keys(),
    inUse: (slug, since) => reads?.inUse(slug, since) ?? false,
    request: (slug) => scheduler.request(slug),
    intervalMs: opts.reconcileIntervalMs,
    afterErrorMs: opts.reconcileAfterErrorMs ?? Math.min(15_000, opts.reconcileIntervalMs),
    now,
  });

  function contentOf(feed: DashboardFeed, basis: Basis, at: Date): SnapshotContent {
    return { ...buildSnapshotContent(basis.data, dashboardOf(feed.slug), at, { demo: opts.demo }), ticker: [...feed.ticker] };
  }

  function publish(feed: DashboardFeed): void {
    if (!cache || !feed.basis || feed.loading > 0) return;
    cache.set(feed.slug, contentOf(feed, feed.basis, new Date(now())));
    stats.exactUpdates += 1;
  }

  function flush(feed: DashboardFeed): void {
    feed.batchTimer = undefined;
    // A load in flight will replace the basis; its end flushes again.
    if (feed.loading > 0) return;
    const pending = feed.pending;
    feed.pending = [];
    if (!feed.basis) return;
    if (scheduler.isPending(feed.slug)) {
      // Made before the coming refresh reads the CRM, which also carries the ticker.
      stats.coveredByRefresh += pending.length;
      return;
    }
    const tickerBehind = tickerIdsOf(cache?.peek(feed.slug)?.ticker) !== tickerIdsOf(feed.ticker);
    const result = pending.length > 0 ? applyBatch(feed.basis, pending, dashboardOf(feed.slug), { ...exact, now: new Date(now()) }) : null;
    if (result?.kind === 'refresh') {
      stats.refreshReasons[result.reason] = (stats.refreshReasons[result.reason] ?? 0) + 1;
      scheduler.request(feed.slug);
      return;
    }
    if (result) {
      stats.applied += result.applied;
      stats.reflected += result.reflected;
      feed.basis = result.basis;
    }
    if (result?.changed || tickerBehind) publish(feed);
  }

  function scheduleFlush(feed: DashboardFeed): void {
    if (feed.batchTimer !== undefined) return;
    feed.batchTimer = setTimeout(() => flush(feed), batchMs);
    feed.batchTimer.unref?.();
  }

  function afterLoad(feed: DashboardFeed): void {
    scheduler.loadFinished(feed.slug);
    scheduleFlush(feed);
  }

  return {
    async load(slug) {
      const feed = feedOf(slug);
      const dashboard = dashboardOf(slug);
      if (!feed) throw new Error(`unknown dashboard ${slug}`);
      feed.loading += 1;
      stats.loads += 1;
      const loadStartedAt = now();
      const fetchedNow = new Date(loadStartedAt);
      const callsBefore = opts.budget.stats().acquired;
      try {
        const data = await opts.fetchData(dashboard, fetchedNow);
        feed.callsPerRefresh = Math.max(1, opts.budget.stats().acquired - callsBefore);
        const basis: Basis = { data, fetchedNow, loadStartedAt, loadFinishedAt: now(), frame: timeFrameOf(dashboard, fetchedNow), applied: new Map() };
        feed.basis = basis;
        return { ...contentOf(feed, basis, fetchedNow), asOf: data.fetchedAt };
      } catch (error) {
        stats.loadFailures += 1;
        reconciler.upstreamFailed(slug);
        throw error;
      } finally {
        feed.loading -= 1;
        // After the cache has published this load (it does so in the microtasks that follow).
        setTimeout(() => afterLoad(feed), 0).unref?.();
      }
    },
    attach(target) {
      reads = trackReads(target, now);
      cache = reads.cache;
      return cache;
    },
    accept(event, createdAt = null) {
      stats.received += 1;
      const routed = routeDelivery(event, createdAt, memory, feeds.values(), (slug) => opts.dashboards.get(slug), new Date(now()));
      if (routed.ignored) stats.ignored[routed.ignored] += 1;
      for (const slug of routed.refresh) {
        stats.refreshReasons.company = (stats.refreshReasons.company ?? 0) + 1;
        scheduler.request(slug);
      }
      for (const { feed, transition, tickerItem } of routed.perDashboard) {
        if (tickerItem) feed.ticker = recordTicker(feed.ticker, tickerItem);
        if (transition && (feed.basis || feed.loading > 0)) feed.pending.push(transition);
        if (transition || tickerItem) scheduleFlush(feed);
      }
    },
    startReconciler: () => reconciler.start(),
    stop() {
      reconciler.stop();
      scheduler.stop();
      for (const feed of feeds.values()) if (feed.batchTimer !== undefined) clearTimeout(feed.batchTimer);
    },
    stats: () => ({ ...stats, scheduler: scheduler.stats(), memorySize: memory.size() }),
  };
}

function tickerIdsOf(items: readonly { id: string }[] | undefined): string {
  return (items ?? []).map((i) => i.id).join(',');
}
