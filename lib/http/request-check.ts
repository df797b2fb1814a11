import { clientKeyOf } from '@/lib/http/client-ip';
import { createRateLimiter, routeClassOf, type RateLimiter, type RouteClass, type BucketRule } from '@/lib/http/rate-limit';
import { securityHeaders, type ResponseKind } from '@/lib/http/security-headers';
import { createSseSlots, type SseSlots } from '@/lib/http/sse-slots';
import { REQUEST_ID_HEADER, requestIdOf } from '@/lib/http/request-id';
import { servedOverHttps, type TransportSettings } from '@/lib/http/transport';
import { checkUrl } from '@/lib/http/url-limits';

// The public edge in one decision per request, before any route work: who the client is, the
// request id, the URL sanity limits, the per-client rate limit, and the headers every response
// gets. Framework-free (Headers and URL in, a Response or headers out) so it is tested directly
// and proxy.ts only applies it.

export type EdgeSettings = TransportSettings & {
  trustProxy: boolean;
  rules: Record<RouteClass, BucketRule>;
  maxClients: number;
  sse: { perClient: number; total: number };
};

export type Edge = { settings: EdgeSettings; limiter: RateLimiter; sse: SseSlots; peerHeaderTrusted: () => boolean };

export function createEdge(settings: EdgeSettings, opts: { now?: () => number; peerHeaderTrusted?: () => boolean } = {}): Edge {
  return {
    settings,
    limiter: createRateLimiter({ rules: settings.rules, maxClients: settings.maxClients, now: opts.now }),
    sse: createSseSlots(settings.sse),
    peerHeaderTrusted: opts.peerHeaderTrusted ?? (() => false),
  };
}

export type EdgeRequest = { url: URL; rawUrlLength: number; headers: Headers };

export type EdgeCheck = {
  requestId: string;
  clientKey: string;
  kind: ResponseKind;
  routeClass: RouteClass | null;
  /** Headers for whatever response goes out (security headers and the request id). */
  headers: Record<string, string>;
  /** Set when the request must be refused here. */
  refusal: Response | null;
};

export function responseKindOf(pathname: string): ResponseKind {
  if (pathname.startsWith('/api/')) return 'api';
  if (pathname.startsWith('/_next/') || /\.[a-z0-9]{2,5}$/i.test(pathname)) return 'asset';
  return 'page';
}

export function clientKeyFor(edge: Edge, headers: Headers): string {
  return clientKeyOf(headers, { trustProxy: edge.settings.trustProxy, peerHeaderTrusted: edge.peerHeaderTrusted() });
}

export function edgeRefusal(status: number, error: string, headers: Record<string, string>, retryAfterSeconds?: number): Response {
  const extra: Record<string, string> = retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {};
  return new Response(JSON.stringify({ error }), {
    status,
    headers: { ...headers, ...extra, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export function checkRequest(edge: Edge, request: EdgeRequest): EdgeCheck {
  const requestId = requestIdOf(request.headers);
  const kind = responseKindOf(request.url.pathname);
  const headers = { ...securityHeaders(kind, servedOverHttps(edge.settings, request.headers)), [REQUEST_ID_HEADER]: requestId };
  const clientKey = clientKeyFor(edge, request.headers);
  const routeClass = routeClassOf(request.url.pathname);
  const base = { requestId, clientKey, kind, routeClass, headers };
  const bad = checkUrl(request.url, request.rawUrlLength);
  if (bad) return { ...base, refusal: edgeRefusal(bad.status, bad.error, headers) };
  if (routeClass) {
    const verdict = edge.limiter.take(routeClass, clientKey);
    if (!verdict.allowed) return { ...base, refusal: edgeRefusal(429, 'rate_limited', headers, verdict.retryAfterSeconds) };
  }
  return { ...base, refusal: null };
}
