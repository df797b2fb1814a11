// Per-client token buckets for the public routes. Each route class has its own rate and burst;
// a client that empties a bucket gets 429 with Retry-After until a token is back. Memory is
// bounded: past maxClients the least recently seen buckets are dropped (a dropped client simply
// starts again with a full bucket, which is the safe direction for an idle one).

export const ROUTE_CLASSES = ['json', 'sse', 'webhook', 'unlock'] as const;
export type RouteClass = (typeof ROUTE_CLASSES)[number];

export type BucketRule = { perMinute: number; burst: number };

export type RateVerdict = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export type RateLimiter = {
  take(routeClass: RouteClass, clientKey: string): RateVerdict;
  /** Buckets held right now (bounded by maxClients). */
  size(): number;
};

export type RateLimiterOptions = {
  rules: Record<RouteClass, BucketRule>;
  maxClients: number;
  now?: () => number;
};

type Bucket = { tokens: number; at: number };

export function createRateLimiter(opts: RateLimiterOptions): RateLimiter {
  const now = opts.now ?? Date.now;
  // A Map iterates in insertion order; re-inserting on use keeps the oldest-used first.
  const buckets = new Map<string, Bucket>();

  function take(routeClass: RouteClass, clientKey: string): RateVerdict {
    const rule = opts.rules[routeClass];
    const key = `${routeClass}|${clientKey}`;
    const t = now();
    const perMs = rule.perMinute / 60_000;
    const previous = buckets.get(key);
    const tokens = previous ? Math.min(rule.burst, previous.tokens + (t - previous.at) * perMs) : rule.burst;
    buckets.delete(key);
    if (tokens < 1) {
      buckets.set(key, { tokens, at: t });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    }
    buckets.set(key, { tokens: tokens - 1, at: t });
    while (buckets.size > opts.maxClients) {
      const oldest = buckets.keys().next();
      if (oldest.done) break;
      buckets.delete(oldest.value);
    }
    return { allowed: true, remaining: Math.floor(tokens - 1) };
  }

  return { take, size: () => buckets.size };
}

/** Which limit a path falls under; null for pages, assets and health (not limited here). */
export function routeClassOf(pathname: string): RouteClass | null {
  if (pathname === '/api/webhooks/twenty') return 'webhook';
  if (pathname === '/api/unlock') return 'unlock';
  if (/^\/api\/dashboards\/[^/]+\/events\/?$/.test(pathname)) return 'sse';
  if (/^\/api\/dashboards\/[^/]+\/?$/.test(pathname)) return 'json';
  return null;
}
