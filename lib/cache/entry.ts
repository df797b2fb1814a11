import { contentVersion } from '@/lib/pipeline/version';
import type { Snapshot, SnapshotContent, StaleReason } from '@/lib/pipeline/types';
import type { LoadedContent, SnapshotListener } from '@/lib/cache/types';

/** One dashboard's slot in the cache. Times are the cache clock's milliseconds. */
export type CacheEntry = {
  slug: string;
  snapshot: Snapshot | undefined;
  /** When the load behind the last good snapshot started (set() does not count: see set). */
  lastSuccessAt: number | undefined;
  /** When the last load failed; cleared by a success. Throttles retries. */
  lastFailureAt: number | undefined;
  /** Since the first of an unbroken run of failures. */
  failure: { reason: StaleReason; since: string } | undefined;
  /** Failed loads since the last success (drives the backoff). */
  failures: number;
  /** No load starts before this (cache clock ms) after a failure; undefined when healthy. */
  retryAt: number | undefined;
  /** A load deferred to retryAt (an invalidation that arrived during the backoff). */
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  createdAt: string;
  inflight: Promise<void> | undefined;
  /** An invalidation arrived during the load in flight, whose data may predate it. */
  rerun: boolean;
  /** Bumped by set(): a load that started before an exact update must not overwrite it. */
  exactUpdates: number;
  listeners: Set<SnapshotListener>;
};

export function newEntry(slug: string, createdAt: string): CacheEntry {
  return {
    slug,
    snapshot: undefined,
    lastSuccessAt: undefined,
    lastFailureAt: undefined,
    failure: undefined,
    failures: 0,
    retryAt: undefined,
    retryTimer: undefined,
    createdAt,
    inflight: undefined,
    rerun: false,
    exactUpdates: 0,
    listeners: new Set(),
  };
}

export function freshSnapshot(loaded: LoadedContent): Snapshot {
  const { asOf, ...content } = loaded;
  return stamp(content, asOf, { stale: false, staleReason: null, staleSince: null });
}

export function stamp(
  content: SnapshotContent,
  asOf: string,
  freshness: Pick<Snapshot, 'stale' | 'staleReason' | 'staleSince'>,
): Snapshot {
  return { ...content, asOf, version: contentVersion(content), ...freshness };
}

export function markedFresh(snapshot: Snapshot): Snapshot {
  return { ...snapshot, stale: false, staleReason: null, staleSince: null };
}

export function markedStale(snapshot: Snapshot, reason: StaleReason, since: string): Snapshot {
  return { ...snapshot, stale: true, staleReason: reason, staleSince: since };
}

/** What subscribers care about: a new version, or a change in freshness. asOf alone is not news. */
export function isNews(previous: Snapshot | undefined, next: Snapshot): boolean {
  return (
    previous === undefined ||
    previous.version !== next.version ||
    previous.stale !== next.stale ||
    previous.staleReason !== next.staleReason
  );
}

export function notify(entry: CacheEntry, snapshot: Snapshot): void {
  for (const listener of [...entry.listeners]) {
    try {
      listener(snapshot);
    } catch {
      // One broken subscriber (e.g. a closed SSE stream) must not starve the others.
    }
  }
}
