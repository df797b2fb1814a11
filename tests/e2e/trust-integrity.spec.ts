import { test, expect } from './support/fixtures';
import { E2E_API_KEY, E2E_SESSION_PASSWORD, E2E_TEST_KEY } from './support/stacks';
import { ownAppEnv, signedHeaders, startOwnApp, type OwnApp } from './support/trust-app';
import { openStream } from './support/raw-http';
import { sealShareToken } from '@/lib/access/share-token';
import { startSandbox, type Sandbox } from '@/sandbox/index';
import { opportunityBody } from '@/tests/unit/live/webhook/signed-request';

// Issue 11, integrity, on the real built app: a replayed delivery with a new nonce (item 7),
// cross-site posts to /api/unlock (8), a stream outliving its link (9), a returnTo that would
// make an invalid Location header (10).

const PASSCODE = 'open-sesame-42';
const PUBLIC_BASE_URL = 'http://wall.example.test';

test.skip(({ twentyVersion }) => twentyVersion !== '2.21', 'the app\'s own edge, on apps of its own: one run (Twenty 2.21) is enough');

let sandbox: Sandbox;
let app: OwnApp;
/** The same app with PUBLIC_BASE_URL set: then only that origin may post. */
let behindName: OwnApp;

test.beforeAll(async ({ twentyVersion }) => {
  if (twentyVersion !== '2.21') return;
  test.setTimeout(120_000);
  sandbox = await startSandbox({ port: 0, apiKey: E2E_API_KEY, extraApiKeys: [E2E_TEST_KEY], seed: 7 });
  app = await startOwnApp(ownAppEnv(sandbox.url));
  behindName = await startOwnApp(ownAppEnv(sandbox.url, { PUBLIC_BASE_URL }));
});
test.afterAll(async () => {
  await Promise.all([app?.stop(), behindName?.stop()]);
  await sandbox?.close();
});

const form = (passcode: string, returnTo = '/d/passcode-board') => new URLSearchParams({ slug: 'passcode-board', passcode, returnTo });
const unlock = (base: string, headers: Record<string, string>, body = form(PASSCODE)) =>
  fetch(`${base}/api/unlock`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });

test('a captured webhook delivery replayed with a new nonce is refused as a replay', async () => {
  // A delivery shaped exactly as Twenty sends one (the verifier's own test fixture).
  const body = opportunityBody();
  const captured = signedHeaders(body);
  const first = await fetch(`${app.url}/api/webhooks/twenty`, { method: 'POST', headers: captured, body });
  expect(first.status).toBe(202);
  const replay = await fetch(`${app.url}/api/webhooks/twenty`, { method: 'POST', headers: { ...captured, 'x-twenty-webhook-nonce': 'f'.repeat(32) }, body });
  expect(replay.status).toBe(401);
  expect(await replay.json()).toEqual({ error: 'replay' });
});

test('a cross-site form in a real browser cannot unlock: 403 and no session cookie', async ({ page, context }) => {
  // A page on another site that posts the right passcode to the wall as soon as it loads.
  await page.route('http://evil.example.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<form id="f" method="post" action="${app.url}/api/unlock"><input name="slug" value="passcode-board"><input name="passcode" value="${PASSCODE}"><input name="returnTo" value="/d/passcode-board"></form><script>document.getElementById('f').submit()</script>`,
    }),
  );
  const answer = page.waitForResponse((r) => r.url() === `${app.url}/api/unlock`);
  await page.goto('http://evil.example.test/');
  const response = await answer;
  expect(response.status()).toBe(403);
  expect((await response.request().allHeaders())['origin']).toBe('http://evil.example.test');
  expect((await context.cookies(app.url)).find((c) => c.name === 'pw_access')).toBeUndefined();
});

test('CSRF rules by header: cross-site fetch metadata or a foreign Origin is 403; same-origin and no Origin pass', async () => {
  expect((await unlock(app.url, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  expect((await unlock(app.url, { origin: 'https://evil.example' })).status).toBe(403);
  expect((await unlock(app.url, { origin: 'null' })).status).toBe(403);
  const refused = await unlock(app.url, { origin: 'https://evil.example' });
  expect(refused.headers.get('set-cookie')).toBeNull();
  expect((await unlock(app.url, { origin: app.url, 'sec-fetch-site': 'same-origin' })).status).toBe(303);
  expect((await unlock(app.url, {})).status).toBe(303);
});

test('with PUBLIC_BASE_URL set, only that origin may post, whatever the Host', async () => {
  expect((await unlock(behindName.url, { origin: behindName.url })).status).toBe(403);
  const ok = await unlock(behindName.url, { origin: PUBLIC_BASE_URL });
  expect(ok.status).toBe(303);
  expect(ok.headers.get('set-cookie')).toContain('pw_access=');
});

test('an open stream ends when the share link that opened it expires', async () => {
  test.setTimeout(60_000);
  const exp = Math.floor(Date.now() / 1000) + 6;
  const token = await sealShareToken({ slug: 'shared-link', v: 1, exp }, E2E_SESSION_PASSWORD);
  const stream = await openStream(`${app.url}/api/dashboards/shared-link/events?token=${encodeURIComponent(token)}`);
  expect(stream.status).toBe(200);
  await stream.until((text) => text.includes('event: snapshot'));
  const ended = await Promise.race([stream.ended.then(() => Date.now()), new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000))]);
  stream.close();
  expect(ended, 'the stream was still open 20 s after its link expired').not.toBeNull();
  expect(ended ?? 0).toBeGreaterThanOrEqual(exp * 1000);
  // Reconnecting with the expired link is refused.
  expect((await fetch(`${app.url}/api/dashboards/shared-link/events?token=${encodeURIComponent(token)}`)).status).toBe(403);
});

test('a returnTo with a control character is not a 500: the unlock goes back to the dashboard', async () => {
  for (const returnTo of ['/d/passcode-board?x=\u0001', '/tv/passcode-board?theme=dark\u007f', '/d/passcode-board?x=\u00e9']) {
    const response = await unlock(app.url, {}, form(PASSCODE, returnTo));
    expect(response.status, JSON.stringify(returnTo)).toBe(303);
    expect(response.headers.get('location')).toBe('/d/passcode-board');
  }
});
