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

/** `secure`: viewers reach the app over https, as lib/http/transport.ts decides (never from client headers). */
export function accessSessionOptions(password: string, secure: boolean): SessionOptions {
  return {
    cookieName: SESSION_COOKIE,
    password,
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: { httpOnly: true, secure, sameSite: 'lax', path: '/' },
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

/**
 * When a seal expires (epoch ms): iron seals carry it in clear, covered by their MAC, so this is
 * only meaningful for a seal that has just been opened with the password.
 */
export function sealExpiresAt(seal: string): number | undefined {
  const expiration = seal.replace(/~\d+$/, '').split('*')[5];
  return expiration && /^\d{1,15}$/.test(expiration) ? Number(expiration) : undefined;
}

export function isUnlocked(session: AccessSession, dashboard: { slug: string; tokenVersion: number }): boolean {
  return session.unlocked[dashboard.slug] === dashboard.tokenVersion;
}
