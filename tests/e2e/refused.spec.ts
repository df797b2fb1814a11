import { test, expect } from './support/fixtures';
import { E2E_API_KEY, E2E_HEALTH_HEADERS } from './support/stacks';
import { dashboardsFileWith, ownAppEnv, startOwnApp, type OwnApp } from './support/trust-app';
import { startSandbox, type Sandbox } from '@/sandbox/index';

// A dashboard whose settings this Twenty refuses (a stage it does not have), next to a good one,
// on the real built app: the refused one answers 503 {state: "refused"} without Twenty's text,
// its page, embed and TV say so, the health detail lists it while the upstream stays ok, and the
// operator's log names it once.

type Health = { upstream: { state: string; lastError: string | null }; dashboards: { slug: string; state: string }[]; realtime: { loadFailures: number } };

test.describe('a dashboard Twenty refuses', () => {
  let sandbox: Sandbox;
  let app: OwnApp;
  test.beforeAll(async ({ twentyVersion }) => {
    sandbox = await startSandbox({ port: 0, apiKey: E2E_API_KEY, seed: 7, twentyVersion });
    const dashboards = [
      { slug: 'pipeline', title: 'Sales pipeline', fields: ['amount', 'stage'], topDeals: 3 },
      { slug: 'won-deals', title: 'Won deals', filter: { stages: ['WON'] }, fields: ['amount'] },
    ];
    app = await startOwnApp(ownAppEnv(sandbox.url, { DASHBOARDS_CONFIG: dashboardsFileWith(JSON.stringify({ dashboards })), STAGE_OPTIONS_TTL_MS: '1000' }));
  });
  test.afterAll(async () => {
    await app.stop();
    await sandbox.close();
  });

  test('is marked on its own: 503 refused, pages that say so, health lists it, one log line', async ({ request, page }) => {
    const json = await request.get(`${app.url}/api/dashboards/won-deals`);
    expect(json.status()).toBe(503);
    const body = await json.text();
    expect(JSON.parse(body)).toEqual({ state: 'refused', since: expect.any(String) });
    expect(body).not.toMatch(/WON|stages/);
    expect((await request.get(`${app.url}/api/dashboards/pipeline`)).status()).toBe(200);

    await page.goto(`${app.url}/d/won-deals`);
    await expect(page.getByTestId('refused-by-crm')).toContainText("Twenty refused this dashboard's settings");
    await page.goto(`${app.url}/embed/won-deals`);
    await expect(page.getByTestId('embed-waiting')).toContainText('Twenty refused this dashboard’s settings');
    await page.goto(`${app.url}/tv/won-deals`);
    await expect(page.getByTestId('tv-waiting')).toContainText('Twenty refused this dashboard’s settings');

    const health = async () => (await (await request.get(`${app.url}/api/health`, { headers: E2E_HEALTH_HEADERS })).json()) as Health;
    // Retried at the stage-options cadence (1 s here): refused each time, and still one log line.
    await expect.poll(async () => (await health()).realtime.loadFailures, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    const detail = await health();
    expect(detail.dashboards.find((d) => d.slug === 'won-deals')?.state).toBe('refused');
    expect(detail.upstream).toMatchObject({ state: 'ok', lastError: null });
    expect(detail.dashboards.find((d) => d.slug === 'pipeline')?.state).toBe('ready');
    expect(app.output().match(/"event":"dashboard\.refused"/g) ?? []).toHaveLength(1);
    expect(app.output()).toMatch(/"slug":"won-deals"/);
    expect(app.output()).not.toMatch(/upstream (degraded|down)/);
  });
});
