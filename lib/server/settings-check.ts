import { checkAccessSettings } from '@/lib/access/access-settings';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { loadDashboards } from '@/lib/config/dashboards';
import { describeEnvError, envSchema } from '@/lib/config/env-schema';
import { ConfigError } from '@/lib/config/errors';
import { redisSettingsFromEnv } from '@/lib/cache/redis/redis-settings';

// Every setting the app refuses to start with, checked before anything listens: `npm start`
// runs this first (scripts/preflight.ts), so a bad setting is reported before Next says "Ready".
// The app checks the same again at startup (lib/server/startup.ts) for a bare start of the app server (server.ts).
// Throws ConfigError: one line naming the setting, never its value.

export type SettingsCheck = { dashboards: DashboardConfig[]; bannerPath: string };

/** Where the startup banner points: the first public dashboard, else the home page. */
export function bannerPathOf(dashboards: readonly DashboardConfig[]): string {
  const shown = dashboards.find((d) => d.access === 'public');
  return shown ? `/d/${shown.slug}` : '/';
}

export function checkSettings(rawEnv: Record<string, string | undefined>, cwd = process.cwd()): SettingsCheck {
  const parsed = envSchema.safeParse(rawEnv);
  if (!parsed.success) throw new ConfigError(`Invalid setting: ${describeEnvError(parsed.error)}`);
  const dashboards = loadDashboards(parsed.data.DASHBOARDS_CONFIG, cwd);
  checkAccessSettings(dashboards, parsed.data.SESSION_PASSWORD);
  redisSettingsFromEnv(rawEnv);
  return { dashboards, bannerPath: bannerPathOf(dashboards) };
}
