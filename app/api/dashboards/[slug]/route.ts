import { gateApiRequest } from '@/lib/access/api-gate';
import { jsonResponse } from '@/lib/http/responses';
import { getContext } from '@/lib/server/context';

export const dynamic = 'force-dynamic';

// GET /api/dashboards/[slug] – the cached snapshot every surface renders.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const access = await gateApiRequest(request, (await params).slug);
  if (!access.ok) return access.response;
  const { gate } = access;
  const read = await getContext().cache.get(gate.dashboard.slug);
  if (read.state === 'waiting') {
    return jsonResponse({ state: 'waiting', reason: read.reason, since: read.since }, { status: 503, headers: { 'cache-control': 'no-store', 'retry-after': '5' } });
  }
  return jsonResponse(read.snapshot, { headers: { 'cache-control': gate.cacheControl } });
}
