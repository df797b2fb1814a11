export { createSnapshotCache } from '@/lib/cache/snapshot-cache';
export type { CacheRead, DashboardStatus, LoadedContent, SnapshotCache, SnapshotCacheOptions, SnapshotListener } from '@/lib/cache/types';
