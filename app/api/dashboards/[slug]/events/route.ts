import { gateDashboard } from '@/lib/access/gate';
import { errorResponse } from '@/lib/http/responses';
import { getContext } from '@/lib/server/context';
import { SSE_HEADERS, snapshotStream } from '@/lib/server/sse';

export const dynamic = 'force-dynamic';

// GET /api/dashboards/[slug]/events – Server-Sent Events: the snapshot now and on every change.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const gate = await gateDashboard({ slug: (await params).slug });
  if (!gate.ok) return errorResponse(gate.status, gate.reason);
  const { cache } = getContext();
  const slug = gate.dashboard.slug;
  const read = await cache.get(slug);
  const stream = snapshotStream({
    initial: read.state === 'ready' ? read.snapshot : undefined,
    subscribe: (listener) => cache.subscribe(slug, listener),
    signal: request.signal,
  });
  return new Response(stream, { headers: SSE_HEADERS });
}
