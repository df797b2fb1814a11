import 'server-only';
import { getContext } from '@/lib/server/context';
import { getEnv } from '@/lib/config/env';
import { SESSION_COOKIE } from '@/lib/access/session';
import { decideAccess, type GateResult } from '@/lib/access/decide';
import { logger } from '@/lib/server/log';

// The one gate in front of every surface that serves dashboard data: page, embed, TV, JSON, SSE.
// Credentials: the share token from `?token=` and the passcode session cookie.

export { SLUG_PATTERN, GATED_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '@/lib/access/decide';
export type { GateResult, GateGranted, GateDenied, GateRefusal } from '@/lib/access/decide';

/** `cookies()` from next/headers and `request.cookies` in the proxy both fit. */
export type CookieReader = { get(name: string): { value: string } | undefined };

export type GateRequest = { slug: string; token?: string | null; cookies?: CookieReader };

export async function gateDashboard(request: GateRequest): Promise<GateResult> {
  const result = await decideAccess({
    slug: request.slug,
    dashboards: getContext().dashboards,
    token: request.token,
    sessionSeal: request.cookies?.get(SESSION_COOKIE)?.value,
    password: getEnv().SESSION_PASSWORD,
    now: new Date(),
  });
  if (!result.ok && result.reason === 'server_misconfigured') {
    logger.error({ msg: 'protected dashboard without SESSION_PASSWORD (32+ characters); refusing', slug: request.slug });
  }
  return result;
}
