import { handleTwentyWebhook, webhookMethodNotAllowed } from '@/lib/realtime/webhook-handler';
import { getContext } from '@/lib/server/context';
import { logger } from '@/lib/server/log';

export const dynamic = 'force-dynamic';

// POST /api/webhooks/twenty – Twenty's signed deliveries: verified, answered 202 at once, applied after.
export async function POST(request: Request) {
  const { realtime, webhooks } = getContext();
  return handleTwentyWebhook(request, {
    ...webhooks,
    accept: (event, createdAt) => realtime.accept(event, createdAt),
    logRejection: ({ reason, status }) => logger.warn({ msg: 'webhook refused', reason, status }),
  });
}

export const GET = webhookMethodNotAllowed;
export const PUT = webhookMethodNotAllowed;
export const PATCH = webhookMethodNotAllowed;
export const DELETE = webhookMethodNotAllowed;
