import type { ClusterContext } from '@/lib/cache/cluster/cluster-context';
import { acceptable, type Need } from '@/lib/cache/cluster/need';
import type { StoredSnapshot } from '@/lib/cache/redis/snapshot-store';

// How an instance that lost the lock waits for the winner: it wakes on the winner's "changed"
// message and also polls Redis (a pub/sub message can be lost), and it stops waiting as soon as
// the snapshot is there, the winner reported a failure, the lock is free without a snapshot (the
// winner died), Redis fails, or the deadline passes.

export type PeerOutcome =
  | { kind: 'stored'; stored: StoredSnapshot }
  | { kind: 'failed'; failure: string }
  | { kind: 'lockFree' }
  | { kind: 'timeout' }
  | { kind: 'redisDown' };

function nap(ctx: ClusterContext, slug: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop();
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    const stop = ctx.onPeerChange(slug, done);
  });
}

export async function waitForPeer(ctx: ClusterContext, slug: string, need: Need, startedAt: number, deadline: number): Promise<PeerOutcome> {
  for (;;) {
    const remaining = deadline - ctx.now();
    if (remaining <= 0) return { kind: 'timeout' };
    await nap(ctx, slug, Math.min(ctx.opts.pollMs, remaining));
    if (!ctx.redis.isUp()) return { kind: 'redisDown' };
    try {
      const [stored, failure, held] = await Promise.all([ctx.store.read(slug), ctx.store.lastFailure(slug), ctx.lock.isHeld(slug)]);
      if (acceptable(stored, need)) return { kind: 'stored', stored };
      if (failure !== null && failure.at >= startedAt) return { kind: 'failed', failure: failure.kind };
      if (!held) return { kind: 'lockFree' };
    } catch {
      return { kind: 'redisDown' };
    }
  }
}
