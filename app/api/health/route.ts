import { jsonResponse } from '@/lib/http/responses';
import { getContext } from '@/lib/server/context';
import { getBuildId } from '@/lib/access/build-id';
import { getEdge } from '@/lib/edge';
import { upstreamReport } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

// GET /api/health – liveness plus the upstream state and live-stream figures; no secrets, no
// record data (categories, counts and times only).
export async function GET() {
  const ctx = getContext();
  const { lag, ...realtime } = ctx.realtime.stats();
  return jsonResponse(
    {
      ok: true,
      build: getBuildId(),
      startedAt: ctx.startedAt,
      demo: ctx.demo,
      dashboards: ctx.dashboards.size,
      upstream: upstreamReport(ctx.upstream.status(), ctx.twenty.callCount(), ctx.budget.stats()),
      realtime: { ...realtime, lag, streams: getEdge().sse.stats() },
      memory: { rssBytes: process.memoryUsage().rss, heapUsedBytes: process.memoryUsage().heapUsed },
    },
    { headers: { 'cache-control': 'no-store' } },
  );
}
