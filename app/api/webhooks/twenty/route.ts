import { handleTwentyWebhook, webhookMethodNotAllowed } from '@/lib/live/webhook/handler';
import { guardRoute } from '@/lib/http/route-check';
import { getContext } from '@/lib/server/context';
import { logger } from '@/lib/server/log';

export const dynamic = 'force-dynamic';

// POST /api/webhooks/twenty – Twenty's signed deliveries: verified, answered 202 at once, applied after.
export async function POST(request: Request) {
  const edge = guardRoute(request);
  if (edge.refusal) return edge.refusal;
  const { realtime, webhooks } = getContext();
  const log = logger.child({ reqId: edge.requestId, route: 'webhook' });
  const response = await handleTwentyWebhook(request, {
    ...webhooks,
    accept: (event, createdAt) => realtime.accept(event, createdAt),
    logRejection: ({ reason, status }) => log.warn({ msg: 'webhook refused', reason, status }),
  });
  return edge.finish(response);
}

export const GET = webhookMethodNotAllowed;
export const PUT = webhookMethodNotAllowed;
export const PATCH = webhookMethodNotAllowed;
export const DELETE = webhookMethodNotAllowed;
