import type { ReadObserver } from '@/lib/cache';

// Which dashboards someone is looking at: a JSON/page read marks it read, an open SSE stream
// keeps it read for as long as it is open. Reconciliation only spends calls on those.

export type ReadTracker = ReadObserver & {
  /** Read since `sinceMs` (epoch ms), or watched over SSE right now. */
  inUse(slug: string, sinceMs: number): boolean;
};

export function createReadTracker(now: () => number = Date.now): ReadTracker {
  const lastReadAt = new Map<string, number>();
  const watchers = new Map<string, number>();
  return {
    read: (slug) => lastReadAt.set(slug, now()),
    watch(slug) {
      watchers.set(slug, (watchers.get(slug) ?? 0) + 1);
      return () => {
        lastReadAt.set(slug, now());
        watchers.set(slug, Math.max(0, (watchers.get(slug) ?? 1) - 1));
      };
    },
    inUse: (slug, sinceMs) => (watchers.get(slug) ?? 0) > 0 || (lastReadAt.get(slug) ?? -Infinity) >= sinceMs,
  };
}
