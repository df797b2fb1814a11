import {
  freshSnapshot,
  isNews,
  markedFresh,
  markedStale,
  newEntry,
  notify,
  stamp,
  type CacheEntry,
} from '@/lib/cache/entry';
import { retryDelayMs } from '@/lib/cache/backoff';
import type { CacheRead, DashboardStatus, SnapshotCache, SnapshotCacheOptions } from '@/lib/cache/types';
import type { Snapshot, SnapshotContent, StaleReason } from '@/lib/pipeline/types';

/**
 * One snapshot per dashboard, in memory. Viewers never cause more than one upstream load per
 * dashboard at a time; they are answered from the last good snapshot while it refreshes, and an
 * upstream fault only ever shows as `stale` (or `waiting` before the first success), never as a
 * thrown error; a dashboard whose query Twenty refuses is `refused` on its own and retried at a
 * calm cadence. Loads come from the source (this process, or every instance through Redis), the
 * one seam between the cache and the rest. Callers must only pass slugs of configured
 * dashboards: each slug gets an entry.
 */
export function createSnapshotCache(opts: SnapshotCacheOptions): SnapshotCache {
  const now = opts.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  const retryAfterFailureMs = opts.retryAfterFailureMs ?? opts.ttlMs;
  const entries = new Map<string, CacheEntry>();

  function entryFor(slug: string): CacheEntry {
    let entry = entries.get(slug);
    if (!entry) {
      entry = newEntry(slug, iso());
      entries.set(slug, entry);
    }
    return entry;
  }

  function classify(err: unknown): StaleReason {
    try {
      return opts.classify?.(err) ?? 'upstream_error';
    } catch {
      return 'upstream_error';
    }
  }

  function publish(entry: CacheEntry, next: Snapshot): void {
    const previous = entry.snapshot;
    entry.snapshot = next;
    if (isNews(previous, next)) notify(entry, next);
  }

  function succeeded(entry: CacheEntry, startedAt: number, next: Snapshot, superseded: boolean): void {
    entry.lastSuccessAt = startedAt;
    entry.lastFailureAt = undefined;
    entry.failure = undefined;
    entry.failures = 0;
    entry.retryAt = undefined;
    opts.onSuccess?.(entry.slug);
    // A set() during the load is at least as new as what the load read: keep its content and
    // only take the news that the CRM answers again. The next TTL reload reconciles the rest.
    if (superseded && entry.snapshot) publish(entry, markedFresh(entry.snapshot));
    else publish(entry, next);
  }

  function failed(entry: CacheEntry, err: unknown): void {
    const reason = classify(err);
    entry.lastFailureAt = now();
    entry.failure = { reason, since: entry.failure?.since ?? iso() };
    entry.failures += 1;
    const backoff = opts.retryBackoff ? retryDelayMs(opts.retryBackoff, entry.failures, err) : retryAfterFailureMs;
    const delay = reason === 'rejected' && opts.refusedRetryMs !== undefined ? opts.refusedRetryMs : backoff;
    entry.retryAt = entry.lastFailureAt + delay;
    opts.onError?.(entry.slug, err, reason, entry.retryAt);
    if (entry.snapshot) publish(entry, markedStale(entry.snapshot, reason, entry.failure.since));
  }

  /** Starts a load unless one is in flight, in which case that one is the answer. */
  function load(entry: CacheEntry): Promise<void> {
    if (entry.inflight) return entry.inflight;
    const startedAt = now();
    const exactUpdatesBefore = entry.exactUpdates;
    const run = (async () => {
      try {
        const loaded = await opts.source.load(entry.slug);
        succeeded(entry, startedAt, freshSnapshot(loaded), entry.exactUpdates !== exactUpdatesBefore);
      } catch (err) {
        failed(entry, err);
      } finally {
        entry.inflight = undefined;
        if (entry.rerun) {
          entry.rerun = false;
          if (mayRetry(entry)) void load(entry);
          else deferLoad(entry);
        }
      }
    })();
    entry.inflight = run;
    return run;
  }

  function mayRetry(entry: CacheEntry): boolean {
    return entry.retryAt === undefined || now() >= entry.retryAt;
  }

  /** One load at the end of the backoff, however many invalidations asked for it meanwhile. */
  function deferLoad(entry: CacheEntry): void {
    if (entry.retryTimer !== undefined || entry.retryAt === undefined) return;
    entry.retryTimer = setTimeout(() => {
      entry.retryTimer = undefined;
      if (entry.inflight) entry.rerun = true;
      else void load(entry);
    }, Math.max(0, entry.retryAt - now()));
    entry.retryTimer.unref?.();
  }

  function read(entry: CacheEntry): CacheRead {
    if (entry.snapshot) return { state: 'ready', snapshot: entry.snapshot };
    const since = entry.failure?.since ?? entry.createdAt;
    if (entry.failure?.reason === 'rejected') return { state: 'refused', since };
    return { state: 'waiting', reason: entry.failure?.reason ?? null, since };
  }

  function status(slug: string): DashboardStatus {
    const entry = entries.get(slug);
    const failure = { reason: entry?.failure?.reason ?? null, since: entry?.failure?.since ?? null };
    const snapshot = entry?.snapshot;
    if (snapshot) return { slug, state: snapshot.stale ? 'stale' : 'ready', ...failure, asOf: snapshot.asOf };
    const state = failure.reason === 'rejected' ? 'refused' : 'waiting';
    return { slug, state, ...failure, since: failure.since ?? entry?.createdAt ?? null, asOf: null };
  }

  async function get(slug: string): Promise<CacheRead> {
    opts.reads?.read(slug);
    const entry = entryFor(slug);
    const age = entry.lastSuccessAt === undefined ? Infinity : now() - entry.lastSuccessAt;
    let pending = entry.inflight;
    if (!pending && age >= opts.ttlMs && mayRetry(entry)) pending = load(entry);
    // Past max age (or with nothing to show) the reader waits; a failure still leaves `read` the last good snapshot.
    if (pending && (age >= opts.maxAgeMs || !entry.snapshot)) await pending;
    return read(entry);
  }

  /** Refreshes in this process (the source decides whether others refresh too). */
  function refresh(slug: string): void {
    const entry = entries.get(slug);
    if (!entry) return; // nobody has asked for it, so there is nothing to refresh
    if (entry.inflight) entry.rerun = true;
    else if (!mayRetry(entry)) deferLoad(entry);
    else void load(entry);
  }

  /** Shows the content in this process; `set` also hands it to the source. */
  function show(slug: string, content: SnapshotContent): Snapshot {
    const entry = entryFor(slug);
    const previous = entry.snapshot;
    // Freshness is left as it is: an exact update does not prove the CRM's API answers again,
    // and it does not reset the TTL, so periodic reloads still repair webhook drift.
    const next = stamp(content, iso(), {
      stale: previous?.stale ?? false,
      staleReason: previous?.staleReason ?? null,
      staleSince: previous?.staleSince ?? null,
    });
    entry.exactUpdates += 1;
    publish(entry, next);
    return next;
  }

  const peek = (slug: string) => entries.get(slug)?.snapshot;
  // Dashboards with something to refresh: shown, loading, or failed (not merely subscribed to).
  const slugs = () => [...entries.values()].filter((e) => e.snapshot || e.inflight || e.lastFailureAt !== undefined).map((e) => e.slug);
  opts.source.connect({ peek, show, refresh, slugs });

  return {
    get,
    invalidate: (slug) => opts.source.invalidate(slug, () => refresh(slug)),
    set(slug, content) {
      const snapshot = show(slug, content);
      opts.source.published(slug, content, snapshot);
      return snapshot;
    },
    peek,
    status,
    subscribe(slug, listener) {
      const entry = entryFor(slug);
      entry.listeners.add(listener);
      const unwatch = opts.reads?.watch(slug);
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        entry.listeners.delete(listener);
        unwatch?.();
      };
    },
  };
}
