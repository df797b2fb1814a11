import type { LoadedContent, Loader, LocalCache } from '@/lib/cache/types';
import type { Bus } from '@/lib/cache/redis/bus';
import type { RedisConnection } from '@/lib/cache/redis/connection';
import type { RefreshLock } from '@/lib/cache/redis/lock';
import type { SnapshotStore, StoredSnapshot } from '@/lib/cache/redis/snapshot-store';

// The options and the state one cluster source's parts share (load path, bus bridge, resync).

export type ClusterSourceOptions = {
  redis: RedisConnection;
  /** Unique per process, e.g. `${hostname}-${pid}-${random}`; lets an instance ignore its own echoes. */
  instanceId: string;
  /** The real load (in the app: the live engine); runs once per refresh across the cluster. */
  loader: Loader;
  /** A snapshot loaded by any instance less than this long ago is reused (in the app: the cache's ttlMs). */
  reuseWithinMs: number;
  /** Longest a refresh may hold the lock (default 30 s); a dead holder blocks no longer than this. */
  lockTtlMs?: number;
  /** Longest a non-holder waits for the holder's snapshot before loading itself (default lockTtlMs). */
  waitMs?: number;
  /** How often a waiting instance re-reads Redis besides waking on the bus (default 100 ms). */
  pollMs?: number;
  /** How long a failed refresh is shared so waiting instances do not each retry it (default 5 s). */
  failureMemoryMs?: number;
  log?: (line: string) => void;
  now?: () => number;
};

export type ResolvedOptions = Required<Omit<ClusterSourceOptions, 'log' | 'now'>>;

export type ClusterStats = {
  /** Calls of the real load made by this instance (lock won, or Redis unusable). */
  upstreamLoads: number;
  /** Of those, loads made without coordination (Redis down, or the holder never answered). */
  directLoads: number;
  /** Loads answered by a snapshot already in Redis. */
  reused: number;
  /** Loads answered by the lock holder's snapshot after waiting. */
  waitedForPeer: number;
  /** Loads that failed because the lock holder's refresh failed. */
  peerFailures: number;
  /** Snapshots taken from the bus's "changed" events into the local cache. */
  adoptedFromBus: number;
  resyncs: number;
};

export type ClusterContext = {
  redis: RedisConnection;
  store: SnapshotStore;
  lock: RefreshLock;
  bus: Bus;
  opts: ResolvedOptions;
  stats: ClusterStats;
  now: () => number;
  log: (line: string) => void;
  /** The cache this source serves (set once the cache connects). */
  local(): LocalCache | undefined;
  /** Snapshots loaded before this time are not reused (set by a resync after an outage). */
  freshAfter(slug: string): number;
  /** Stores the content and tells the other instances; when Redis holds newer, returns that instead. */
  share(slug: string, content: LoadedContent, version: string, at: { generation: number | 'current'; loadedAt: number | 'previous' }): Promise<StoredSnapshot | null>;
  /** Calls `wake` on the next "changed" event for the slug; returns a cancel function. */
  onPeerChange(slug: string, wake: () => void): () => void;
};

export function newStats(): ClusterStats {
  return { upstreamLoads: 0, directLoads: 0, reused: 0, waitedForPeer: 0, peerFailures: 0, adoptedFromBus: 0, resyncs: 0 };
}

export function resolveOptions(opts: ClusterSourceOptions): ResolvedOptions {
  const lockTtlMs = opts.lockTtlMs ?? 30_000;
  return {
    redis: opts.redis,
    instanceId: opts.instanceId,
    loader: opts.loader,
    reuseWithinMs: opts.reuseWithinMs,
    lockTtlMs,
    waitMs: opts.waitMs ?? lockTtlMs,
    pollMs: opts.pollMs ?? 100,
    failureMemoryMs: opts.failureMemoryMs ?? 5_000,
  };
}
