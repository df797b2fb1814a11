import { gateDashboard } from '@/lib/access/gate';
import { errorResponse, jsonResponse } from '@/lib/http/responses';
import { getContext } from '@/lib/server/context';

export const dynamic = 'force-dynamic';

// GET /api/dashboards/[slug] – the cached snapshot every surface renders.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const gate = await gateDashboard({ slug: (await params).slug });
  if (!gate.ok) return errorResponse(gate.status, gate.reason);
  const read = await getContext().cache.get(gate.dashboard.slug);
  if (read.state === 'waiting') {
    return jsonResponse({ state: 'waiting', reason: read.reason, since: read.since }, { status: 503, headers: { 'cache-control': 'no-store', 'retry-after': '5' } });
  }
  return jsonResponse(read.snapshot, { headers: { 'cache-control': gate.cacheControl } });
}
