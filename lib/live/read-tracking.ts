import type { SnapshotCache } from '@/lib/cache';

// Which dashboards someone is looking at: a JSON/page read marks it read, an open SSE stream
// keeps it read for as long as it is open. Reconciliation only spends calls on those.

export type ReadTracker = {
  cache: SnapshotCache;
  /** Read since `sinceMs` (epoch ms), or watched over SSE right now. */
  inUse(slug: string, sinceMs: number): boolean;
};

export function trackReads(cache: SnapshotCache, now: () => number = Date.now): ReadTracker {
  const lastReadAt = new Map<string, number>();
  const watchers = new Map<string, number>();

  const tracked: SnapshotCache = {
    ...cache,
    get(slug) {
      lastReadAt.set(slug, now());
      return cache.get(slug);
    },
    subscribe(slug, listener) {
      watchers.set(slug, (watchers.get(slug) ?? 0) + 1);
      const unsubscribe = cache.subscribe(slug, listener);
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        lastReadAt.set(slug, now());
        watchers.set(slug, Math.max(0, (watchers.get(slug) ?? 1) - 1));
        unsubscribe();
      };
    },
  };

  return {
    cache: tracked,
    inUse: (slug, sinceMs) => (watchers.get(slug) ?? 0) > 0 || (lastReadAt.get(slug) ?? -Infinity) >= sinceMs,
  };
}
