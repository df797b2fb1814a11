import { jsonResponse } from '@/lib/http/responses';
import { getContext } from '@/lib/server/context';
import { getEnv } from '@/lib/config/env';
import { getBuildId } from '@/lib/server/build-id';
import { getEdge } from '@/lib/http/limits';
import { guardRoute, otherMethods } from '@/lib/http/route-check';
import { healthAccess, healthDetail } from '@/lib/server/health-detail';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'cache-control': 'no-store' };

// GET /api/health – liveness and the running build for everyone; the operator's detail (upstream,
// dashboards, realtime, streams) only with `Authorization: Bearer <HEALTH_TOKEN>`.
export async function GET(request: Request) {
  const edge = guardRoute(request);
  if (edge.refusal) return edge.refusal;
  return edge.finish(health(request));
}

function health(request: Request): Response {
  const ctx = getContext(); // builds the app on first use: a broken setup fails here, not later
  const access = healthAccess(request.headers.get('authorization'), getEnv().HEALTH_TOKEN);
  if (access === 'refused') return jsonResponse({ error: 'unauthorized' }, { status: 401, headers: { ...NO_STORE, 'www-authenticate': 'Bearer' } });
  const answer = { ok: true, build: getBuildId() };
  return jsonResponse(access === 'detail' ? { ...answer, ...healthDetail(ctx, getEdge().sse.stats()) } : answer, { headers: NO_STORE });
}

// Any other method: Next's own 405 (or OPTIONS' 204), behind the same edge.
const other = otherMethods('GET, HEAD, OPTIONS');
export const OPTIONS = other.options;
export const POST = other.notAllowed;
export const PUT = other.notAllowed;
export const PATCH = other.notAllowed;
export const DELETE = other.notAllowed;
