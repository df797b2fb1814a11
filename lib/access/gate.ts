import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { SESSION_COOKIE } from '@/lib/access/session';
import { decideAccess, type GateResult } from '@/lib/access/decide';

// The one gate in front of every surface that serves dashboard data: page, embed, TV, JSON, SSE.
// Credentials: the share token from `?token=` and the passcode session cookie. Pure: the caller
// hands it the process's facts (lib/server/access-inputs.ts), so proxy.ts can use it without
// loading the server.

export { SLUG_PATTERN, GATED_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '@/lib/access/decide';
export type { GateResult, GateGranted, GateDenied, GateRefusal } from '@/lib/access/decide';

/** `cookies()` from next/headers and `request.cookies` in the proxy or a route both fit. */
export type CookieReader = { get(name: string): { value: string } | undefined };

export type GateRequest = { slug: string; token?: string | null; cookies?: CookieReader };

/** What the gate knows of the process: the dashboards, SESSION_PASSWORD, the clock, the log. */
export type AccessInputs = {
  dashboards: ReadonlyMap<string, DashboardConfig>;
  /** SESSION_PASSWORD; undefined only when every dashboard is public (the startup check). */
  password: string | undefined;
  now: Date;
  /** For the operator: a protected dashboard that cannot be opened because of the setup. */
  logError: (fields: { msg: string; slug: string }) => void;
};

export async function gateDashboard(request: GateRequest, inputs: AccessInputs): Promise<GateResult> {
  const result = await decideAccess({
    slug: request.slug,
    dashboards: inputs.dashboards,
    token: request.token,
    sessionSeal: request.cookies?.get(SESSION_COOKIE)?.value,
    password: inputs.password,
    now: inputs.now,
  });
  if (!result.ok && result.reason === 'server_misconfigured') {
    inputs.logError({ msg: 'protected dashboard without SESSION_PASSWORD (32+ characters); refusing', slug: request.slug });
  }
  return result;
}
