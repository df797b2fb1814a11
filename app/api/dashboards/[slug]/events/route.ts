import { gateApiRequest } from '@/lib/access/api-gate';
import { getContext } from '@/lib/server/context';
import { SSE_HEADERS, snapshotStream } from '@/lib/server/sse';

export const dynamic = 'force-dynamic';

// GET /api/dashboards/[slug]/events – Server-Sent Events: the snapshot now and on every change.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const access = await gateApiRequest(request, (await params).slug);
  if (!access.ok) return access.response;
  const { gate } = access;
  const { cache } = getContext();
  const slug = gate.dashboard.slug;
  const read = await cache.get(slug);
  const stream = snapshotStream({
    initial: read.state === 'ready' ? read.snapshot : undefined,
    subscribe: (listener) => cache.subscribe(slug, listener),
    signal: request.signal,
  });
  const headers = gate.gated ? { ...SSE_HEADERS, 'cache-control': `${gate.cacheControl}, no-transform` } : SSE_HEADERS;
  return new Response(stream, { headers });
}
