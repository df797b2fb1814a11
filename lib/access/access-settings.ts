import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { ConfigError } from '@/lib/config/errors';

/**
 * Startup check: a dashboard that is not public needs SESSION_PASSWORD (32+ characters) to seal
 * and open its links and sessions. Throws a one-line ConfigError that names the setting.
 */
export function checkAccessSettings(dashboards: Iterable<DashboardConfig>, sessionPassword: string | undefined): void {
  const protectedSlugs = [...dashboards].filter((d) => d.access !== 'public').map((d) => d.slug);
  if (protectedSlugs.length === 0) return;
  if (!sessionPassword || sessionPassword.length < 32) {
    throw new ConfigError(
      `Invalid setting: SESSION_PASSWORD is required (at least 32 characters) because dashboard "${protectedSlugs[0]}" is ${protectedSlugs.length > 1 ? 'among those ' : ''}not public`,
    );
  }
}
