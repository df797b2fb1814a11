import type { LoadedContent, SnapshotCache } from '@/lib/cache';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { PipelineData, SnapshotContent } from '@/lib/pipeline/types';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import type { Basis } from '@/lib/live/exact-update';
import { timeFrameOf } from '@/lib/live/filter-match';
import { createMetadataWatch } from '@/lib/live/metadata-watch';
import { createReconciler } from '@/lib/live/reconciler';
import { createReadTracker } from '@/lib/live/read-tracking';
import type { RealtimeEngine, RealtimeOptions } from '@/lib/live/engine-types';
import { createRecordMemory } from '@/lib/live/record-memory';
import { createRefreshScheduler } from '@/lib/live/refresh-scheduler';
import { newFeed, newStats, type DashboardFeed } from '@/lib/live/feed';
import { flushFeed, overflowed } from '@/lib/live/flush';
import { createLagMeter } from '@/lib/live/lag';
import { routeDelivery } from '@/lib/live/route-delivery';
import { addToTicker } from '@/lib/live/ticker';

// From webhook to snapshot. Every load of a dashboard goes through `load` here, which keeps the
// PipelineData the snapshot was built from; deliveries are applied to that data exactly when
// that is provable (no upstream call), otherwise they are coalesced into budgeted refreshes.
// The load path is cache → source (local or cluster) → this engine → lib/twenty, wired once
// in lib/server/context.ts.

export type { RealtimeEngine, RealtimeOptions } from '@/lib/live/engine-types';

export function createRealtimeEngine(opts: RealtimeOptions): RealtimeEngine {
  const now = opts.now ?? Date.now;
  const clockSkewMs = opts.clockSkewMs ?? 1_000;
  const batchMs = opts.batchMs ?? 50;
  const memory = createRecordMemory(opts.recordMemoryMax ?? 50_000);
  const stats = newStats();
  const lag = createLagMeter();
  const feeds = new Map<string, DashboardFeed>([...opts.dashboards.keys()].map((slug) => [slug, newFeed(slug)]));
  let cache: SnapshotCache | undefined;
  const reads = createReadTracker(now);

  const dashboardOf = (slug: string): DashboardConfig => {
    const dashboard = opts.dashboards.get(slug);
    if (!dashboard) throw new Error(`unknown dashboard ${slug}`);
    return dashboard;
  };

  const scheduler = createRefreshScheduler({
    debounceMs: opts.debounceMs ?? 150,
    budget: opts.budget,
    now,
    isLoading: (slug) => (feeds.get(slug)?.loading ?? 0) > 0,
    callsPerRefresh: (slug) => feeds.get(slug)?.callsPerRefresh ?? 1,
    start: (slug) => {
      stats.refreshesStarted += 1;
      cache?.invalidate(slug);
    },
  });
  const reconciler = createReconciler({
    slugs: () => feeds.keys(),
    inUse: (slug, since) => reads.inUse(slug, since),
    request: (slug) => scheduler.request(slug),
    intervalMs: opts.reconcileIntervalMs,
    afterErrorMs: opts.reconcileAfterErrorMs ?? Math.min(15_000, opts.reconcileIntervalMs),
    now,
  });

  const metadataWatch = createMetadataWatch({
    slugs: () => feeds.keys(),
    inUse: (slug, since) => reads.inUse(slug, since),
    dataOf: (slug) => feeds.get(slug)?.basis?.data,
    busy: (slug) => (feeds.get(slug)?.loading ?? 0) > 0 || scheduler.isPending(slug),
    // Half the burst stays for viewers' loads and webhook refreshes; a pass can wait an interval.
    canSpend: ({ pausedUntil, available, burst } = opts.budget.stats()) => pausedUntil === null && available >= burst / 2,
    pass: () => {
      const pass = opts.metadataWatch?.pass();
      return async (slug, data) => (pass ? pass.changeOf(dashboardOf(slug), data) : null);
    },
    request: (slug) => scheduler.request(slug),
    intervalMs: opts.metadataWatch?.intervalMs ?? 0,
    now,
  });

  function contentOf(feed: DashboardFeed, basis: Basis, at: Date): SnapshotContent {
    return { ...buildSnapshotContent(basis.data, dashboardOf(feed.slug), at, { demo: opts.demo, dealKeys: opts.dealKeys }), ticker: [...feed.ticker] };
  }

  function flush(feed: DashboardFeed): void {
    feed.batchTimer = undefined;
    flushFeed(feed, {
      dashboard: dashboardOf(feed.slug),
      now: now(),
      clockSkewMs,
      stats,
      lag,
      publishedTicker: cache?.peek(feed.slug)?.ticker,
      requestRefresh: () => scheduler.request(feed.slug),
      publish: () => {
        if (!cache || !feed.basis) return;
        if (feed.behind && cache.peek(feed.slug)) {
          stats.exactUpdatesAsRefresh += 1;
          cache.invalidate(feed.slug);
          return;
        }
        cache.set(feed.slug, contentOf(feed, feed.basis, new Date(now())));
        stats.exactUpdates += 1;
      },
    });
  }

  function scheduleFlush(feed: DashboardFeed): void {
    if (feed.batchTimer !== undefined) return;
    feed.batchTimer = setTimeout(() => flush(feed), batchMs);
    feed.batchTimer.unref?.();
  }

  /** One load, from the CRM or from data a peer fetched (no upstream call then). */
  async function loadFrom(slug: string, fetchData: (dashboard: DashboardConfig, at: Date) => Promise<PipelineData>): Promise<LoadedContent> {
    const feed = feeds.get(slug);
    const dashboard = dashboardOf(slug);
    if (!feed) throw new Error(`unknown dashboard ${slug}`);
    feed.loading += 1;
    feed.behind = false;
    stats.loads += 1;
    const loadStartedAt = now();
    const fetchedNow = new Date(loadStartedAt);
    const callsBefore = opts.budget.stats().acquired;
    // Every delivery waiting for a refresh arrived before this fetch, so the fetch holds it.
    const covered = feed.awaitingRefresh;
    feed.awaitingRefresh = [];
    let succeeded = false;
    try {
      const data = await fetchData(dashboard, fetchedNow);
      feed.callsPerRefresh = Math.max(1, opts.budget.stats().acquired - callsBefore);
      feed.basis = { data, fetchedNow, loadStartedAt, loadFinishedAt: now(), frame: timeFrameOf(dashboard, fetchedNow), applied: new Map() };
      succeeded = true;
      return { ...contentOf(feed, feed.basis, fetchedNow), asOf: data.fetchedAt };
    } catch (error) {
      stats.loadFailures += 1;
      feed.awaitingRefresh.unshift(...covered);
      reconciler.upstreamFailed(slug);
      throw error;
    } finally {
      feed.loading -= 1;
      // Runs after the cache has published this load (it does so in the microtasks that follow).
      setTimeout(() => {
        if (succeeded) for (const at of covered) lag.record(now() - at);
        scheduler.loadFinished(slug);
        scheduleFlush(feed);
      }, 0).unref?.();
    }
  }

  return {
    load: (slug) => loadFrom(slug, opts.fetchData),
    basis: {
      loadFrom: (slug, data) => loadFrom(slug, async () => data),
      dataOf: (slug) => feeds.get(slug)?.basis?.data,
      behind(slug) {
        const feed = feeds.get(slug);
        if (feed) feed.behind = true;
      },
    },
    reads,
    connect(target) {
      cache = target;
    },
    accept(event, createdAt = null) {
      stats.received += 1;
      const routed = routeDelivery(event, createdAt, memory, feeds.values(), (slug) => opts.dashboards.get(slug), new Date(now()), opts.dealKeys);
      if (routed.ignored) stats.ignored[routed.ignored] += 1;
      const refreshes = [...routed.refresh.map((slug) => ({ slug, reason: routed.refreshReason ?? 'company' })), ...(routed.boards ?? []).map((slug) => ({ slug, reason: 'board' as const }))];
      for (const { slug, reason } of refreshes) {
        stats.refreshReasons[reason] = (stats.refreshReasons[reason] ?? 0) + 1;
        scheduler.request(slug);
      }
      for (const { feed, transition, tickerItem } of routed.perDashboard) {
        if (tickerItem) feed.ticker = addToTicker(feed.ticker, tickerItem);
        if (transition && (feed.basis || feed.loading > 0)) feed.pending.push(transition);
        if (overflowed(feed)) scheduler.request(feed.slug);
        if (transition || tickerItem) scheduleFlush(feed);
      }
    },
    startReconciler() {
      reconciler.start();
      metadataWatch.start();
    },
    stop() {
      reconciler.stop();
      metadataWatch.stop();
      scheduler.stop();
      for (const feed of feeds.values()) if (feed.batchTimer !== undefined) clearTimeout(feed.batchTimer);
    },
    stats: () => ({ ...stats, metadataChanges: metadataWatch.changes(), scheduler: scheduler.stats(), memorySize: memory.size(), lag: lag.summary() }),
    isSettled: () =>
      [...feeds.values()].every((f) => f.loading === 0 && f.pending.length === 0 && f.batchTimer === undefined && !scheduler.isPending(f.slug)),
  };
}
