import type { LoadedContent } from '@/lib/cache/types';
import type { ClusterContext } from '@/lib/cache/cluster/cluster-context';
import { sameFigures } from '@/lib/cache/cluster/figures';
import type { BusEvent } from '@/lib/cache/redis/bus';
import type { StoredSnapshot } from '@/lib/cache/redis/snapshot-store';
import type { SnapshotContent } from '@/lib/pipeline/types';

// Between Redis and this process's cache: sharing what this instance loaded or updated, and
// taking into the local cache what another instance stored (so local SSE subscribers hear it).

/** The content without its asOf (SnapshotCache.set stamps its own, and versions ignore it). */
export function withoutAsOf(loaded: LoadedContent): SnapshotContent {
  const { asOf, ...content } = loaded;
  return content;
}

type ShareAt = Parameters<ClusterContext['share']>[3];

export type Bridge = {
  /**
   * Stores and announces; returns the newer snapshot Redis holds instead when it refused ours.
   * Content just loaded here (`loadedAt` a time) is stored with the data the loader built it from.
   */
  share(slug: string, content: LoadedContent, version: string, at: ShareAt): Promise<StoredSnapshot | null>;
  /** Reads the slug's snapshot from Redis and shows it locally if it differs. */
  adoptFromRedis(slug: string): Promise<void>;
  /** Shows a peer's snapshot locally. */
  show(slug: string, stored: StoredSnapshot): void;
  onBusEvent(event: BusEvent): void;
  /** A local refresh is running: a "changed" event for it is its business, not the bridge's. */
  loading: Map<string, number>;
};

export function createBridge(ctx: ClusterContext): Bridge {
  const writing = new Map<string, number>();
  const loading = new Map<string, number>();
  const bump = (map: Map<string, number>, slug: string, by: number) => map.set(slug, (map.get(slug) ?? 0) + by);

  function show(slug: string, stored: StoredSnapshot): void {
    const local = ctx.local();
    const shown = local?.peek(slug);
    if (!local || shown?.version === stored.version) return;
    local.show(slug, withoutAsOf(stored.content));
    // Only the peer's ticker differs (typically it republished its ticker after a refresh we
    // share): our live state still describes the figures on screen.
    if (shown && sameFigures(shown, stored.content)) return;
    ctx.opts.loader.basis?.behind(slug);
  }

  async function adoptFromRedis(slug: string): Promise<void> {
    const stored = await ctx.store.read(slug).catch(() => null);
    if (!stored) return;
    const before = ctx.local()?.peek(slug)?.version;
    show(slug, stored);
    if (before !== stored.version) ctx.stats.adoptedFromBus += 1;
  }

  async function share(slug: string, content: LoadedContent, version: string, at: ShareAt): Promise<StoredSnapshot | null> {
    if (!ctx.redis.isUp()) return null;
    bump(writing, slug, 1);
    try {
      const result = await ctx.store.write(slug, {
        content,
        version,
        data: at.loadedAt === 'previous' ? undefined : ctx.opts.loader.basis?.dataOf(slug),
        generation: at.generation,
        loadedAt: at.loadedAt,
        storedAt: ctx.now(),
        origin: ctx.opts.instanceId,
      });
      if (result.stored) {
        await ctx.bus.publish({ type: 'changed', slug, version });
        return null;
      }
      return await ctx.store.read(slug);
    } catch {
      // Redis failed mid-way: this instance serves its own snapshot; the resync after reconnect repairs.
      return null;
    } finally {
      bump(writing, slug, -1);
    }
  }

  function onBusEvent(event: BusEvent): void {
    if (event.type === 'invalidate') {
      ctx.local()?.refresh(event.slug);
      return;
    }
    const local = ctx.local()?.peek(event.slug);
    // Nobody here has asked for it (the next read loads it from Redis), or we already show it,
    // or our own write or load is in flight and will settle which snapshot wins.
    if (!local || local.version === event.version) return;
    if ((writing.get(event.slug) ?? 0) > 0 || (loading.get(event.slug) ?? 0) > 0) return;
    void adoptFromRedis(event.slug);
  }

  return { share, adoptFromRedis, show, onBusEvent, loading };
}
