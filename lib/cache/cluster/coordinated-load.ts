import type { LoadedContent } from '@/lib/cache/types';
import { contentVersion } from '@/lib/pipeline/version';
import { withoutAsOf } from '@/lib/cache/cluster/bridge';
import type { ClusterContext } from '@/lib/cache/cluster/cluster-context';
import { sameFigures } from '@/lib/cache/cluster/figures';
import { acceptable, type Need } from '@/lib/cache/cluster/need';
import { waitForPeer } from '@/lib/cache/cluster/peer-wait';
import { TwentyError, TWENTY_ERROR_KINDS, type TwentyErrorKind } from '@/lib/twenty/errors';
import type { StoredSnapshot } from '@/lib/cache/redis/snapshot-store';

// The cluster source's load. A snapshot another instance stored recently enough
// (and after the last invalidation) is reused; otherwise one instance takes the lock and loads
// upstream while the others wait, bounded, for what it stores. Whenever Redis fails, the plain
// load runs: serving from memory beats waiting on a cache that is not there.

function kindOf(error: unknown): TwentyErrorKind {
  return error instanceof TwentyError ? error.kind : 'upstream_error';
}

export function createCoordinatedLoad(ctx: ClusterContext): (slug: string) => Promise<LoadedContent> {
  const { store, lock, opts, stats, now } = ctx;
  const { loader } = opts;

  async function direct(slug: string): Promise<LoadedContent> {
    stats.directLoads += 1;
    stats.upstreamLoads += 1;
    return loader.load(slug);
  }

  /**
   * Answers with a peer's snapshot. When the loader keeps the data behind its snapshots and the
   * peer stored its data, the same load runs here on that data (no upstream call), so this
   * instance's live state is built from the same data as the snapshot on screen.
   */
  async function reuse(slug: string, stored: StoredSnapshot, how: 'reused' | 'waitedForPeer'): Promise<LoadedContent> {
    stats[how] += 1;
    if (loader.basis && stored.data) {
      let rebuilt: LoadedContent | undefined;
      try {
        rebuilt = await loader.basis.loadFrom(slug, stored.data);
      } catch {
        // Only local state was at stake; the snapshot itself is the peer's.
      }
      // Data older than the content still describes it when only a ticker was republished since.
      if (stored.dataIsCurrent || (rebuilt !== undefined && sameFigures(rebuilt, stored.content))) return stored.content;
    }
    loader.basis?.behind(slug);
    return stored.content;
  }

  async function asWinner(slug: string, token: string, need: Need): Promise<LoadedContent> {
    try {
      // A peer may have stored while we contended for the lock.
      const existing = await store.read(slug).catch(() => null);
      if (acceptable(existing, need)) return reuse(slug, existing, 'reused');
      // The generation this load answers is the one current when it starts reading upstream.
      const generation = await store.generation(slug).catch(() => need.generation);
      stats.upstreamLoads += 1;
      let content: LoadedContent;
      try {
        content = await loader.load(slug);
      } catch (error) {
        await store.markFailed(slug, { kind: kindOf(error), at: now() }, opts.failureMemoryMs).catch(() => {});
        throw error;
      }
      const newer = await ctx.share(slug, content, contentVersion(withoutAsOf(content)), { generation, loadedAt: now() });
      // Redis already holds something newer (e.g. an exact update made during our load): show that.
      return newer ? reuse(slug, newer, 'reused') : content;
    } finally {
      await lock.release(slug, token).catch(() => false);
    }
  }

  return async function coordinatedLoad(slug) {
    if (!ctx.redis.isUp()) return direct(slug);
    const startedAt = now();
    let need: Need;
    try {
      const [generation, stored] = await Promise.all([store.generation(slug), store.read(slug)]);
      need = { generation, loadedSince: Math.max(ctx.freshAfter(slug), startedAt - opts.reuseWithinMs) };
      if (acceptable(stored, need)) return reuse(slug, stored, 'reused');
    } catch {
      return direct(slug);
    }
    const deadline = startedAt + opts.waitMs;
    for (;;) {
      let token: string | null;
      try {
        token = await lock.acquire(slug, opts.lockTtlMs);
      } catch {
        return direct(slug);
      }
      if (token !== null) return asWinner(slug, token, need);
      const outcome = await waitForPeer(ctx, slug, need, startedAt, deadline);
      switch (outcome.kind) {
        case 'stored':
          return reuse(slug, outcome.stored, 'waitedForPeer');
        case 'failed': {
          stats.peerFailures += 1;
          const kind = (TWENTY_ERROR_KINDS as readonly string[]).includes(outcome.failure) ? (outcome.failure as TwentyErrorKind) : 'upstream_error';
          throw new TwentyError(kind, 'refresh failed on another instance');
        }
        case 'lockFree':
          continue; // the holder is gone without storing: contend again
        case 'timeout':
          ctx.log(`cluster: no snapshot from the lock holder of ${slug} in ${opts.waitMs} ms, loading directly`);
          return direct(slug);
        case 'redisDown':
          return direct(slug);
      }
    }
  };
}
