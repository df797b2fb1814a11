import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { readEvents, tickerLinesOf } from './support/event-text';
import { E2E_API_KEY, E2E_HEALTH_HEADERS, E2E_HEALTH_TOKEN, E2E_SESSION_PASSWORD, E2E_WEBHOOK_SECRET } from './support/stacks';

const SECRETS = [E2E_API_KEY, E2E_WEBHOOK_SECRET, E2E_SESSION_PASSWORD, E2E_HEALTH_TOKEN];
const DASHBOARDS = (JSON.parse(readFileSync('tests/e2e/dashboards.e2e.json', 'utf8')) as { dashboards: { slug: string }[] }).dashboards.map((d) => d.slug);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('no secret appears in HTML, JSON or any client script', async ({ page, request }) => {
  const scripts = new Set<string>();
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) scripts.add(r.url());
  });
  await page.goto('/d/pipeline');
  await expect(page.getByTestId('stage-row').first()).toBeVisible();
  const bodies = [await page.content()];
  for (const path of ['/', '/d/pipeline', '/api/dashboards/pipeline', '/api/health']) {
    bodies.push(await (await request.get(path)).text());
  }
  expect(scripts.size).toBeGreaterThan(0);
  for (const url of scripts) bodies.push(await (await request.get(url)).text());
  // The whole built client bundle, not only what this page loaded.
  for (const file of filesUnder(join(process.env.NEXT_DIST_DIR || '.next', 'static'))) bodies.push(readFileSync(file, 'utf8'));
  for (const body of bodies) {
    for (const secret of SECRETS) expect(body.includes(secret)).toBe(false);
  }
});

test('the app sent zero mutations to the workspace', async ({ page, crm }) => {
  await page.goto('/d/pipeline');
  await expect(page.getByTestId('stage-row').first()).toBeVisible();
  const log = await crm.requests();
  const fromApp = log.filter((r) => r.keyIndex === 0);
  expect(fromApp.length).toBeGreaterThan(0);
  expect(fromApp.filter((r) => r.operationType === 'mutation')).toEqual([]);
});

test("no Twenty record id in the JSON, the live stream (ticker included) or the HTML; rows keep their key", async ({ page, request, crm, baseURL }) => {
  const deals = await crm.allDeals();
  const recordIds = deals.map((d) => d.id);
  const leaked = (body: string) => recordIds.filter((id) => body.includes(id));
  const first = (await (await request.get('/api/dashboards/pipeline')).json()) as { topDeals: { id: string; name?: string; amountMicros?: string }[] };
  expect(first.topDeals.length).toBeGreaterThan(0);
  const top = first.topDeals[0];
  const topDeal = deals.find((d) => d.name === top?.name && String(d.amountMicros) === top?.amountMicros);
  if (!top || !topDeal) throw new Error('the top deal is not in the workspace');
  expect(top.id).not.toBe(topDeal.id);

  // A change to the top deal while a viewer watches: applied from the webhook, same row key.
  const renamed = `${topDeal.name ?? 'deal'} (renamed)`;
  let moved = false;
  try {
    const events = await readEvents(`${baseURL}/api/dashboards/pipeline/events`, {
      timeoutMs: 20_000,
      done: (text) => text.includes(JSON.stringify(renamed)) && tickerLinesOf(text).some((line) => line.kind === 'moved'),
      during: async () => {
        await crm.updateDeal(topDeal.id, { name: renamed });
        const other = deals.find((d) => d.stage === 'SCREENING');
        if (other) {
          await crm.updateDeal(other.id, { stage: 'MEETING' });
          moved = true;
          await crm.updateDeal(other.id, { stage: 'SCREENING' });
        }
      },
    });
    expect(moved).toBe(true);
    expect(tickerLinesOf(events).some((line) => line.kind === 'moved' && line.toStage !== undefined)).toBe(true); // 'stage' is allowed here
    expect(leaked(events)).toEqual([]);
    const json = await (await request.get('/api/dashboards/pipeline')).text();
    expect(leaked(json)).toEqual([]);
    const after = JSON.parse(json) as { topDeals: { id: string; name?: string }[] };
    expect(after.topDeals.find((d) => d.name === renamed)?.id).toBe(top.id);

    await page.goto('/d/pipeline');
    await expect(page.getByTestId('stage-row').first()).toBeVisible();
    await expect(page.locator(`[data-deal-id="${top.id}"]`)).toHaveCount(1);
    expect(leaked(await page.content())).toEqual([]);
    for (const path of ['/', '/api/health']) expect(leaked(await (await request.get(path)).text())).toEqual([]);
  } finally {
    await crm.updateDeal(topDeal.id, { name: topDeal.name ?? undefined });
  }
});

test('/api/health: strangers get {ok, build}; the detail needs the HEALTH_TOKEN', async ({ request }) => {
  const open = await request.get('/api/health');
  expect(open.status()).toBe(200);
  const answer = (await open.json()) as Record<string, unknown>;
  expect(Object.keys(answer).sort()).toEqual(['build', 'ok']);
  expect(answer.ok).toBe(true);
  expect(typeof answer.build).toBe('string');
  for (const slug of DASHBOARDS) expect(JSON.stringify(answer)).not.toContain(slug);

  for (const authorization of [`Bearer ${E2E_HEALTH_TOKEN}x`, 'Bearer ', `Basic ${E2E_HEALTH_TOKEN}`]) {
    const refused = await request.get('/api/health', { headers: { authorization } });
    expect(refused.status(), authorization).toBe(401);
    expect(Object.keys((await refused.json()) as object)).toEqual(['error']);
  }

  // Read once first: this test must not rely on an earlier one having loaded the dashboard.
  expect((await request.get('/api/dashboards/pipeline')).status()).toBe(200);
  const detail = (await (await request.get('/api/health', { headers: E2E_HEALTH_HEADERS })).json()) as {
    ok: boolean;
    build: string;
    upstream: { state: string };
    dashboards: { slug: string; state: string }[];
    realtime: { streams: { open: number } };
  };
  expect(detail).toMatchObject({ ok: true, build: answer.build });
  expect(['ok', 'degraded', 'down']).toContain(detail.upstream.state);
  expect(detail.dashboards.map((d) => d.slug).sort()).toEqual([...DASHBOARDS].sort());
  expect(detail.dashboards.find((d) => d.slug === 'pipeline')?.state).toMatch(/^(ready|stale)$/);
  expect(detail.realtime.streams.open).toBeGreaterThanOrEqual(0);
});

test('a client claiming TLS (X-Forwarded-Proto, X-Forwarded-Host) gets neither a Secure cookie nor HSTS without PUBLIC_BASE_URL or TRUST_PROXY', async ({ request }) => {
  const claims = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'wall.example.com' };
  const unlocked = await request.post('/api/unlock', {
    headers: claims,
    form: { slug: 'passcode-board', passcode: 'open-sesame-42', returnTo: '/d/passcode-board' },
    maxRedirects: 0,
  });
  expect(unlocked.status()).toBe(303);
  const cookie = unlocked.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie')?.value ?? '';
  expect(cookie).toMatch(/^pw_access=/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).not.toMatch(/;\s*Secure/i);
  expect(unlocked.headers()['strict-transport-security']).toBeUndefined();
  for (const path of ['/d/pipeline', '/api/dashboards/pipeline', '/api/health']) {
    expect((await request.get(path, { headers: claims })).headers()['strict-transport-security'], path).toBeUndefined();
  }
});
