import 'server-only';
import { getEnv } from '@/lib/config/env';
import { ConfigError } from '@/lib/config/errors';
import { reportWebhookSetup } from '@/lib/realtime/webhook-setup';
import { getContext } from './context';
import { logger } from './log';

export function checkStartup(): void {
  try {
    const ctx = getContext();
    logger.info({ msg: 'pipeline wall ready', dashboards: [...ctx.dashboards.keys()], demo: ctx.demo });
    reportWebhookSetup(ctx.webhooks.secret, getEnv().RECONCILE_INTERVAL_MS, logger.warn);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
