import { randomBytes } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { E2E_API_KEY, E2E_HEALTH_HEADERS, E2E_SESSION_PASSWORD, E2E_TEST_KEY, E2E_WEBHOOK_SECRET } from './support/stacks';
import { dashboardsFileWith, ownAppEnv, runToExit, setFault, signedHeaders, startOwnApp, type OwnApp } from './support/trust-app';
import { sealShareToken } from '@/lib/access/share-token';
import { startSandbox, type Sandbox } from '@/sandbox/index';
import { CANARY_MARKER } from '@/sandbox/records/canaries';

// Outages, bad input, secrets and load at the edge, on the real built app: the stack's app for
// faults seen by a TV, and apps of the test's own for a first start with Twenty down, tight
// per-client limits, fuzzing and log contents.

type Health = { upstream: { state: string; lastError: string | null; nextRetryAt: string | null; lastSuccessAt: string | null }; memory: { rssBytes: number } };
type Json = { stale?: boolean; staleReason?: string | null; staleSince?: string | null; state?: string; version?: string };

const health = async (request: APIRequestContext, base = ''): Promise<Health> => (await (await request.get(`${base}/api/health`, { headers: E2E_HEALTH_HEADERS })).json()) as Health;
const snapshot = async (request: APIRequestContext, path = '/api/dashboards/pipeline'): Promise<Json> => (await (await request.get(path)).json()) as Json;

test.describe('the stack app when Twenty fails', () => {
  test.afterEach(async ({ sandboxUrl, request }) => {
    await setFault(sandboxUrl, { mode: 'none' });
    await expect.poll(async () => (await snapshot(request)).stale, { timeout: 20_000 }).toBe(false);
  });

  test('a TV on its live stream shows Twenty going down, keeps its numbers, and comes back by itself', async ({ page, request, sandboxUrl }) => {
    const token = await sealShareToken({ slug: 'shared-link', v: 1, exp: Math.floor(Date.now() / 1000) + 3600 }, E2E_SESSION_PASSWORD);
    await page.goto(`/tv/shared-link?token=${encodeURIComponent(token)}`);
    await expect(page.getByTestId('tv-stale')).toHaveCount(0);
    const before = await snapshot(request, `/api/dashboards/shared-link?token=${encodeURIComponent(token)}`);

    await setFault(sandboxUrl, { mode: 'down' });
    // One viewer's read is what notices the outage (the refresh behind it fails).
    await expect.poll(async () => (await snapshot(request, `/api/dashboards/shared-link?token=${encodeURIComponent(token)}`)).staleReason, { timeout: 15_000 }).toBe('unreachable');
    await expect(page.getByTestId('tv-stale')).toHaveAttribute('data-reason', 'unreachable');
    const stale = await snapshot(request, `/api/dashboards/shared-link?token=${encodeURIComponent(token)}`);
    expect(stale.version).toBe(before.version);
    expect(Date.parse(stale.staleSince ?? '')).toBeGreaterThan(0);
    const down = await health(request);
    expect(down.upstream.state).not.toBe('ok');
    expect(down.upstream.lastError).toBe('unreachable');
    expect(down.upstream.nextRetryAt).not.toBeNull();

    // Twenty returns; nobody reads anything: the app's own retries must bring the TV back.
    await setFault(sandboxUrl, { mode: 'none' });
    await expect(page.getByTestId('tv-stale')).toHaveCount(0, { timeout: 20_000 });
    expect((await health(request)).upstream.state).toBe('ok');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  });

  for (const shape of ['2.x', '1.x', '0.55'] as const) {
    test(`rate limited (${shape} answer): stale "rate_limited", degraded, then fresh again`, async ({ request, sandboxUrl }) => {
      const before = await snapshot(request);
      await setFault(sandboxUrl, { mode: 'rate-limited', shape, ...(shape === '2.x' ? { ms: 1_500 } : {}) });
      await expect.poll(async () => (await snapshot(request)).staleReason, { timeout: 15_000 }).toBe('rate_limited');
      expect((await snapshot(request)).version).toBe(before.version);
      const limited = await health(request);
      expect(limited.upstream).toMatchObject({ state: 'degraded', lastError: 'rate_limited' });
      expect(Date.parse(limited.upstream.nextRetryAt ?? '')).toBeGreaterThan(Date.now() - 1_000);
      await setFault(sandboxUrl, { mode: 'none' });
      await expect.poll(async () => (await snapshot(request)).stale, { timeout: 20_000 }).toBe(false);
    });
  }
});

test('security headers on pages, data and assets; the page CSP works in a real browser with no violation', async ({ page, request, stack }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to ${e.violatedDirective}: ${e.blockedURI}`)));
  const token = await sealShareToken({ slug: 'shared-link', v: 1, exp: Math.floor(Date.now() / 1000) + 3600 }, E2E_SESSION_PASSWORD);
  const pageResponse = await page.goto('/d/pipeline');
  await expect(page.getByTestId('stage-row').first()).toBeVisible();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live', { timeout: 15_000 }); // hydrated, scripts ran
  // Live means every script ran and the stream is open: anything the policy refused was reported.
  await page.goto(`/tv/shared-link?token=${encodeURIComponent(token)}`);
  await expect(page.getByTestId('tv-connection')).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
  await page.goto('/embed/shared-link?token=' + encodeURIComponent(token));
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
  expect(violations).toEqual([]);

  const csp = pageResponse?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(csp).toContain("frame-ancestors 'none'");
  const html = await (await request.get('/d/pipeline')).text();
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
  expect(html).not.toContain(nonce); // a fresh nonce per response
  const embed = await request.get(`/embed/shared-link?token=${encodeURIComponent(token)}`);
  expect(embed.headers()['content-security-policy']).toContain(`frame-ancestors 'self' http://127.0.0.1:${stack.embedHosts.allowedPort}`);
  expect(embed.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);

  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0] ?? '';
  for (const path of ['/d/pipeline', '/', '/api/dashboards/pipeline', '/api/health', asset]) {
    const headers = (await request.get(path)).headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['x-powered-by'], path).toBeUndefined();
    expect(headers['strict-transport-security'], path).toBeUndefined();
    expect(headers['x-request-id'], path).toMatch(/^[\w.:-]{8,}$/);
  }
  expect((await request.get('/api/dashboards/pipeline')).headers()['content-security-policy']).toContain("default-src 'none'");
  // A client claiming TLS changes nothing: no PUBLIC_BASE_URL and no TRUST_PROXY here (privacy.spec.ts has the rest).
  const claimsTls = await request.get('/d/pipeline', { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'wall.example.com' } });
  expect(claimsTls.headers()['strict-transport-security']).toBeUndefined();
});

test('the JSON carries an ETag (version + freshness) and answers If-None-Match with an empty 304', async ({ request }) => {
  const first = await request.get('/api/dashboards/pipeline');
  const etag = first.headers()['etag'] ?? '';
  const body = (await first.json()) as Json;
  expect(etag).toBe(`"${body.version}-fresh"`);
  const again = await request.get('/api/dashboards/pipeline', { headers: { 'if-none-match': etag } });
  expect(again.status()).toBe(304);
  expect(await again.text()).toBe('');
  expect((await request.get('/api/dashboards/pipeline', { headers: { 'if-none-match': '"old-fresh"' } })).status()).toBe(200);
});

test.describe('an app of our own', () => {
  let sandbox: Sandbox;
  let app: OwnApp;
  test.beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: E2E_API_KEY, extraApiKeys: [E2E_TEST_KEY], seed: 7, canaries: true, fault: { mode: 'down' } });
    app = await startOwnApp(
      ownAppEnv(sandbox.url, { EDGE_JSON_PER_MINUTE: '60', EDGE_JSON_BURST: '20', SSE_MAX_PER_CLIENT: '3', EDGE_WEBHOOK_BURST: '5000', EDGE_WEBHOOK_PER_MINUTE: '100000' }),
    );
  });
  test.afterAll(async () => {
    await app.stop();
    await sandbox.close();
  });

  test('first start with Twenty down: a clear waiting state (page, JSON 503), then live by itself', async ({ request }) => {
    const page = await request.get(`${app.url}/d/pipeline`);
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain('data-testid="waiting-for-crm"');
    const json = await request.get(`${app.url}/api/dashboards/pipeline`);
    expect(json.status()).toBe(503);
    expect(await json.json()).toMatchObject({ state: 'waiting', reason: 'unreachable' });
    expect((await health(request, app.url)).upstream).toMatchObject({ lastError: 'unreachable', lastSuccessAt: null });

    sandbox.setFault({ mode: 'none' });
    await expect.poll(async () => (await health(request, app.url)).upstream.state, { timeout: 15_000 }).toBe('ok');
    const ready = await request.get(`${app.url}/api/dashboards/pipeline`);
    expect(ready.status()).toBe(200);
    expect((await ready.json()) as Json).toMatchObject({ stale: false });
  });

  test('logs: JSON lines with request ids, one line per upstream change, no key, secret or deal name', async ({ request }) => {
    const deal = sandbox.store.opportunities.all()[0];
    if (!deal) throw new Error('no deal');
    const body = JSON.stringify({ eventName: 'opportunity.updated', objectMetadata: { id: 'x', nameSingular: 'opportunity' }, workspaceId: 'w', webhookId: 'h', eventDate: new Date().toISOString(), record: { id: deal.id, name: deal.name, stage: 'NEW' } });
    await request.post(`${app.url}/api/webhooks/twenty`, { data: body, headers: signedHeaders(body) });
    const forged = await request.post(`${app.url}/api/webhooks/twenty`, { data: body, headers: { ...signedHeaders(body, 'wrong-secret'), 'x-request-id': 'trace-7c1f2e9a' } });
    expect(forged.status()).toBe(401);
    sandbox.setFault({ mode: 'revoked-key' });
    // A read past the cache's TTL refreshes, and that refresh meets the revoked key.
    await expect.poll(async () => {
      await request.get(`${app.url}/api/dashboards/pipeline`);
      return (await health(request, app.url)).upstream.lastError;
    }, { timeout: 10_000 }).toBe('auth');
    sandbox.setFault({ mode: 'none' });
    await expect.poll(async () => (await health(request, app.url)).upstream.state, { timeout: 15_000 }).toBe('ok');

    const lines = app.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(3);
    const refusals = lines.filter((l) => l.msg === 'webhook refused');
    expect(refusals.length).toBeGreaterThanOrEqual(1);
    expect(refusals.every((l) => typeof l.reqId === 'string' && l.level === 'warn')).toBe(true);
    expect(refusals.find((l) => l.reqId === 'trace-7c1f2e9a')).toMatchObject({ reason: expect.any(String), status: 401 });
    const states = lines.filter((l) => l.event === 'upstream.state');
    expect(states.filter((l) => l.reason === 'auth')).toHaveLength(1);
    expect(states.filter((l) => l.state === 'ok').length).toBeGreaterThanOrEqual(2); // after the first start, after the revoked key
    for (const leak of [E2E_API_KEY, E2E_WEBHOOK_SECRET, E2E_SESSION_PASSWORD, CANARY_MARKER, deal.name]) expect(app.output()).not.toContain(leak);
  });

  test('bad URLs are refused fast: malformed or oversized parameters 400/414, bad slugs 404', async ({ request }) => {
    const cases: [string, number][] = [
      ['/api/dashboards/pipeline?theme=neon', 400],
      ['/api/dashboards/pipeline?theme=dark&theme=light', 400],
      [`/api/dashboards/pipeline?${Array.from({ length: 40 }, (_, i) => `k${i}=1`).join('&')}`, 400],
      [`/api/dashboards/pipeline?token=${'A'.repeat(3_000)}`, 400],
      [`/d/pipeline?x=${'y'.repeat(6_000)}`, 414],
      ['/api/dashboards/..%2F..%2Fetc%2Fpasswd', 404],
      ['/api/dashboards/NOPE', 404],
      ['/api/dashboards/no-such-board', 404],
      ['/d/no-such-board', 404],
      ['/tv/%E0%A4%A', 404],
    ];
    for (const [path, status] of cases) {
      const started = Date.now();
      const response = await request.get(`${app.url}${path}`, { headers: { 'x-request-id': `bad-url-${randomBytes(4).toString('hex')}` } });
      expect(response.status(), path).toBe(status);
      expect(Date.now() - started, path).toBeLessThan(1_000);
    }
  });

  test('per-client limits: 429 with Retry-After on JSON past the burst; a spoofed X-Forwarded-For buys nothing; SSE capped', async ({ request }) => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await request.get(`${app.url}/api/dashboards/pipeline`, { headers: { 'x-forwarded-for': `203.0.113.${i}` } })).status());
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(5);
    const refused = await request.get(`${app.url}/api/dashboards/pipeline`);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toEqual({ error: 'rate_limited' });

    const streams: AbortController[] = [];
    const open = async () => {
      const abort = new AbortController();
      streams.push(abort);
      const response = await fetch(`${app.url}/api/dashboards/pipeline/events`, { signal: abort.signal });
      return { status: response.status, body: response.status === 200 ? null : await response.json() };
    };
    try {
      expect([(await open()).status, (await open()).status, (await open()).status]).toEqual([200, 200, 200]);
      expect(await open()).toEqual({ status: 429, body: { error: 'too_many_streams_for_client' } });
    } finally {
      for (const s of streams.splice(0)) s.abort();
    }
    // Closed streams give their slots back.
    await expect.poll(async () => {
      const again = await open();
      streams.splice(0).forEach((s) => s.abort());
      return again.status;
    }, { timeout: 5_000 }).toBe(200);
  });

  test('webhook fuzz: 1,000 hostile requests are all refused, the process stays up, memory stays flat', async ({ request }) => {
    test.setTimeout(120_000);
    const nested = '['.repeat(50_000) + ']'.repeat(50_000);
    const statuses = new Map<number, number>();
    let rssBefore = 0;
    // 200 of the same first, so what is measured is growth, not the first allocation of buffers.
    const samples: string[] = [];
    for (let i = -200; i < 1_000; i++) {
      if (i % 200 === 0) samples.push(JSON.stringify((await health(request, app.url)).memory));
      if (i === 0) {
        rssBefore = (await health(request, app.url)).memory.rssBytes;
        statuses.clear();
      }
      const kind = (i + 600) % 6;
      let response: Response;
      if (kind === 0) response = await fetch(`${app.url}/api/webhooks/twenty`, { method: 'POST', body: randomBytes(1 + (Math.abs(i) % 4096)) });
      else if (kind === 1) response = await fetch(`${app.url}/api/webhooks/twenty`, { method: 'POST', body: nested, headers: signedHeaders(nested) });
      else if (kind === 2) {
        const body = JSON.stringify({ eventName: 'opportunity.updated', record: { id: 'x'.repeat(Math.abs(i)) } });
        response = await fetch(`${app.url}/api/webhooks/twenty`, { method: 'POST', body, headers: { ...signedHeaders(body), 'content-type': 'text/plain' } });
      } else if (kind === 3) {
        const headers = new Headers(signedHeaders('{}'));
        headers.append('x-twenty-webhook-signature', 'ff'.repeat(32));
        headers.append('x-twenty-webhook-timestamp', '0');
        response = await fetch(`${app.url}/api/webhooks/twenty`, { method: 'POST', body: '{}', headers });
      } else if (kind === 4) response = await fetch(`${app.url}/api/webhooks/twenty`, { method: 'POST', body: 'x', headers: { 'x-junk': 'j'.repeat(20_000) } });
      else response = await fetch(`${app.url}/api/webhooks/twenty`, { method: 'POST', body: randomBytes(2 * 1024 * 1024) });
      await response.body?.cancel();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    const accepted = [...statuses.entries()].filter(([status]) => status < 400);
    expect(accepted, JSON.stringify([...statuses])).toEqual([]);
    expect(statuses.has(500), JSON.stringify([...statuses])).toBe(false);
    const after = await health(request, app.url);
    expect(after.upstream.state).toBe('ok');
    const grownMb = (after.memory.rssBytes - rssBefore) / 1024 / 1024;
    console.log(samples.join('\n'));
    console.log(`[trust] webhook fuzz: ${JSON.stringify(Object.fromEntries(statuses))}; RSS ${Math.round(rssBefore / 1048576)} → ${Math.round(after.memory.rssBytes / 1048576)} MB`);
    expect(grownMb).toBeLessThan(64);
  });
});

test('invalid settings stop the app with one line naming the setting, no stack trace', async ({ sandboxUrl }) => {
  test.setTimeout(90_000);
  const cases: [Record<string, string>, string][] = [
    [{ TWENTY_API_URL: 'not a url' }, 'TWENTY_API_URL'],
    [{ SESSION_PASSWORD: 'short' }, 'SESSION_PASSWORD'],
    [{ EDGE_JSON_BURST: '-3' }, 'EDGE_JSON_BURST'],
    [{ DASHBOARDS_CONFIG: dashboardsFileWith('{"dashboards":[{"slug":"Bad Slug","title":"x"}]}') }, 'slug'],
  ];
  for (const [extra, name] of cases) {
    const result = await runToExit(ownAppEnv(sandboxUrl, extra));
    expect(result.code, name).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }
});
