import { checkAccessSettings } from '@/lib/access/access-settings';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { loadDashboards } from '@/lib/config/dashboards';
import { describeEnvError, envSchema } from '@/lib/config/env-schema';
import { ConfigError } from '@/lib/config/errors';
import { displayUrl, isPrivateHost } from '@/lib/twenty/check/addresses';
import { row, type Row } from '@/lib/twenty/check/report';

// The settings the app itself would start with, validated by the same schemas: anything the app
// would refuse to start with is a ConfigError here too (exit 2). What the app tolerates but a
// user probably did not mean becomes a warning.

export type CheckSettings = {
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
  dashboards: DashboardConfig[];
  dashboardsFile: string;
  /** PUBLIC_BASE_URL when the user set it (it has no default). */
  publicBaseUrl: string | null;
  webhookSecretSet: boolean;
  /** TWENTY_WEBHOOK_ID: only that webhook's deliveries are taken. */
  webhookIdSet: boolean;
  warnings: Row[];
};

type RawEnv = Record<string, string | undefined>;

function warningsOf(settings: Omit<CheckSettings, 'warnings'>, sessionPasswordSet: boolean): Row[] {
  const out: Row[] = [];
  if (!settings.webhookSecretSet) {
    out.push(row('warn', 'TWENTY_WEBHOOK_SECRET', 'not set: the wall refuses every webhook delivery, so changes show only at the next reconciliation (RECONCILE_INTERVAL_MS)'));
  }
  if (!sessionPasswordSet) {
    out.push(row('warn', 'SESSION_PASSWORD', 'not set: fine while every dashboard is public; share links and link/passcode dashboards need it (32+ characters)'));
  }
  if (settings.publicBaseUrl === null) {
    out.push(row('warn', 'PUBLIC_BASE_URL', "not set: share links and the webhook's target URL need the address where Twenty and viewers reach the wall"));
  }
  const api = new URL(settings.apiUrl);
  if (api.protocol === 'http:' && !isPrivateHost(api.hostname)) {
    out.push(row('warn', 'TWENTY_API_URL', `${displayUrl(settings.apiUrl)} is plain http: the API key crosses the network unencrypted; use https`));
  }
  return out;
}

/** Throws ConfigError (one line naming the setting, never its value) for what stops the app. */
export function readCheckSettings(rawEnv: RawEnv, cwd: string): CheckSettings {
  const parsed = envSchema.safeParse(rawEnv);
  if (!parsed.success) throw new ConfigError(`Invalid setting: ${describeEnvError(parsed.error)}`);
  const env = parsed.data;
  const dashboards = loadDashboards(env.DASHBOARDS_CONFIG, cwd);
  checkAccessSettings(dashboards, env.SESSION_PASSWORD);
  const base = {
    apiUrl: env.TWENTY_API_URL,
    apiKey: env.TWENTY_API_KEY,
    timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    dashboards,
    dashboardsFile: env.DASHBOARDS_CONFIG,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? null,
    webhookSecretSet: env.TWENTY_WEBHOOK_SECRET !== undefined,
    // Validated by envSchema above; read raw so the check does not depend on its exact type.
    webhookIdSet: Boolean(rawEnv.TWENTY_WEBHOOK_ID),
  };
  return { ...base, warnings: warningsOf(base, env.SESSION_PASSWORD !== undefined) };
}
