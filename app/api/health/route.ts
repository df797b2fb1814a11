import { jsonResponse } from '@/lib/http/responses';
import { getContext } from '@/lib/server/context';

export const dynamic = 'force-dynamic';

// GET /api/health – liveness plus the upstream state; no secrets, no record data.
export async function GET() {
  const ctx = getContext();
  return jsonResponse(
    { ok: true, startedAt: ctx.startedAt, demo: ctx.demo, dashboards: ctx.dashboards.size, upstream: { calls: ctx.twenty.callCount(), budget: ctx.budget.stats() } },
    { headers: { 'cache-control': 'no-store' } },
  );
}
