import type { LoadedContent, SnapshotCache } from '@/lib/cache';
import { createBridge } from '@/lib/cache/cluster/bridge';
import { newStats, resolveOptions, type ClusterContext, type ClusterCoordinatorOptions, type ClusterStats } from '@/lib/cache/cluster/cluster-context';
import { createCoordinatedLoad } from '@/lib/cache/cluster/coordinated-load';
import { createBus } from '@/lib/cache/redis/bus';
import { createRefreshLock } from '@/lib/cache/redis/lock';
import { createSnapshotStore } from '@/lib/cache/redis/snapshot-store';
import type { PipelineData } from '@/lib/pipeline/types';

// Makes one process's SnapshotCache cluster-aware. The cache loads through `load` (one upstream
// refresh per dashboard across all instances); the cache returned by `attach` shares exact
// updates and invalidations with the other instances; snapshots stored by others reach the local
// cache (and so its SSE subscribers) through the bus. With Redis gone, every path falls back to
// the plain in-memory behaviour, and the first reconnect refreshes each dashboard through the lock.

export type ClusterCoordinator = {
  /** Pass to createSnapshotCache as its `load`. */
  load: (slug: string) => Promise<LoadedContent>;
  /** Wraps the cache built with `load`; use the returned cache everywhere (realtime, routes). */
  attach(cache: SnapshotCache): SnapshotCache;
  /**
   * Wraps the app's upstream fetch (the realtime engine's fetchData). Optional but recommended:
   * an instance that takes a peer's snapshot then still builds its realtime state from the same
   * data, without an upstream call, so webhooks it receives apply exactly.
   */
  fetchData<D extends { slug: string }>(fetch: (dashboard: D, now: Date) => Promise<PipelineData>): (dashboard: D, now: Date) => Promise<PipelineData>;
  /** Marks the dashboard out of date on every instance; one of them refreshes it. */
  invalidate(slug: string): void;
  /** Joins the bus (safe to call with Redis down: it joins when Redis comes up). */
  start(): Promise<void>;
  stop(): Promise<void>;
  stats(): ClusterStats & { redisUp: boolean };
};

export type { ClusterCoordinatorOptions, ClusterStats } from '@/lib/cache/cluster/cluster-context';

export function createClusterCoordinator(options: ClusterCoordinatorOptions): ClusterCoordinator {
  const opts = resolveOptions(options);
  const { redis } = opts;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const stats = newStats();
  const freshAfter = new Map<string, number>();
  /** Dashboards showing a peer's snapshot while the local realtime state is older (fetch wrapped, no onAdopt). */
  const staleBasis = new Set<string>();
  const tracked = new Set<string>();
  const peerWaiters = new Map<string, Set<() => void>>();
  const handOver = new Map<string, PipelineData>();
  const lastFetched = new Map<string, PipelineData>();
  let fetchWrapped = false;
  let cache: SnapshotCache | undefined;
  let downSince: number | undefined;

  const ctx: ClusterContext = {
    redis,
    store: createSnapshotStore(redis),
    lock: createRefreshLock(redis),
    bus: createBus(redis, opts.instanceId),
    opts,
    stats,
    now,
    log,
    freshAfter: (slug) => freshAfter.get(slug) ?? 0,
    basisFresh: (slug) => staleBasis.delete(slug),
    adopted(slug, stored) {
      if (opts.onAdopt) opts.onAdopt(stored);
      // Only an app whose fetch is wrapped has realtime state built from fetched data to fall behind.
      else if (fetchWrapped) staleBasis.add(slug);
    },
    share: (...args) => bridge.share(...args),
    onPeerChange(slug, wake) {
      const set = peerWaiters.get(slug) ?? new Set();
      peerWaiters.set(slug, set);
      set.add(wake);
      return () => set.delete(wake);
    },
    handOver,
    lastFetched,
    fetchWrapped: () => fetchWrapped,
  };
  const bridge = createBridge(ctx, () => cache);
  const coordinatedLoad = createCoordinatedLoad(ctx);

  const unsubscribeBus = ctx.bus.subscribe((event) => {
    if (event.type === 'changed') for (const wake of [...(peerWaiters.get(event.slug) ?? [])]) wake();
    bridge.onBusEvent(event);
  });

  function invalidate(slug: string): void {
    tracked.add(slug);
    const target = cache;
    if (!target) return;
    if (!redis.isUp()) return target.invalidate(slug);
    void (async () => {
      try {
        // Bumped before the message goes out, so every load it triggers reads the new generation.
        const generation = await ctx.store.bumpGeneration(slug);
        await ctx.bus.publish({ type: 'invalidate', slug, generation });
      } catch {
        // Redis failed mid-way: the local refresh below still runs (uncoordinated if need be).
      }
      target.invalidate(slug);
    })();
  }

  function resync(since: number): void {
    stats.resyncs += 1;
    void ctx.bus.start().catch(() => {});
    // Whatever any instance loaded during the outage may be out of date; one refresh per dashboard,
    // through the lock, puts every instance back on the same snapshot.
    for (const slug of tracked) {
      freshAfter.set(slug, since);
      cache?.invalidate(slug);
    }
  }

  const unsubscribeState = redis.onStateChange((up) => {
    if (!up) {
      downSince ??= now();
      log('cluster: redis unavailable, serving from memory and loading directly');
      return;
    }
    void ctx.bus.start().catch(() => {});
    if (downSince === undefined) return;
    const since = downSince;
    downSince = undefined;
    log('cluster: redis back, resyncing');
    resync(since);
  });

  return {
    async load(slug) {
      tracked.add(slug);
      bridge.loading.set(slug, (bridge.loading.get(slug) ?? 0) + 1);
      try {
        return await coordinatedLoad(slug);
      } finally {
        bridge.loading.set(slug, (bridge.loading.get(slug) ?? 1) - 1);
      }
    },
    attach(target) {
      cache = target;
      return {
        ...target,
        invalidate,
        get(slug) {
          tracked.add(slug);
          return target.get(slug);
        },
        set(slug, content) {
          tracked.add(slug);
          const shown = target.peek(slug);
          if (shown && staleBasis.has(slug)) {
            // The update was computed on realtime state older than the peer snapshot on screen.
            stats.exactUpdatesAsRefresh += 1;
            invalidate(slug);
            return shown;
          }
          const snapshot = target.set(slug, content);
          void bridge
            .share(slug, { ...content, asOf: snapshot.asOf }, snapshot.version, { generation: 'current', loadedAt: 'previous' })
            .then((newer) => newer && bridge.show(slug, newer));
          return snapshot;
        },
      };
    },
    fetchData(fetch) {
      fetchWrapped = true;
      return async (dashboard, at) => {
        const handed = handOver.get(dashboard.slug);
        if (handed) {
          handOver.delete(dashboard.slug);
          return handed;
        }
        const data = await fetch(dashboard, at);
        lastFetched.set(dashboard.slug, data);
        return data;
      };
    },
    invalidate,
    async start() {
      await ctx.bus.start().catch(() => log('cluster: bus not joined yet (redis down); will join when it is up'));
    },
    async stop() {
      unsubscribeBus();
      unsubscribeState();
      await ctx.bus.stop();
    },
    stats: () => ({ ...stats, redisUp: redis.isUp() }),
  };
}
