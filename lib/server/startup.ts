import 'server-only';
import { ConfigError } from '@/lib/config/errors';
import { getContext } from './context';
import { logger } from './log';

export function checkStartup(): void {
  try {
    const ctx = getContext();
    logger.info({ msg: 'pipeline wall ready', dashboards: [...ctx.dashboards.keys()], demo: ctx.demo });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
