import type { LocalCache, SnapshotSource } from '@/lib/cache/types';
import { createBridge } from '@/lib/cache/cluster/bridge';
import { newStats, resolveOptions, type ClusterContext, type ClusterSourceOptions, type ClusterStats } from '@/lib/cache/cluster/cluster-context';
import { createCoordinatedLoad } from '@/lib/cache/cluster/coordinated-load';
import { createBus } from '@/lib/cache/redis/bus';
import { createRefreshLock } from '@/lib/cache/redis/lock';
import { createSnapshotStore } from '@/lib/cache/redis/snapshot-store';

// The snapshot cache's source when instances share one Redis. A load runs once per dashboard
// across all instances (the others reuse what it stored); exact updates and invalidations made
// here reach the others; snapshots stored by others reach this cache (and so its SSE
// subscribers) through the bus. With Redis gone, every path falls back to loading here, and the
// first reconnect refreshes each dashboard through the lock.

export type ClusterSource = SnapshotSource & {
  /** Joins the bus (safe to call with Redis down: it joins when Redis comes up). */
  start(): Promise<void>;
  stop(): Promise<void>;
  stats(): ClusterStats & { redisUp: boolean };
};

export type { ClusterSourceOptions, ClusterStats } from '@/lib/cache/cluster/cluster-context';

export function createClusterSource(options: ClusterSourceOptions): ClusterSource {
  const opts = resolveOptions(options);
  const { redis } = opts;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const stats = newStats();
  const freshAfter = new Map<string, number>();
  const peerWaiters = new Map<string, Set<() => void>>();
  let local: LocalCache | undefined;
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
    local: () => local,
    freshAfter: (slug) => freshAfter.get(slug) ?? 0,
    share: (...args) => bridge.share(...args),
    onPeerChange(slug, wake) {
      const set = peerWaiters.get(slug) ?? new Set();
      peerWaiters.set(slug, set);
      set.add(wake);
      return () => set.delete(wake);
    },
  };
  const bridge = createBridge(ctx);
  const coordinatedLoad = createCoordinatedLoad(ctx);

  const unsubscribeBus = ctx.bus.subscribe((event) => {
    if (event.type === 'changed') for (const wake of [...(peerWaiters.get(event.slug) ?? [])]) wake();
    bridge.onBusEvent(event);
  });

  function resync(since: number): void {
    stats.resyncs += 1;
    void ctx.bus.start().catch(() => {});
    // Whatever any instance loaded during the outage may be out of date; one refresh per dashboard,
    // through the lock, puts every instance back on the same snapshot.
    for (const slug of local?.slugs() ?? []) {
      freshAfter.set(slug, since);
      local?.refresh(slug);
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
      bridge.loading.set(slug, (bridge.loading.get(slug) ?? 0) + 1);
      try {
        return await coordinatedLoad(slug);
      } finally {
        bridge.loading.set(slug, (bridge.loading.get(slug) ?? 1) - 1);
      }
    },
    invalidate(slug, here) {
      if (!redis.isUp()) return here();
      void (async () => {
        try {
          // Bumped before the message goes out, so every load it triggers reads the new generation.
          const generation = await ctx.store.bumpGeneration(slug);
          await ctx.bus.publish({ type: 'invalidate', slug, generation });
        } catch {
          // Redis failed mid-way: the local refresh below still runs (uncoordinated if need be).
        }
        here();
      })();
    },
    published(slug, content, snapshot) {
      void bridge
        .share(slug, { ...content, asOf: snapshot.asOf }, snapshot.version, { generation: 'current', loadedAt: 'previous' })
        .then((newer) => newer && bridge.show(slug, newer));
    },
    connect(cache) {
      local = cache;
    },
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
