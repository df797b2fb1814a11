import { unsealData, type SessionOptions } from 'iron-session';
import { z } from 'zod';

// The passcode session: an iron-session cookie listing the dashboards unlocked, each with the
// tokenVersion it was unlocked under, so bumping tokenVersion also ends passcode sessions.

export const SESSION_COOKIE = 'pw_access';
const SESSION_TTL_SECONDS = 7 * 86_400;

export const accessSessionSchema = z.object({
  unlocked: z.record(z.string().max(63), z.number().int().min(1)).default({}),
});
export type AccessSession = z.infer<typeof accessSessionSchema>;

/** Plain-http loopback is the only place the cookie may travel without `Secure`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function accessSessionOptions(password: string, hostname: string): SessionOptions {
  return {
    cookieName: SESSION_COOKIE,
    password,
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: { httpOnly: true, secure: !isLoopbackHost(hostname), sameSite: 'lax', path: '/' },
  };
}

/** The session in a cookie value; empty when absent, forged, expired or sealed with another password. */
export async function readAccessSession(seal: string | undefined, password: string): Promise<AccessSession> {
  if (!seal) return { unlocked: {} };
  try {
    const parsed = accessSessionSchema.safeParse(await unsealData<unknown>(seal, { password, ttl: SESSION_TTL_SECONDS }));
    return parsed.success ? parsed.data : { unlocked: {} };
  } catch {
    return { unlocked: {} };
  }
}

export function isUnlocked(session: AccessSession, dashboard: { slug: string; tokenVersion: number }): boolean {
  return session.unlocked[dashboard.slug] === dashboard.tokenVersion;
}
