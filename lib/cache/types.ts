import type { RetryBackoff } from '@/lib/cache/backoff';
import type { PipelineData, Snapshot, SnapshotContent, StaleReason } from '@/lib/pipeline/types';

export type LoadedContent = SnapshotContent & { asOf: string };

/** What a source loads with: the live engine in the app, a plain function in some tests. */
export type Loader = {
  load(slug: string): Promise<LoadedContent>;
  /**
   * Present when the loader keeps the data behind its snapshots (the live engine): a cluster
   * source then rebuilds it from a peer's data, so webhooks here stay exact updates.
   */
  basis?: {
    /** The same load, on data another instance fetched (no upstream call). */
    loadFrom(slug: string, data: PipelineData): Promise<LoadedContent>;
    /** The data behind the content this loader last built. */
    dataOf(slug: string): PipelineData | undefined;
    /** The snapshot shown here is a peer's and newer than this loader's data. */
    behind(slug: string): void;
  };
};

/**
 * 'waiting': no good snapshot exists yet (e.g. first start with the CRM down). 'refused': none
 * exists and Twenty refuses this dashboard's query (its settings do not suit this server); the
 * others are not affected. Never an error.
 */
export type CacheRead =
  | { state: 'ready'; snapshot: Snapshot }
  | { state: 'waiting'; reason: StaleReason | null; since: string }
  | { state: 'refused'; since: string };

/** A dashboard as the cache holds it, for the operator (health detail). Reading it starts no load. */
export type DashboardStatus = {
  slug: string;
  /** ready: fresh; stale: last good numbers, refreshing fails; waiting: no numbers yet; refused: see CacheRead. */
  state: 'ready' | 'stale' | 'waiting' | 'refused';
  /** Why the last load failed, when it did (a public category). */
  reason: StaleReason | null;
  /** Since when it has been failing (or waiting). */
  since: string | null;
  asOf: string | null;
};

export type SnapshotListener = (snapshot: Snapshot) => void;

/**
 * Where the cache's loads come from and where what it sets goes: this process only
 * (localSource) or every instance behind one Redis (cluster/). The cache's one seam.
 */
export type SnapshotSource = {
  load(slug: string): Promise<LoadedContent>;
  /** A fresh load is wanted; `here` starts it in this process (a cluster tells the others first). */
  invalidate(slug: string, here: () => void): void;
  /** This process set a snapshot without a load (an exact update): the others should see it. */
  published(slug: string, content: SnapshotContent, snapshot: Snapshot): void;
  /** Called once by the cache it serves, so the source can show a peer's snapshot here. */
  connect(local: LocalCache): void;
};

/** The cache as its source sees it: changes that stay in this process (never published back). */
export type LocalCache = {
  peek(slug: string): Snapshot | undefined;
  show(slug: string, content: SnapshotContent): void;
  refresh(slug: string): void;
  /** Dashboards this process shows, is loading or failed to load. */
  slugs(): string[];
};

/** Told about reads and open streams (the live engine reconciles only what someone looks at). */
export type ReadObserver = {
  read(slug: string): void;
  /** An SSE stream opened; the returned function is called once when it closes. */
  watch(slug: string): () => void;
};

export type SnapshotCacheOptions = {
  source: SnapshotSource;
  reads?: ReadObserver;
  /** After this age a read still answers at once but starts one background refresh. */
  ttlMs: number;
  /** After this age a read waits for the refresh (and falls back to the stale snapshot if it fails). */
  maxAgeMs: number;
  /** After a failed load, no new attempt starts before this long (default ttlMs), so viewers cannot hammer a CRM that is down. */
  retryAfterFailureMs?: number;
  /**
   * Exponential backoff after failures (replaces the fixed retryAfterFailureMs). Invalidations
   * that arrive during a backoff are deferred to its end, so no path can hammer a CRM that is down.
   */
  retryBackoff?: RetryBackoff;
  /**
   * After Twenty refused a dashboard's query (reason `rejected`), the next attempt waits this long
   * instead of backing off: nothing but a change in Twenty (stage options, an upgrade) can fix it.
   */
  refusedRetryMs?: number;
  now?: () => number;
  classify?: (err: unknown) => StaleReason;
  /** Told about every failed load (for logs and /api/health); the cache never rethrows. */
  onError?: (slug: string, err: unknown, reason: StaleReason, retryAt: number) => void;
  /** Told about every successful load. */
  onSuccess?: (slug: string) => void;
};

export type SnapshotCache = {
  get: (slug: string) => Promise<CacheRead>;
  /** Marks the entry due and refreshes now; N calls during one load cause at most one more load. */
  invalidate: (slug: string) => void;
  peek: (slug: string) => Snapshot | undefined;
  /** Called when the version or the stale state changes, never for an identical refresh. */
  subscribe: (slug: string, listener: SnapshotListener) => () => void;
  /** Replaces the content (exact webhook-driven update) without a load; notifies if it changed. */
  set: (slug: string, content: SnapshotContent) => Snapshot;
  /** The dashboard's state for the operator; never starts a load. */
  status: (slug: string) => DashboardStatus;
};
