// Public face of lib/cache: one snapshot per dashboard, from a local or a cluster source.
export { createSnapshotCache } from '@/lib/cache/snapshot-cache';
export { localSource } from '@/lib/cache/local-source';
export type { CacheRead, DashboardStatus, LoadedContent, Loader, LocalCache, ReadObserver, SnapshotCache, SnapshotCacheOptions, SnapshotListener, SnapshotSource } from '@/lib/cache/types';
