import type { AccessMode, DashboardConfig } from '@/lib/config/dashboard-schema';
import { verifyShareToken } from '@/lib/access/share-token';
import { isUnlocked, readAccessSession, sealExpiresAt } from '@/lib/access/session';

// The access decision itself, pure apart from the clock it is given: which dashboard, whether
// the caller may see it, and how the answer may be cached. gate.ts feeds it the app's state.

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export type GateRefusal =
  | 'bad_slug'
  | 'unknown_dashboard'
  | 'link_required'
  | 'passcode_required'
  | 'link_expired'
  | 'link_invalid'
  | 'server_misconfigured';

export type GateGranted = {
  ok: true;
  dashboard: DashboardConfig;
  cacheControl: string;
  /** True when the dashboard is not public: its answers must not be shared by caches. */
  gated: boolean;
  via: 'public' | 'token' | 'session';
  /** Epoch ms when the share token or passcode session that opened it expires (a stream ends then). */
  expiresAt?: number;
};

export type GateDenied = {
  ok: false;
  status: 401 | 403 | 404 | 500;
  reason: GateRefusal;
  /** Set when a passcode would open the dashboard, so a page can offer the form. */
  access?: AccessMode;
};

export type GateResult = GateGranted | GateDenied;

/**
 * What a shared cache (CDN) may do with a public dashboard's JSON. The wall is live, so a CDN
 * holds an answer only a few seconds (s-maxage) and may serve it a little longer while it
 * revalidates with the ETag (stale-while-revalidate); browsers always revalidate (max-age=0).
 */
export function publicCacheControl(opts: { sharedMaxAgeSeconds: number; staleWhileRevalidateSeconds: number }): string {
  const whole = (n: number) => Math.max(0, Math.floor(n));
  return `public, max-age=0, s-maxage=${whole(opts.sharedMaxAgeSeconds)}, stale-while-revalidate=${whole(opts.staleWhileRevalidateSeconds)}`;
}

export const PUBLIC_CACHE_CONTROL = publicCacheControl({ sharedMaxAgeSeconds: 5, staleWhileRevalidateSeconds: 30 });
export const GATED_CACHE_CONTROL = 'private, no-store';

export type DecideInput = {
  slug: string;
  dashboards: ReadonlyMap<string, DashboardConfig>;
  token: string | null | undefined;
  sessionSeal: string | undefined;
  /** SESSION_PASSWORD; undefined only when every dashboard is public (the startup check). */
  password: string | undefined;
  now: Date;
};

export async function decideAccess(input: DecideInput): Promise<GateResult> {
  if (!SLUG_PATTERN.test(input.slug)) return { ok: false, status: 404, reason: 'bad_slug' };
  const dashboard = input.dashboards.get(input.slug);
  if (!dashboard) return { ok: false, status: 404, reason: 'unknown_dashboard' };
  if (dashboard.access === 'public') return { ok: true, dashboard, cacheControl: PUBLIC_CACHE_CONTROL, gated: false, via: 'public' };

  const password = input.password;
  // Fail closed: a protected dashboard without a sealing password is never served.
  if (!password || password.length < 32) return { ok: false, status: 500, reason: 'server_misconfigured' };
  const granted = (via: 'token' | 'session', expiresAt: number | undefined): GateGranted => ({
    ok: true,
    dashboard,
    cacheControl: GATED_CACHE_CONTROL,
    gated: true,
    via,
    expiresAt,
  });

  let tokenRefusal: GateRefusal | null = null;
  if (input.token) {
    const check = await verifyShareToken(input.token, dashboard, password, input.now);
    if (check.ok) return granted('token', check.payload.exp * 1000);
    tokenRefusal = check.reason === 'expired' ? 'link_expired' : 'link_invalid';
  }
  if (dashboard.access === 'passcode' && input.sessionSeal) {
    const session = await readAccessSession(input.sessionSeal, password);
    if (isUnlocked(session, dashboard)) return granted('session', sealExpiresAt(input.sessionSeal));
  }
  if (tokenRefusal) return { ok: false, status: 403, reason: tokenRefusal, access: dashboard.access };
  return { ok: false, status: 401, reason: dashboard.access === 'passcode' ? 'passcode_required' : 'link_required', access: dashboard.access };
}
