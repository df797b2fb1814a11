import { gateApiRequest } from '@/lib/access/api-gate';
import { clientKeyFor, edgeRefusal, getEdge } from '@/lib/http/limits';
import { getContext } from '@/lib/server/context';
import { SSE_HEADERS, snapshotStream } from '@/lib/http/sse';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ slug: string }> };

const streamHeaders = (gate: { gated: boolean; cacheControl: string }) =>
  gate.gated ? { ...SSE_HEADERS, 'cache-control': `${gate.cacheControl}, no-transform` } : SSE_HEADERS;

// GET /api/dashboards/[slug]/events – Server-Sent Events: the snapshot now and on every change.
// Each open stream holds one of a bounded number of slots (per client and in total); the stream
// gives it back however it ends, and ends when the link or session that opened it expires.
export async function GET(request: Request, { params }: Params) {
  const access = await gateApiRequest(request, (await params).slug);
  if (!access.ok) return access.response;
  const { gate } = access;
  const edge = getEdge();
  const slot = edge.sse.acquire(clientKeyFor(edge, request.headers));
  if (!slot.ok) return edgeRefusal(slot.status, slot.error, {}, slot.retryAfterSeconds);
  try {
    const { cache } = getContext();
    const slug = gate.dashboard.slug;
    const read = await cache.get(slug);
    const stream = snapshotStream({
      initial: read.state === 'ready' ? read.snapshot : undefined,
      subscribe: (listener) => cache.subscribe(slug, listener),
      signal: request.signal,
      onEnd: slot.release,
      endsAt: gate.expiresAt,
    });
    return new Response(stream, { headers: streamHeaders(gate) });
  } catch (error) {
    slot.release();
    throw error;
  }
}

// HEAD – the same gate and headers, no body and no slot. Without it Next would run GET and drop
// the body, leaving the stream (its slot, subscriber and heartbeat) open with nobody reading.
export async function HEAD(request: Request, { params }: Params) {
  const access = await gateApiRequest(request, (await params).slug);
  if (!access.ok) return new Response(null, { status: access.response.status, headers: access.response.headers });
  return new Response(null, { headers: streamHeaders(access.gate) });
}
