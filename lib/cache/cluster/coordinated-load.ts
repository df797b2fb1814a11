import type { LoadedContent } from '@/lib/cache';
import { contentVersion } from '@/lib/pipeline/version';
import { withoutAsOf } from '@/lib/cache/cluster/bridge';
import type { ClusterContext } from '@/lib/cache/cluster/cluster-context';
import { sameFigures } from '@/lib/cache/cluster/figures';
import { waitForPeer } from '@/lib/cache/cluster/peer-wait';
import { TwentyError, TWENTY_ERROR_KINDS, type TwentyErrorKind } from '@/lib/twenty/errors';
import type { StoredSnapshot } from '@/lib/cache/redis/snapshot-store';

// The cache's load function in cluster mode. A snapshot another instance stored recently enough
// (and after the last invalidation) is reused; otherwise one instance takes the lock and loads
// upstream while the others wait, bounded, for what it stores. Whenever Redis fails, the plain
// load runs: serving from memory beats waiting on a cache that is not there.

/** What a waiting instance must see in Redis before it may reuse it instead of loading. */
export type Need = { generation: number; loadedSince: number };

export function acceptable(stored: StoredSnapshot | null, need: Need): stored is StoredSnapshot {
  return stored !== null && stored.generation >= need.generation && stored.loadedAt >= need.loadedSince;
}

function kindOf(error: unknown): TwentyErrorKind {
  return error instanceof TwentyError ? error.kind : 'upstream_error';
}

export function createCoordinatedLoad(ctx: ClusterContext): (slug: string) => Promise<LoadedContent> {
  const { store, lock, opts, stats, now } = ctx;

  async function direct(slug: string): Promise<LoadedContent> {
    stats.directLoads += 1;
    stats.upstreamLoads += 1;
    ctx.basisFresh(slug);
    return opts.load(slug);
  }

  /**
   * Answers with a peer's snapshot. When the app's fetch is wrapped and the snapshot came with
   * its data, the real load also runs here on that data (no upstream call), so this instance's
   * realtime state is built from the same data as the snapshot on screen.
   */
  async function reuse(slug: string, stored: StoredSnapshot, how: 'reused' | 'waitedForPeer'): Promise<LoadedContent> {
    stats[how] += 1;
    if (ctx.fetchWrapped() && stored.data) {
      ctx.handOver.set(slug, stored.data);
      let rebuilt: LoadedContent | undefined;
      try {
        rebuilt = await opts.load(slug);
      } catch {
        // Only local state was at stake; the snapshot itself is the peer's.
      } finally {
        ctx.handOver.delete(slug);
      }
      // Data older than the content still describes it when only a ticker was republished since.
      if (stored.dataIsCurrent || (rebuilt !== undefined && sameFigures(rebuilt, stored.content))) {
        ctx.basisFresh(slug);
        return stored.content;
      }
    }
    ctx.adopted(slug, stored);
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
      ctx.basisFresh(slug);
      ctx.lastFetched.delete(slug);
      let content: LoadedContent;
      try {
        content = await opts.load(slug);
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
