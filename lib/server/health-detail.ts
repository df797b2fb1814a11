import { createHash, timingSafeEqual } from 'node:crypto';
import type { StaleReason } from '@/lib/pipeline/types';
import type { AppContext } from '@/lib/server/context';
import { upstreamReport } from '@/lib/server/health';

// /api/health answers everyone `{ok, build}` (a TV compares `build` to reload on a new deploy).
// What an operator needs — the CRM's state, each dashboard's state, realtime counters, streams —
// tells a stranger which dashboards exist and how they are used, so it is shown only to a
// request carrying `Authorization: Bearer <HEALTH_TOKEN>`; with no HEALTH_TOKEN set, to nobody.

export type HealthAccess = 'public' | 'detail' | 'refused';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * 'detail' for the right bearer token (compared in constant time), 'refused' for a wrong one,
 * 'public' when none is sent or no token is configured (then no header unlocks anything).
 */
export function healthAccess(authorization: string | null, token: string | undefined): HealthAccess {
  if (token === undefined || authorization === null) return 'public';
  const presented = /^Bearer +(\S+) *$/i.exec(authorization)?.[1] ?? '';
  // Equal-length digests: the comparison's time says nothing about the token, not even its length.
  return timingSafeEqual(digest(presented), digest(token)) && presented !== '' ? 'detail' : 'refused';
}

export type DashboardState = {
  slug: string;
  /**
   * ready: fresh; stale: last good numbers, refreshing failed; waiting: no snapshot yet; refused:
   * no snapshot because Twenty refuses this dashboard's query (the others and the upstream are fine).
   */
  state: 'ready' | 'stale' | 'waiting' | 'refused';
  staleReason: StaleReason | null;
  staleSince: string | null;
  asOf: string | null;
};

/** Each dashboard as the cache holds it. Read-only: a health probe never starts a load. */
export function dashboardStates(ctx: Pick<AppContext, 'dashboards' | 'cache'>): DashboardState[] {
  return [...ctx.dashboards.keys()].map((slug) => {
    const snapshot = ctx.cache.peek(slug);
    if (!snapshot) {
      // No numbers yet: the cache says why (refused by Twenty, or the last failure while waiting).
      const { state, reason, since } = ctx.cache.status(slug);
      if (state === 'refused') return { slug, state, staleReason: 'rejected', staleSince: since, asOf: null };
      return { slug, state: 'waiting', staleReason: reason, staleSince: reason === null ? null : since, asOf: null };
    }
    const { stale, staleReason, staleSince, asOf } = snapshot;
    return { slug, state: stale ? 'stale' : 'ready', staleReason, staleSince, asOf };
  });
}

export type StreamStats = { open: number; clients: number; refused: number; perClient: number; total: number };

/** Everything behind the token. Categories, counts and times only: no key, no record data. */
export function healthDetail(ctx: AppContext, streams: StreamStats) {
  const { lag, ...realtime } = ctx.realtime.stats();
  const memory = process.memoryUsage();
  return {
    startedAt: ctx.startedAt,
    demo: ctx.demo,
    upstream: upstreamReport(ctx.upstream.status(), ctx.twenty.callCount(), ctx.budget.stats()),
    dashboards: dashboardStates(ctx),
    realtime: { ...realtime, lag, streams },
    memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
  };
}
