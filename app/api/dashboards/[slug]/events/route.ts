import type { NextRequest } from 'next/server';
import { gateApiRequest, type ApiAccess } from '@/lib/access/api-gate';
import { edgeRefusal, getEdge } from '@/lib/http/limits';
import { guardRoute, otherMethods } from '@/lib/http/route-check';
import { accessInputs } from '@/lib/server/access-inputs';
import { getContext } from '@/lib/server/context';
import { SSE_HEADERS, snapshotStream } from '@/lib/http/sse';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ slug: string }> };

const streamHeaders = (gate: { gated: boolean; cacheControl: string }) =>
  gate.gated ? { ...SSE_HEADERS, 'cache-control': `${gate.cacheControl}, no-transform` } : SSE_HEADERS;

const gate = async (request: NextRequest, url: URL, { params }: Params): Promise<ApiAccess> =>
  gateApiRequest({ slug: (await params).slug, query: url.searchParams, cookies: request.cookies }, accessInputs());

// GET /api/dashboards/[slug]/events – Server-Sent Events: the snapshot now and on every change.
// Each open stream holds one of a bounded number of slots (per client and in total); the stream
// gives it back however it ends, and ends when the link or session that opened it expires.
export async function GET(request: NextRequest, context: Params) {
  const edge = guardRoute(request);
  if (edge.refusal) return edge.refusal;
  const access = await gate(request, edge.url, context);
  if (!access.ok) return edge.finish(access.response);
  const slot = getEdge().sse.acquire(edge.clientKey);
  if (!slot.ok) return edge.finish(edgeRefusal(slot.status, slot.error, {}, slot.retryAfterSeconds));
  try {
    const { cache } = getContext();
    const slug = access.gate.dashboard.slug;
    const read = await cache.get(slug);
    const stream = snapshotStream({
      initial: read.state === 'ready' ? read.snapshot : undefined,
      subscribe: (listener) => cache.subscribe(slug, listener),
      signal: request.signal,
      onEnd: slot.release,
      endsAt: access.gate.expiresAt,
    });
    return edge.finish(new Response(stream, { headers: streamHeaders(access.gate) }));
  } catch (error) {
    slot.release();
    throw error;
  }
}

// HEAD – the same edge, gate and headers, no body and no slot. Without it Next would run GET and
// drop the body, leaving the stream (its slot, subscriber and heartbeat) open with nobody reading.
export async function HEAD(request: NextRequest, context: Params) {
  const edge = guardRoute(request);
  if (edge.refusal) return edge.refusal;
  const access = await gate(request, edge.url, context);
  if (!access.ok) return edge.finish(new Response(null, { status: access.response.status, headers: access.response.headers }));
  return edge.finish(new Response(null, { headers: streamHeaders(access.gate) }));
}

// Any other method: Next's own 405 (or OPTIONS' 204), behind the same edge.
const other = otherMethods('GET, HEAD, OPTIONS');
export const OPTIONS = other.options;
export const POST = other.notAllowed;
export const PUT = other.notAllowed;
export const PATCH = other.notAllowed;
export const DELETE = other.notAllowed;
