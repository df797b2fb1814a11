import type { NextRequest } from 'next/server';
import { gateApiRequest } from '@/lib/access/api-gate';
import { matchesIfNoneMatch } from '@/lib/http/etag';
import { encodedSnapshot } from '@/lib/http/snapshot-body';
import { jsonResponse } from '@/lib/http/responses';
import { guardRoute, otherMethods } from '@/lib/http/route-check';
import { accessInputs } from '@/lib/server/access-inputs';
import { getContext } from '@/lib/server/context';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ slug: string }> };

// GET /api/dashboards/[slug] – the cached snapshot every surface renders, as bytes encoded once per
// snapshot. The ETag is its version and freshness, so a CDN or a polling client revalidates with a
// 304 and no body; that answer comes only after the gate, or a stale ETag would tell an outsider
// that a protected dashboard changed.
export async function GET(request: NextRequest, { params }: Params) {
  const edge = guardRoute(request);
  if (edge.refusal) return edge.refusal;
  return edge.finish(await snapshotAnswer(request, edge.url, (await params).slug));
}

async function snapshotAnswer(request: NextRequest, url: URL, slug: string): Promise<Response> {
  const access = await gateApiRequest({ slug, query: url.searchParams, cookies: request.cookies }, accessInputs());
  if (!access.ok) return access.response;
  const { gate } = access;
  const read = await getContext().cache.get(gate.dashboard.slug);
  if (read.state === 'waiting') {
    return jsonResponse({ state: 'waiting', reason: read.reason, since: read.since }, { status: 503, headers: { 'cache-control': 'no-store', 'retry-after': '5' } });
  }
  // Twenty refuses this dashboard's query. What it said stays in the operator's log: it can name internals.
  if (read.state === 'refused') {
    return jsonResponse({ state: 'refused', since: read.since }, { status: 503, headers: { 'cache-control': 'no-store', 'retry-after': '60' } });
  }
  const encoded = encodedSnapshot(read.snapshot);
  const headers = { 'cache-control': gate.cacheControl, etag: encoded.etag };
  if (matchesIfNoneMatch(request.headers.get('if-none-match'), encoded.etag)) return new Response(null, { status: 304, headers });
  return new Response(encoded.body(), { headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

// Any other method: Next's own 405 (or OPTIONS' 204), behind the same edge.
const other = otherMethods('GET, HEAD, OPTIONS');
export const OPTIONS = other.options;
export const POST = other.notAllowed;
export const PUT = other.notAllowed;
export const PATCH = other.notAllowed;
export const DELETE = other.notAllowed;
