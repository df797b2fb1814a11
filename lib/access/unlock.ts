import 'server-only';
import { z } from 'zod';
import { getContext } from '@/lib/server/context';
import { getEnv } from '@/lib/config/env';
import { verifyPasscode } from '@/lib/access/passcode';
import { createAttemptThrottle, type AttemptThrottle } from '@/lib/access/throttle';
import { SLUG_PATTERN } from '@/lib/access/decide';
import { clientKeyFor, getEdge } from '@/lib/edge';

// The passcode check behind POST /api/unlock: throttled per client IP (5 wrong a minute) and per
// dashboard (30 a minute, whatever the IP, so a guesser with many addresses is bounded too).

export const unlockBodySchema = z.object({
  slug: z.string().regex(SLUG_PATTERN),
  passcode: z.string().min(1).max(200),
  /** Where to go once unlocked: a surface of the same dashboard, never another site. */
  returnTo: z.string().max(4096).optional(),
});
export type UnlockBody = z.infer<typeof unlockBodySchema>;

export const PER_IP_LIMIT = 5;
export const PER_DASHBOARD_LIMIT = 30;
const WINDOW_MS = 60_000;

const KEY = Symbol.for('pipeline-wall.unlock-throttles');
type Holder = { [KEY]?: { ip: AttemptThrottle; dashboard: AttemptThrottle } };

function throttles() {
  const holder = globalThis as Holder;
  holder[KEY] ??= {
    ip: createAttemptThrottle({ limit: PER_IP_LIMIT, windowMs: WINDOW_MS }),
    dashboard: createAttemptThrottle({ limit: PER_DASHBOARD_LIMIT, windowMs: WINDOW_MS }),
  };
  return holder[KEY];
}

export type UnlockOutcome =
  | { ok: true; slug: string; tokenVersion: number; password: string; returnTo: string }
  | { ok: false; status: 401 | 404 | 429 | 500; problem: 'wrong_passcode' | 'throttled' | 'unknown_dashboard' | 'server_misconfigured'; retryAfterSeconds?: number; returnTo: string };

/** Only /d, /embed or /tv of this very dashboard, with its query; anything else goes to /d/<slug>. */
export function safeReturnTo(slug: string, returnTo: string | undefined): string {
  const fallback = `/d/${slug}`;
  if (!returnTo) return fallback;
  const match = /^\/(d|embed|tv)\/([a-z0-9-]+)(\?[^#\s\\]*)?$/.exec(returnTo);
  return match && match[2] === slug ? returnTo : fallback;
}

export async function checkUnlock(body: UnlockBody, clientIp: string, now = Date.now()): Promise<UnlockOutcome> {
  const returnTo = safeReturnTo(body.slug, body.returnTo);
  const { ip, dashboard: perDashboard } = throttles();
  const ipKey = `${body.slug}|${clientIp}`;
  for (const verdict of [ip.check(ipKey, now), perDashboard.check(body.slug, now)]) {
    if (!verdict.allowed) return { ok: false, status: 429, problem: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds, returnTo };
  }
  const dashboard = getContext().dashboards.get(body.slug);
  if (!dashboard || dashboard.access !== 'passcode' || !dashboard.passcodeHash) {
    return { ok: false, status: 404, problem: 'unknown_dashboard', returnTo };
  }
  const password = getEnv().SESSION_PASSWORD;
  if (!password) return { ok: false, status: 500, problem: 'server_misconfigured', returnTo };
  if (await verifyPasscode(body.passcode, dashboard.passcodeHash)) {
    return { ok: true, slug: dashboard.slug, tokenVersion: dashboard.tokenVersion, password, returnTo };
  }
  ip.recordFailure(ipKey, now);
  perDashboard.recordFailure(body.slug, now);
  return { ok: false, status: 401, problem: 'wrong_passcode', returnTo };
}

/** The caller, keyed as the edge keys every per-client limit (socket address, or TRUST_PROXY's hop). */
export function clientKeyOfRequest(headers: Headers): string {
  return clientKeyFor(getEdge(), headers);
}

/** The host the visitor typed (behind a proxy, the one it forwards), without the port. */
export function hostnameOf(headers: Headers): string {
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host') || '';
  return host.replace(/:\d+$/, '');
}
