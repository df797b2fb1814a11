import { expect, test } from 'vitest';
import { getIronSession } from 'iron-session';
import { decideAccess, GATED_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, type DecideInput } from '@/lib/access/decide';
import { sealShareToken } from '@/lib/access/share-token';
import { accessSessionOptions, readAccessSession, type AccessSession } from '@/lib/access/session';
import { dashboardDefaults, type DashboardConfig } from '@/lib/config/dashboard-schema';

const PASSWORD = 'unit-test-session-password-0123456789abcdef';
const NOW = new Date('2026-03-01T12:00:00Z');
const HASH = 'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const dashboards = new Map<string, DashboardConfig>(
  [
    dashboardDefaults({ slug: 'open', title: 'Open' }),
    dashboardDefaults({ slug: 'linked', title: 'Linked', access: 'link', tokenVersion: 2 }),
    dashboardDefaults({ slug: 'locked', title: 'Locked', access: 'passcode', passcodeHash: HASH }),
  ].map((d) => [d.slug, d]),
);

const decide = (over: Partial<DecideInput>) =>
  decideAccess({ slug: 'linked', dashboards, token: undefined, sessionSeal: undefined, password: PASSWORD, now: NOW, ...over });
const token = (slug: string, v: number, expInSeconds = 3600, password = PASSWORD) =>
  sealShareToken({ slug, v, exp: Math.floor(NOW.getTime() / 1000) + expInSeconds }, password);

/** A cookie exactly as POST /api/unlock writes it, through iron-session's own getIronSession. */
async function unlockCookie(unlocked: Record<string, number>, password = PASSWORD): Promise<string> {
  const jar = new Map<string, string>();
  const store = {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) ?? '' } : undefined),
    set: (nameOrCookie: string | { name: string; value: string }, value?: string) => {
      if (typeof nameOrCookie === 'string') jar.set(nameOrCookie, value ?? '');
      else jar.set(nameOrCookie.name, nameOrCookie.value);
    },
  };
  const session = await getIronSession<AccessSession>(store, accessSessionOptions(password, false));
  session.unlocked = unlocked;
  await session.save();
  const value = [...jar.values()][0];
  if (!value) throw new Error('no cookie written');
  return value;
}

test('a public dashboard opens for anyone and may be cached publicly', async () => {
  const result = await decide({ slug: 'open', password: undefined });
  expect(result).toMatchObject({ ok: true, gated: false, via: 'public', cacheControl: PUBLIC_CACHE_CONTROL });
});

test('unknown and malformed slugs are 404, before any credential is looked at', async () => {
  expect(await decide({ slug: 'nope' })).toEqual({ ok: false, status: 404, reason: 'unknown_dashboard' });
  expect(await decide({ slug: '../etc' })).toEqual({ ok: false, status: 404, reason: 'bad_slug' });
});

test('a link dashboard without a token is 401; with its valid token it opens, private and uncached', async () => {
  expect(await decide({})).toEqual({ ok: false, status: 401, reason: 'link_required', access: 'link' });
  const result = await decide({ token: await token('linked', 2) });
  expect(result).toMatchObject({ ok: true, gated: true, via: 'token', cacheControl: GATED_CACHE_CONTROL });
  expect(GATED_CACHE_CONTROL).toBe('private, no-store');
});

test('bad tokens are 403: expired, other dashboard, revoked version, tampered, old password', async () => {
  expect(await decide({ token: await token('linked', 2, -1) })).toMatchObject({ ok: false, status: 403, reason: 'link_expired' });
  expect(await decide({ token: await token('open', 2) })).toMatchObject({ ok: false, status: 403, reason: 'link_invalid' });
  expect(await decide({ token: await token('linked', 1) })).toMatchObject({ ok: false, status: 403, reason: 'link_invalid' });
  const good = await token('linked', 2);
  expect(await decide({ token: `${good.slice(0, 40)}x${good.slice(41)}` })).toMatchObject({ ok: false, status: 403, reason: 'link_invalid' });
  const old = await token('linked', 2, 3600, 'an-older-session-password-that-was-rotated!');
  expect(await decide({ token: old })).toMatchObject({ ok: false, status: 403, reason: 'link_invalid' });
});

test('a passcode dashboard opens with the unlock cookie for its current tokenVersion only', async () => {
  expect(await decide({ slug: 'locked' })).toEqual({ ok: false, status: 401, reason: 'passcode_required', access: 'passcode' });
  expect(await decide({ slug: 'locked', sessionSeal: await unlockCookie({ locked: 1 }) })).toMatchObject({ ok: true, via: 'session', gated: true });
  // Bumped tokenVersion, another dashboard's unlock, a forged cookie, a rotated password: all refused.
  expect((await decide({ slug: 'locked', sessionSeal: await unlockCookie({ locked: 0 + 2 }) })).ok).toBe(false);
  expect((await decide({ slug: 'locked', sessionSeal: await unlockCookie({ linked: 1 }) })).ok).toBe(false);
  expect((await decide({ slug: 'locked', sessionSeal: 'Fe26.2*1*forged~2' })).ok).toBe(false);
  expect((await decide({ slug: 'locked', sessionSeal: await unlockCookie({ locked: 1 }, 'another-password-another-password-xx') })).ok).toBe(false);
});

test('a passcode dashboard also opens with a share link; a bad link with a good cookie still opens', async () => {
  expect(await decide({ slug: 'locked', token: await token('locked', 1) })).toMatchObject({ ok: true, via: 'token' });
  const cookie = await unlockCookie({ locked: 1 });
  expect(await decide({ slug: 'locked', token: await token('locked', 1, -5), sessionSeal: cookie })).toMatchObject({ ok: true, via: 'session' });
  expect(await decide({ slug: 'locked', token: await token('locked', 1, -5) })).toMatchObject({ ok: false, status: 403, reason: 'link_expired', access: 'passcode' });
});

test('the unlock cookie does not open a link-only dashboard', async () => {
  expect(await decide({ sessionSeal: await unlockCookie({ linked: 2 }) })).toMatchObject({ ok: false, status: 401 });
});

test('a protected dashboard without SESSION_PASSWORD fails closed with 500', async () => {
  expect(await decide({ password: undefined, token: await token('linked', 2) })).toEqual({ ok: false, status: 500, reason: 'server_misconfigured' });
  expect(await decide({ password: 'short' })).toEqual({ ok: false, status: 500, reason: 'server_misconfigured' });
});

test('the session cookie is HttpOnly, SameSite=Lax, and Secure when the app is served over https', () => {
  // Whether it is served over https is lib/http/transport.ts's decision (tests/unit/http/transport.test.ts).
  expect(accessSessionOptions(PASSWORD, true).cookieOptions).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true });
  expect(accessSessionOptions(PASSWORD, false).cookieOptions).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false });
});

test('readAccessSession ignores garbage and returns nothing unlocked', async () => {
  expect(await readAccessSession(undefined, PASSWORD)).toEqual({ unlocked: {} });
  expect(await readAccessSession('garbage', PASSWORD)).toEqual({ unlocked: {} });
});
