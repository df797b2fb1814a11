import { gateApiRequest } from '@/lib/access/api-gate';
import { matchesIfNoneMatch, snapshotEtag } from '@/lib/http/etag';
import { snapshotBody } from '@/lib/http/snapshot-body';
import { jsonResponse } from '@/lib/http/responses';
import { getContext } from '@/lib/server/context';

export const dynamic = 'force-dynamic';

// GET /api/dashboards/[slug] – the cached snapshot every surface renders. The ETag is its
// version and freshness, so a CDN or a polling client revalidates with a 304 and no body.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const access = await gateApiRequest(request, (await params).slug);
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
  const etag = snapshotEtag(read.snapshot);
  const headers = { 'cache-control': gate.cacheControl, etag };
  if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(snapshotBody(read.snapshot), { headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}
