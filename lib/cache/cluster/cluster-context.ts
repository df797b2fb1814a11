import type { LoadedContent } from '@/lib/cache';
import type { PipelineData } from '@/lib/pipeline/types';
import type { Bus } from '@/lib/cache/redis/bus';
import type { RedisConnection } from '@/lib/cache/redis/connection';
import type { RefreshLock } from '@/lib/cache/redis/lock';
import type { SnapshotStore, StoredSnapshot } from '@/lib/cache/redis/snapshot-store';

// The options and the state one coordinator's parts share (load path, bus bridge, resync).

export type ClusterCoordinatorOptions = {
  redis: RedisConnection;
  /** Unique per process, e.g. `${hostname}-${pid}-${random}`; lets an instance ignore its own echoes. */
  instanceId: string;
  /** The real load (in the app: the realtime engine's); runs once per refresh across the cluster. */
  load: (slug: string) => Promise<LoadedContent>;
  /** A snapshot loaded by any instance less than this long ago is reused (default: the cache's ttlMs). */
  reuseWithinMs: number;
  /** Longest a refresh may hold the lock (default 30 s); a dead holder blocks no longer than this. */
  lockTtlMs?: number;
  /** Longest a non-holder waits for the holder's snapshot before loading itself (default lockTtlMs). */
  waitMs?: number;
  /** How often a waiting instance re-reads Redis besides waking on the bus (default 100 ms). */
  pollMs?: number;
  /** How long a failed refresh is shared so waiting instances do not each retry it (default 5 s). */
  failureMemoryMs?: number;
  /** The PipelineData behind the content just loaded or set here, stored alongside it. */
  dataOf?: (slug: string) => PipelineData | undefined;
  /**
   * Told when this instance takes another's snapshot (the data behind it, if stored). Without it,
   * and with the fetch wrapped (ClusterCoordinator.fetchData), a dashboard showing a peer's exact
   * update turns local exact updates into refreshes: the local realtime state they would apply to
   * is older than what is on screen.
   */
  onAdopt?: (stored: StoredSnapshot) => void;
  log?: (line: string) => void;
  now?: () => number;
};

export type ResolvedOptions = Required<Omit<ClusterCoordinatorOptions, 'dataOf' | 'onAdopt' | 'log' | 'now'>> &
  Pick<ClusterCoordinatorOptions, 'dataOf' | 'onAdopt'>;

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
  /** Local exact updates turned into refreshes (see onAdopt). */
  exactUpdatesAsRefresh: number;
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
  /** Snapshots loaded before this time are not reused (set by a resync after an outage). */
  freshAfter(slug: string): number;
  /** The real load runs here now: local realtime state will match the snapshot. */
  basisFresh(slug: string): void;
  /** This instance now shows a peer's snapshot. */
  adopted(slug: string, stored: StoredSnapshot): void;
  /** Stores the content and tells the other instances; when Redis holds newer, returns that instead. */
  share(slug: string, content: LoadedContent, version: string, at: { generation: number | 'current'; loadedAt: number | 'previous' }): Promise<StoredSnapshot | null>;
  /** Calls `wake` on the next "changed" event for the slug; returns a cancel function. */
  onPeerChange(slug: string, wake: () => void): () => void;
  /** Data handed to the wrapped fetch (see ClusterCoordinator.fetchData) instead of an upstream call. */
  handOver: Map<string, PipelineData>;
  /** What the wrapped fetch last read upstream, per slug (stored with the snapshot built from it). */
  lastFetched: Map<string, PipelineData>;
  /** Whether the app's fetch goes through ClusterCoordinator.fetchData. */
  fetchWrapped(): boolean;
};

export function newStats(): ClusterStats {
  return { upstreamLoads: 0, directLoads: 0, reused: 0, waitedForPeer: 0, peerFailures: 0, adoptedFromBus: 0, exactUpdatesAsRefresh: 0, resyncs: 0 };
}

export function resolveOptions(opts: ClusterCoordinatorOptions): ResolvedOptions {
  const lockTtlMs = opts.lockTtlMs ?? 30_000;
  return {
    redis: opts.redis,
    instanceId: opts.instanceId,
    load: opts.load,
    reuseWithinMs: opts.reuseWithinMs,
    lockTtlMs,
    waitMs: opts.waitMs ?? lockTtlMs,
    pollMs: opts.pollMs ?? 100,
    failureMemoryMs: opts.failureMemoryMs ?? 5_000,
    dataOf: opts.dataOf,
    onAdopt: opts.onAdopt,
  };
}
