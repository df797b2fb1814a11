import { expect, test } from 'vitest';
import { sealShareToken, verifyShareToken, parseDuration, SHARE_TOKEN_PATTERN } from '@/lib/access/share-token';

const PASSWORD = 'unit-test-session-password-0123456789abcdef';
const OTHER_PASSWORD = 'rotated-session-password-fedcba9876543210xyz';
const NOW = new Date('2026-03-01T12:00:00Z');
const inSeconds = (s: number) => Math.floor(NOW.getTime() / 1000) + s;
const dashboard = { slug: 'board', tokenVersion: 1 };

test('a sealed token opens for its dashboard and carries slug, expiry and version', async () => {
  const token = await sealShareToken({ slug: 'board', exp: inSeconds(3600), v: 1 }, PASSWORD);
  expect(SHARE_TOKEN_PATTERN.test(token)).toBe(true);
  expect(token).not.toContain('board');
  const check = await verifyShareToken(token, dashboard, PASSWORD, NOW);
  expect(check).toEqual({ ok: true, payload: { slug: 'board', exp: inSeconds(3600), v: 1 } });
});

test('an expired token is refused as expired, one second before expiry it still opens', async () => {
  const token = await sealShareToken({ slug: 'board', exp: inSeconds(60), v: 1 }, PASSWORD);
  expect((await verifyShareToken(token, dashboard, PASSWORD, new Date(NOW.getTime() + 59_000))).ok).toBe(true);
  expect(await verifyShareToken(token, dashboard, PASSWORD, new Date(NOW.getTime() + 60_000))).toEqual({ ok: false, reason: 'expired' });
});

test("a token for another dashboard does not open this one", async () => {
  const token = await sealShareToken({ slug: 'other', exp: inSeconds(3600), v: 1 }, PASSWORD);
  expect(await verifyShareToken(token, dashboard, PASSWORD, NOW)).toEqual({ ok: false, reason: 'wrong_dashboard' });
});

test('bumping tokenVersion revokes every older link at once', async () => {
  const token = await sealShareToken({ slug: 'board', exp: inSeconds(3600), v: 1 }, PASSWORD);
  expect(await verifyShareToken(token, { slug: 'board', tokenVersion: 2 }, PASSWORD, NOW)).toEqual({ ok: false, reason: 'revoked' });
  const fresh = await sealShareToken({ slug: 'board', exp: inSeconds(3600), v: 2 }, PASSWORD);
  expect((await verifyShareToken(fresh, { slug: 'board', tokenVersion: 2 }, PASSWORD, NOW)).ok).toBe(true);
});

test('rotating SESSION_PASSWORD stops every link sealed with the old one', async () => {
  const token = await sealShareToken({ slug: 'board', exp: inSeconds(3600), v: 1 }, PASSWORD);
  expect(await verifyShareToken(token, dashboard, OTHER_PASSWORD, NOW)).toEqual({ ok: false, reason: 'invalid' });
});

test('a token altered in any one character is invalid', async () => {
  const token = await sealShareToken({ slug: 'board', exp: inSeconds(3600), v: 1 }, PASSWORD);
  const positions = [10, Math.floor(token.length / 3), Math.floor(token.length / 2), token.length - 5];
  for (const at of positions) {
    const char = token[at] === 'A' ? 'B' : 'A';
    const tampered = token.slice(0, at) + char + token.slice(at + 1);
    expect(await verifyShareToken(tampered, dashboard, PASSWORD, NOW)).toEqual({ ok: false, reason: 'invalid' });
  }
});

test('garbage, empty and oversized tokens are invalid without throwing', async () => {
  for (const bad of ['', 'hello', 'Fe26.2*1*a*b*c*d*e*f~2', 'x'.repeat(3000), '<script>alert(1)</script>']) {
    expect(await verifyShareToken(bad, dashboard, PASSWORD, NOW)).toEqual({ ok: false, reason: 'invalid' });
  }
});

test('a seal of a different shape (e.g. a session cookie) is not a share token', async () => {
  const { sealData } = await import('iron-session');
  const seal = await sealData({ unlocked: { board: 1 } }, { password: PASSWORD, ttl: 0 });
  expect(await verifyShareToken(seal, dashboard, PASSWORD, NOW)).toEqual({ ok: false, reason: 'invalid' });
});

test('durations: units, bounds and junk', () => {
  expect(parseDuration('30d')).toBe(30 * 86_400);
  expect(parseDuration('12h')).toBe(43_200);
  expect(parseDuration('90m')).toBe(5_400);
  expect(parseDuration('2w')).toBe(1_209_600);
  expect(parseDuration('45s')).toBe(45);
  expect(parseDuration('3650d')).toBe(3650 * 86_400);
  for (const bad of ['0d', '3651d', '30', 'd', '1.5d', '-1d', '30 days', '']) expect(parseDuration(bad)).toBeNull();
});
