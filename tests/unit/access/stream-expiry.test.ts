import { expect, test } from 'vitest';
import { sealData } from 'iron-session';
import { decideAccess, type DecideInput } from '@/lib/access/decide';
import { sealShareToken } from '@/lib/access/share-token';
import { sealExpiresAt } from '@/lib/access/session';
import { dashboardDefaults, type DashboardConfig } from '@/lib/config/dashboard-schema';

// A granted view says when its credential expires, so a live stream can end then (issue 11,
// item 9): the share token's exp, or the expiry iron-session seals into the passcode cookie.

const PASSWORD = 'unit-test-session-password-0123456789abcdef';
const HASH = 'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const dashboards = new Map<string, DashboardConfig>(
  [
    dashboardDefaults({ slug: 'open', title: 'Open' }),
    dashboardDefaults({ slug: 'linked', title: 'Linked', access: 'link', tokenVersion: 2 }),
    dashboardDefaults({ slug: 'locked', title: 'Locked', access: 'passcode', passcodeHash: HASH }),
  ].map((d) => [d.slug, d]),
);
const decide = (over: Partial<DecideInput>) =>
  decideAccess({ slug: 'linked', dashboards, token: undefined, sessionSeal: undefined, password: PASSWORD, now: new Date(), ...over });

test('a share token grants until its exp', async () => {
  const exp = Math.floor(Date.now() / 1000) + 15;
  const result = await decide({ token: await sealShareToken({ slug: 'linked', v: 2, exp }, PASSWORD) });
  expect(result).toMatchObject({ ok: true, via: 'token', expiresAt: exp * 1000 });
});

test('a passcode session grants until the expiry sealed into its cookie', async () => {
  const before = Date.now();
  const seal = await sealData({ unlocked: { locked: 1 } }, { password: PASSWORD, ttl: 60 });
  const result = await decide({ slug: 'locked', sessionSeal: seal });
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  expect(result.via).toBe('session');
  expect(result.expiresAt).toBeGreaterThanOrEqual(before + 60_000);
  expect(result.expiresAt).toBeLessThanOrEqual(Date.now() + 60_000);
  expect(sealExpiresAt(seal)).toBe(result.expiresAt);
});

test('a public dashboard has no expiry', async () => {
  expect(await decide({ slug: 'open', password: undefined })).not.toHaveProperty('expiresAt', expect.any(Number));
});
