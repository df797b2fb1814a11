import { execFileSync } from 'node:child_process';
import type { APIRequestContext } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { E2E_SESSION_PASSWORD } from './support/stacks';
import { sealShareToken } from '@/lib/access/share-token';

// Share links, passcodes and the one gate: every data route (page, embed, TV, JSON, SSE) is tried
// without credentials and with each kind of bad token, and must refuse without dashboard data.

const SLUG = 'shared-link';
const TITLE = 'Board pipeline (shared by link)';
const PASSCODE = 'open-sesame-42';
const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;
const seal = (slug: string, v: number, exp = inSeconds(3600), password = E2E_SESSION_PASSWORD) => sealShareToken({ slug, exp, v }, password);
const withToken = (path: string, token: string) => `${path}?token=${encodeURIComponent(token)}`;
/** A client address of its own per test, so the passcode throttle of one test does not leak into another. */
const freshIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

/** One character changed in the sealed payload, the way a mangled or forged link would differ. */
function tamper(token: string): string {
  const at = token.indexOf('*', token.indexOf('*', token.indexOf('*') + 1) + 1) + 5;
  return token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
}

/** The frame-ancestors directive of a CSP header, whatever else the policy says. */
const frameAncestors = (csp: string | undefined) => (csp ?? '').split(';').map((d) => d.trim()).find((d) => d.startsWith('frame-ancestors'));

const routes = (slug: string) => [`/d/${slug}`, `/embed/${slug}`, `/tv/${slug}`, `/api/dashboards/${slug}`, `/api/dashboards/${slug}/events`];

async function expectRefused(request: APIRequestContext, url: string, status: number, leaks: string[]) {
  const response = await request.get(url, { timeout: 10_000 });
  expect(response.status(), url).toBe(status);
  expect(response.headers()['cache-control'], url).toContain('no-store');
  const body = await response.text();
  for (const leak of leaks) expect(body.includes(leak), `${url} leaks "${leak}"`).toBe(false);
  if (url.startsWith('/api/')) expect(JSON.parse(body)).toEqual({ error: expect.any(String) });
  else expect(body).toContain('data-testid="access-refused"');
}

test('every data route refuses a protected dashboard without credentials and with every bad token', async ({ request, crm }) => {
  const deals = await crm.allDeals();
  const leaks = [TITLE, 'Screening', 'amountMicros', ...deals.slice(0, 20).flatMap((d) => (d.name ? [d.name] : []))];
  const bad = {
    expired: await seal(SLUG, 1, inSeconds(-60)),
    otherDashboard: await seal('revoked-link', 2),
    tampered: tamper(await seal(SLUG, 1)),
    wrongVersion: await seal(SLUG, 2),
    oldPassword: await seal(SLUG, 1, inSeconds(3600), 'a-session-password-from-before-the-rotation'),
  };
  for (const url of routes(SLUG)) {
    await expectRefused(request, url, 401, leaks);
    for (const token of Object.values(bad)) await expectRefused(request, withToken(url, token), 403, leaks);
  }
});

test('a link sealed before tokenVersion was bumped is revoked on every route; a current one works', async ({ request }) => {
  const old = await seal('revoked-link', 1);
  for (const url of routes('revoked-link')) await expectRefused(request, withToken(url, old), 403, ['Revoked links', 'amountMicros']);
  const current = await request.get(withToken('/api/dashboards/revoked-link', await seal('revoked-link', 2)));
  expect(current.status()).toBe(200);
  expect((await current.json()).title).toBe('Revoked links');
});

test('malformed view parameters are a fast 400 on pages and JSON', async ({ request }) => {
  for (const url of ['/embed/pipeline?theme=purple', '/tv/pipeline?view=kpis,pie', '/d/pipeline?title=yes', '/tv/pipeline?rotate=1', '/api/dashboards/pipeline?theme=neon', '/api/dashboards/pipeline/events?token=%3Cx%3E']) {
    const started = Date.now();
    const response = await request.get(url);
    expect(response.status(), url).toBe(400);
    expect(Date.now() - started).toBeLessThan(2_000);
  }
  expect((await (await request.get('/api/dashboards/pipeline?view=pie')).json()).error).toBe('bad_params');
});

test('npm run share-link prints page, embed and TV links that open the dashboard, live, in a browser', async ({ page, baseURL }) => {
  const output = execFileSync('node_modules/.bin/tsx', ['scripts/share-link.ts', SLUG, '--expires', '2h'], {
    env: { ...process.env, SESSION_PASSWORD: E2E_SESSION_PASSWORD, DASHBOARDS_CONFIG: 'tests/e2e/dashboards.e2e.json', PUBLIC_BASE_URL: baseURL },
    encoding: 'utf8',
  });
  const link = (label: string) => new RegExp(`^${label}:\\s+(\\S+)$`, 'm').exec(output)?.[1] ?? '';
  const [pageUrl, embedUrl, tvUrl] = [link('Dashboard'), link('Embed'), link('TV')];
  expect(pageUrl).toMatch(new RegExp(`/d/${SLUG}\\?token=`));

  const streams: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/events')) streams.push(r.url());
  });
  const response = await page.goto(pageUrl);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cache-control']).toBe('private, no-store');
  expect(frameAncestors(response?.headers()['content-security-policy'])).toBe("frame-ancestors 'none'");
  await expect(page.getByTestId('dashboard-title')).toHaveText(TITLE);
  await expect(page.getByTestId('stage-row').first()).toBeVisible();
  // The live stream carries the token too, or a protected page would freeze after first paint.
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live');
  expect(streams.some((u) => u.includes(`/api/dashboards/${SLUG}/events?token=`))).toBe(true);

  for (const url of [embedUrl, tvUrl]) expect((await page.request.get(url)).status()).toBe(200);
  const json = await page.request.get(`/api/dashboards/${SLUG}?token=${new URL(pageUrl).searchParams.get('token') ?? ''}`);
  expect(json.headers()['cache-control']).toBe('private, no-store');
});

test('an expired link shows a neutral notice, not a login', async ({ page }) => {
  const response = await page.goto(withToken(`/tv/${SLUG}`, await seal(SLUG, 1, inSeconds(-1))));
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading')).toHaveText('This link has expired');
  await expect(page.locator('input[type=password]')).toHaveCount(0);
});

test('passcode: right opens page, JSON and SSE with the cookie; wrong says so with 401', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': freshIp() } });
  const page = await context.newPage();
  const first = await page.goto('/d/passcode-board');
  expect(first?.status()).toBe(401);
  await expect(page.getByRole('heading')).toHaveText('This dashboard needs a valid link');

  await page.getByPlaceholder('Passcode').fill('not-it');
  const wrong = page.waitForResponse((r) => r.url().endsWith('/api/unlock'));
  await page.getByRole('button', { name: 'Unlock' }).click();
  expect((await wrong).status()).toBe(401);
  await expect(page.getByTestId('access-error')).toHaveText('Check the passcode and try again.');

  await page.getByPlaceholder('Passcode').fill(PASSCODE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page).toHaveURL(/\/d\/passcode-board$/);
  await expect(page.getByTestId('dashboard-title')).toHaveText('Passcode board');
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live');

  const cookie = (await context.cookies()).find((c) => c.name === 'pw_access');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
  expect((await page.request.get('/api/dashboards/passcode-board')).status()).toBe(200);
  // The cookie opens only the dashboard it was typed for.
  expect((await page.request.get(`/api/dashboards/${SLUG}`)).status()).toBe(401);
  await context.close();
});

test('passcode: five wrong attempts a minute, then 429 with a wait time, even for the right passcode', async ({ request }) => {
  // Clients are keyed by socket address (or the trusted proxy's hop), so the X-Forwarded-For
  // header is only a hint here; the test counts on at most five wrong answers before the 429.
  const attempt = (passcode: string) =>
    request.post('/api/unlock', { headers: { 'x-forwarded-for': freshIp() }, form: { slug: 'passcode-board', passcode, returnTo: '/d/passcode-board' }, maxRedirects: 0 });
  const statuses: number[] = [];
  for (let i = 0; i < 6 && statuses.at(-1) !== 429; i++) statuses.push((await attempt(`guess-${i}`)).status());
  expect(statuses.at(-1)).toBe(429);
  expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
  const throttled = await attempt(PASSCODE);
  expect(throttled.status()).toBe(429);
  const wait = Number(throttled.headers()['retry-after']);
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(60);
  expect(await throttled.text()).toContain(`Too many attempts, try again in ${wait} s`);
  expect(throttled.headers()['set-cookie']).toBeUndefined();
});

test('a public dashboard stays public and cacheable on every surface', async ({ request }) => {
  const json = await request.get('/api/dashboards/pipeline');
  expect(json.status()).toBe(200);
  expect(json.headers()['cache-control']).toBe('public, max-age=0, s-maxage=5, stale-while-revalidate=30');
  expect(json.headers()['etag']).toBeTruthy();
  for (const url of ['/d/pipeline', '/tv/pipeline', '/embed/pipeline']) expect((await request.get(url)).status()).toBe(200);
});
