import type { LoadedContent, Loader, SnapshotCache } from '@/lib/cache';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { PipelineData } from '@/lib/pipeline/types';
import type { DealKeyer } from '@/lib/pipeline/deal-key';
import type { ReadTracker } from '@/lib/live/read-tracking';
import type { RealtimeStats } from '@/lib/live/feed';
import type { WebhookEvent } from '@/lib/live/webhook/payload';
import type { CallBudget } from '@/lib/twenty/budget';
import type { MetadataPass } from '@/lib/twenty/metadata-pass';

// The live engine's settings and its face to the rest of the app (see engine.ts).

export type RealtimeOptions = {
  dashboards: ReadonlyMap<string, DashboardConfig>;
  fetchData: (dashboard: DashboardConfig, now: Date) => Promise<PipelineData>;
  budget: CallBudget;
  demo: boolean;
  reconcileIntervalMs: number;
  /** Gathers a burst of deliveries into one refresh. */
  debounceMs?: number;
  /** Gathers deliveries that apply exactly into one snapshot update. */
  batchMs?: number;
  /** Allowed difference between Twenty's clock (updatedAt) and ours. */
  clockSkewMs?: number;
  reconcileAfterErrorMs?: number;
  /**
   * Re-reads the saved views and stage options of the dashboards in use every `intervalMs` (the
   * stage-options interval; 0 = none) and refreshes those where they changed (metadata-watch.ts).
   */
  metadataWatch?: { intervalMs: number; pass: () => MetadataPass };
  recordMemoryMax?: number;
  /** Names top deals and ticker lines on the wire (default: this process's random keyer). */
  dealKeys?: DealKeyer;
  now?: () => number;
};

export type RealtimeEngine = Required<Loader> & {
  /** Fetches, remembers the data, returns the content with the ticker (the source's loader). */
  load(slug: string): Promise<LoadedContent>;
  /** What the cache reports reads and open streams to (pass as the cache's `reads`). */
  reads: ReadTracker;
  /** The cache this engine publishes exact updates to and asks for refreshes. */
  connect(cache: SnapshotCache): void;
  /** Takes one verified delivery (createdAt: its record's, see created-at.ts); returns at once. */
  accept(event: WebhookEvent, createdAt?: string | null): void;
  /** Starts the reconciler's timer and the metadata watch's. */
  startReconciler(): void;
  stop(): void;
  stats(): RealtimeStats;
  /** Nothing pending: no delivery waiting, no refresh due or running (benchmarks, tests). */
  isSettled(): boolean;
};
