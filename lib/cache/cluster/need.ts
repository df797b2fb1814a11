import type { StoredSnapshot } from '@/lib/cache/redis/snapshot-store';

/** What a loading instance must see in Redis before it may reuse it instead of loading. */
export type Need = { generation: number; loadedSince: number };

export function acceptable(stored: StoredSnapshot | null, need: Need): stored is StoredSnapshot {
  return stored !== null && stored.generation >= need.generation && stored.loadedAt >= need.loadedSince;
}
