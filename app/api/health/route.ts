import { jsonResponse } from '@/lib/http/responses';
import { getContext } from '@/lib/server/context';
import { getBuildId } from '@/lib/access/build-id';

export const dynamic = 'force-dynamic';

// GET /api/health – liveness plus the upstream state; no secrets, no record data.
export async function GET() {
  const ctx = getContext();
  return jsonResponse(
    { ok: true, build: getBuildId(), startedAt: ctx.startedAt, demo: ctx.demo, dashboards: ctx.dashboards.size, upstream: { calls: ctx.twenty.callCount(), budget: ctx.budget.stats() } },
    { headers: { 'cache-control': 'no-store' } },
  );
}
