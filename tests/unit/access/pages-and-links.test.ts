import { expect, test } from 'vitest';
import { renderAccessPage, offersPasscodeForm } from '@/lib/access/access-page';
import { makeShareLinks } from '@/lib/access/share-links';
import { verifyShareToken } from '@/lib/access/share-token';
import { dashboardDefaults } from '@/lib/config/dashboard-schema';

const PASSWORD = 'unit-test-session-password-0123456789abcdef';
const NOW = new Date('2026-03-01T12:00:00Z');

test('the refusal page says what is wrong, runs no script and escapes what it echoes', () => {
  const html = renderAccessPage({ problem: 'bad_params', surface: 'embed', detail: 'theme must be <b>light</b>' });
  expect(html).toContain('This link has a setting we do not understand');
  expect(html).toContain('theme must be &#60;b&#62;light&#60;/b&#62;');
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/http-equiv="refresh"/i);
});

test('link pages carry the neutral message; only the full page of a passcode dashboard offers a form', () => {
  expect(renderAccessPage({ problem: 'link_required', surface: 'tv' })).toContain('This dashboard needs a valid link');
  expect(offersPasscodeForm('page', 'passcode')).toBe(true);
  expect(offersPasscodeForm('tv', 'passcode')).toBe(false);
  expect(offersPasscodeForm('embed', 'passcode')).toBe(false);
  expect(offersPasscodeForm('page', 'link')).toBe(false);
  const form = renderAccessPage({ problem: 'passcode_required', surface: 'page', form: { slug: 'board', returnTo: '/d/board?theme="x"' } });
  expect(form).toContain('action="/api/unlock"');
  expect(form).toContain('value="/d/board?theme=&#34;x&#34;"');
  expect(renderAccessPage({ problem: 'throttled', surface: 'page', retryAfterSeconds: 42 })).toContain('Too many attempts, try again in 42 s');
});

test('share links: three URLs with one token that opens the dashboard until it expires', async () => {
  const dashboard = dashboardDefaults({ slug: 'board', title: 'Board', access: 'link', tokenVersion: 3 });
  const links = await makeShareLinks(dashboard, { baseUrl: 'https://wall.example.com/', password: PASSWORD, expiresInSeconds: 86_400, now: NOW });
  expect(links.page.startsWith('https://wall.example.com/d/board?token=')).toBe(true);
  expect(links.embed.startsWith('https://wall.example.com/embed/board?token=')).toBe(true);
  expect(links.tv.startsWith('https://wall.example.com/tv/board?token=')).toBe(true);
  const token = new URL(links.tv).searchParams.get('token') ?? '';
  expect(links.expiresAt?.toISOString()).toBe('2026-03-02T12:00:00.000Z');
  expect((await verifyShareToken(token, dashboard, PASSWORD, NOW)).ok).toBe(true);
  expect(await verifyShareToken(token, dashboard, PASSWORD, new Date('2026-03-02T12:00:00Z'))).toEqual({ ok: false, reason: 'expired' });
});

test('share links for a public dashboard need no token; a protected one needs SESSION_PASSWORD', async () => {
  const open = await makeShareLinks(dashboardDefaults({ slug: 'open', title: 'Open' }), { baseUrl: 'http://localhost:3000', password: undefined, expiresInSeconds: 60, now: NOW });
  expect(open).toMatchObject({ page: 'http://localhost:3000/d/open', token: null });
  await expect(
    makeShareLinks(dashboardDefaults({ slug: 'b', title: 'B', access: 'link' }), { baseUrl: 'http://x', password: undefined, expiresInSeconds: 60, now: NOW }),
  ).rejects.toThrow(/SESSION_PASSWORD/);
});
