import 'server-only';
import { getEnv } from '@/lib/config/env';
import { ConfigError } from '@/lib/config/errors';
import { checkAccessSettings } from '@/lib/access/access-settings';
import { getEdge } from '@/lib/http/limits';
import { reportWebhookSetup } from '@/lib/live/webhook/setup';
import { getContext } from './context';
import { openStreams } from './open-streams';
import { installShutdown } from './shutdown';
import { logger } from './log';

/** Bad settings stop the process with one line naming the setting, no stack trace. */
export function checkStartup(): void {
  try {
    const ctx = getContext();
    checkAccessSettings(ctx.dashboards.values(), getEnv().SESSION_PASSWORD);
    getEdge();
    installShutdown({
      endStreams: () => openStreams().endAll(),
      stopWork: async () => {
        ctx.realtime.stop();
        await ctx.cluster?.stop();
      },
      exit: (code) => process.exit(code),
      log: (fields) => logger.info(fields),
    });
    logger.info({ msg: 'pipeline wall ready', dashboards: [...ctx.dashboards.keys()], demo: ctx.demo });
    reportWebhookSetup(ctx.webhooks.secret, getEnv().RECONCILE_INTERVAL_MS, logger.warn);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      process.exit(1);
    }
    throw error;
  }
}
