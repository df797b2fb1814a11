import { expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gateDashboard, type AccessInputs } from '@/lib/access/gate';
import { gateApiRequest } from '@/lib/access/api-gate';
import { gatePage } from '@/lib/access/page-gate';
import { frameHeadersFor } from '@/lib/access/surface-headers';
import { checkUnlock, createUnlockGuard, PER_ADDRESS_LIMIT } from '@/lib/access/unlock';
import { hashPasscode } from '@/lib/access/passcode';
import { sealShareToken } from '@/lib/access/share-token';
import { dashboardDefaults, type DashboardConfig } from '@/lib/config/dashboard-schema';
import { dashboardsOf } from '@/lib/config/dashboards';

// The gate, the framing and the passcode check decide from what they are handed alone: the
// dashboards, the password, the clock and a log, with no process state of their own.

const PASSWORD = 'unit-test-session-password-0123456789abcdef';
const NOW = new Date('2026-03-01T12:00:00Z');
const noCookies = { get: () => undefined };

function inputs(dashboards: DashboardConfig[], over: Partial<AccessInputs> = {}): AccessInputs & { logged: unknown[] } {
  const logged: unknown[] = [];
  return { dashboards: new Map(dashboards.map((d) => [d.slug, d])), password: PASSWORD, now: NOW, logError: (fields) => logged.push(fields), logged, ...over };
}

const linked = dashboardDefaults({ slug: 'linked', title: 'Linked', access: 'link' });
const open = dashboardDefaults({ slug: 'open', title: 'Open', allowedOrigins: ['https://intranet.example.com'] });

test('the gate opens what the given dashboards and password open, at the given time', async () => {
  const token = await sealShareToken({ slug: 'linked', v: 1, exp: Math.floor(NOW.getTime() / 1000) + 60 }, PASSWORD);
  expect(await gateDashboard({ slug: 'linked', token, cookies: noCookies }, inputs([linked]))).toMatchObject({ ok: true, via: 'token' });
  // The same token a minute and a second later, by the clock it is handed.
  const later = inputs([linked], { now: new Date(NOW.getTime() + 61_000) });
  expect(await gateDashboard({ slug: 'linked', token }, later)).toMatchObject({ ok: false, reason: 'link_expired' });
  // Another process's dashboards (without this one) know nothing of it.
  expect(await gateDashboard({ slug: 'linked', token }, inputs([open]))).toMatchObject({ ok: false, status: 404 });
});

test('a protected dashboard without a password is refused and told to the log it is handed', async () => {
  const given = inputs([linked], { password: undefined });
  expect(await gateDashboard({ slug: 'linked' }, given)).toMatchObject({ ok: false, status: 500, reason: 'server_misconfigured' });
  expect(given.logged).toEqual([{ msg: expect.stringContaining('SESSION_PASSWORD'), slug: 'linked' }]);
  const fine = inputs([linked]);
  await gateDashboard({ slug: 'linked' }, fine);
  expect(fine.logged).toEqual([]);
});

test('the API and page gates pass the query and cookies they are handed to the one gate', async () => {
  const refused = await gateApiRequest({ slug: 'linked', query: new URLSearchParams(), cookies: noCookies }, inputs([linked]));
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect([refused.response.status, await refused.response.json()]).toEqual([401, { error: 'link_required' }]);
  const bad = await gateApiRequest({ slug: 'open', query: new URLSearchParams('theme=neon'), cookies: noCookies }, inputs([open]));
  expect(bad.ok ? 200 : bad.response.status).toBe(400);
  const page = await gatePage({ slug: 'open', searchParams: { view: 'kpis' }, cookies: noCookies }, inputs([open]));
  expect(page).toMatchObject({ ok: true, jsonUrl: '/api/dashboards/open', params: { views: ['kpis'] } });
});

test('an embed is framed by the origins of the dashboard it is handed; other surfaces never', () => {
  expect(frameHeadersFor('embed', open)).toEqual({ 'content-security-policy': "frame-ancestors 'self' https://intranet.example.com" });
  expect(frameHeadersFor('embed', undefined)['x-frame-options']).toBe('DENY');
  expect(frameHeadersFor('tv', open)['x-frame-options']).toBe('DENY');
});

test('the passcode check counts attempts in the guard it is handed, not in a process-wide one', async () => {
  const locked = dashboardDefaults({ slug: 'locked', title: 'Locked', access: 'passcode', passcodeHash: await hashPasscode('right', { N: 1024 }) });
  const dashboards = new Map([[locked.slug, locked]]);
  const guard = createUnlockGuard();
  const attempt = (passcode: string, g = guard) => checkUnlock({ slug: 'locked', passcode }, { clientKey: '192.0.2.1', dashboards, password: PASSWORD, guard: g });
  for (let i = 0; i < PER_ADDRESS_LIMIT; i++) expect(await attempt('wrong')).toMatchObject({ ok: false, status: 401 });
  expect(await attempt('right')).toMatchObject({ ok: false, status: 429, problem: 'throttled' });
  expect(await attempt('right', createUnlockGuard())).toMatchObject({ ok: true, slug: 'locked', password: PASSWORD, returnTo: '/d/locked' });
  expect(await checkUnlock({ slug: 'locked', passcode: 'right' }, { clientKey: 'x', dashboards, password: undefined, guard })).toMatchObject({ status: 500 });
  expect(await checkUnlock({ slug: 'other', passcode: 'right' }, { clientKey: 'x', dashboards, password: PASSWORD, guard })).toMatchObject({ status: 404 });
});

test('the dashboards file is read once per process: every caller gets the very same map', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'pw-dashboards-')), 'dashboards.json');
  writeFileSync(path, JSON.stringify({ dashboards: [{ slug: 'first', title: 'First' }] }));
  const first = dashboardsOf(path);
  expect([...first.keys()]).toEqual(['first']);
  writeFileSync(path, JSON.stringify({ dashboards: [{ slug: 'second', title: 'Second' }] }));
  expect(dashboardsOf(path)).toBe(first);
  expect(() => dashboardsOf(join(tmpdir(), 'pw-no-such-dir', 'dashboards.json'))).toThrow(/DASHBOARDS_CONFIG cannot read/);
});
