import { gateApiRequest } from '@/lib/access/api-gate';
import { clientKeyFor, edgeRefusal, getEdge } from '@/lib/edge';
import { getContext } from '@/lib/server/context';
import { SSE_HEADERS, snapshotStream } from '@/lib/server/sse';

export const dynamic = 'force-dynamic';

// GET /api/dashboards/[slug]/events – Server-Sent Events: the snapshot now and on every change.
// Each open stream holds one of a bounded number of slots (per client and in total).
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const access = await gateApiRequest(request, (await params).slug);
  if (!access.ok) return access.response;
  const { gate } = access;
  const edge = getEdge();
  const slot = edge.sse.acquire(clientKeyFor(edge, request.headers));
  if (!slot.ok) return edgeRefusal(slot.status, slot.error, {}, slot.retryAfterSeconds);
  request.signal.addEventListener('abort', slot.release, { once: true });
  const { cache } = getContext();
  const slug = gate.dashboard.slug;
  const read = await cache.get(slug);
  const stream = snapshotStream({
    initial: read.state === 'ready' ? read.snapshot : undefined,
    subscribe: (listener) => {
      const unsubscribe = cache.subscribe(slug, listener);
      return () => {
        unsubscribe();
        slot.release();
      };
    },
    signal: request.signal,
  });
  const headers = gate.gated ? { ...SSE_HEADERS, 'cache-control': `${gate.cacheControl}, no-transform` } : SSE_HEADERS;
  return new Response(stream, { headers });
}
