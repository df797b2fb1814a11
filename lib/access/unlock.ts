import { z } from 'zod';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { verifyPasscode } from '@/lib/access/passcode';
import { createPasscodeGuard, type PasscodeGuard } from '@/lib/access/passcode-guard';
import { SLUG_PATTERN } from '@/lib/access/decide';

// The passcode check behind POST /api/unlock, inside the guard's limits (passcode-guard.ts):
// 5 wrong a minute per address, and a slowdown for everyone once a dashboard sees 30. The guard
// is the caller's to keep for the process (lib/server/access-inputs.ts); this file holds no state.

export const unlockBodySchema = z.object({
  slug: z.string().regex(SLUG_PATTERN),
  passcode: z.string().min(1).max(200),
  /** Where to go once unlocked: a surface of the same dashboard, never another site. */
  returnTo: z.string().max(4096).optional(),
});
export type UnlockBody = z.infer<typeof unlockBodySchema>;

export const PER_ADDRESS_LIMIT = 5;
export const PER_DASHBOARD_LIMIT = 30;
export const ATTACK_DELAY_MAX_MS = 2_000;
const WINDOW_MS = 60_000;

/** The guard with the limits above; make one per process and pass it to every checkUnlock. */
export function createUnlockGuard(): PasscodeGuard {
  return createPasscodeGuard({
    perAddressLimit: PER_ADDRESS_LIMIT,
    perDashboardLimit: PER_DASHBOARD_LIMIT,
    windowMs: WINDOW_MS,
    maxDelayMs: ATTACK_DELAY_MAX_MS,
  });
}

export type UnlockOutcome =
  | { ok: true; slug: string; tokenVersion: number; password: string; returnTo: string }
  | { ok: false; status: 401 | 404 | 429 | 500; problem: 'wrong_passcode' | 'throttled' | 'unknown_dashboard' | 'server_misconfigured'; retryAfterSeconds?: number; returnTo: string };

// Printable ASCII only: a control character (or anything a Location header cannot carry) in the
// path or query sends the visitor to the dashboard itself instead.
const RETURN_TO = /^\/(d|embed|tv)\/([a-z0-9-]+)(\?[\x21-\x22\x24-\x5b\x5d-\x7e]*)?$/;

/** Only /d, /embed or /tv of this very dashboard, with its query; anything else goes to /d/<slug>. */
export function safeReturnTo(slug: string, returnTo: string | undefined): string {
  const fallback = `/d/${slug}`;
  if (!returnTo) return fallback;
  const match = RETURN_TO.exec(returnTo);
  return match && match[2] === slug ? returnTo : fallback;
}

export type UnlockInputs = {
  /** The caller, keyed as the edge keys every per-client limit (socket address, or TRUST_PROXY's hop). */
  clientKey: string;
  dashboards: ReadonlyMap<string, DashboardConfig>;
  /** SESSION_PASSWORD, which seals the session cookie. */
  password: string | undefined;
  guard: PasscodeGuard;
};

export async function checkUnlock(body: UnlockBody, inputs: UnlockInputs): Promise<UnlockOutcome> {
  const returnTo = safeReturnTo(body.slug, body.returnTo);
  const dashboard = inputs.dashboards.get(body.slug);
  if (!dashboard || dashboard.access !== 'passcode' || !dashboard.passcodeHash) {
    return { ok: false, status: 404, problem: 'unknown_dashboard', returnTo };
  }
  const password = inputs.password;
  if (!password) return { ok: false, status: 500, problem: 'server_misconfigured', returnTo };
  const hash = dashboard.passcodeHash;
  const verdict = await inputs.guard.attempt(dashboard.slug, inputs.clientKey, () => verifyPasscode(body.passcode, hash));
  if (verdict.ok) return { ok: true, slug: dashboard.slug, tokenVersion: dashboard.tokenVersion, password, returnTo };
  if (verdict.reason === 'throttled') return { ok: false, status: 429, problem: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds, returnTo };
  return { ok: false, status: 401, problem: 'wrong_passcode', returnTo };
}
