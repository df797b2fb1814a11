import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { freePort } from './support/app-process';
import { TwentyUser, pointsOnPage, type Layout, type Widget } from './support/board';
import { Crm } from './support/crm';
import { E2E_HEALTH_HEADERS, E2E_TEST_KEY, E2E_WEBHOOK_SECRET } from './support/stacks';
import { ownAppEnv, startOwnApp, type OwnApp } from './support/trust-app';
import { startSandbox, type Sandbox } from '@/sandbox/index';

// Issue 14: publishing the dashboards people build in Twenty. The app runs with a READ-ONLY key
// (opportunities, companies, members) against a 2.21 demo workspace; a Twenty user (a session
// token) makes a dashboard through the page-layout API as Twenty's UI makes one. Every figure on
// screen must equal the workspace's own chart-data answer for that widget; a deal moved in the CRM
// moves them (signed webhook → refresh); the TV rotates through the tabs; a widget on people,
// which the key may not read, is "not shared" and carries no figures.

test.skip(({ twentyVersion }) => twentyVersion !== '2.21', 'Twenty dashboards (page layouts) are 2.x; the v0.55 refusal is a unit test');

const APP_KEY = 'e2e-board-read-only-key-4c8a2e6f1b9d';
const USER_TOKEN = 'e2e-board-user-token-9e1b7c3a5d2f';
const MADE = 'E2E Board';
const OPEN_STAGES = ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL'];

let sandbox: Sandbox;
let app: OwnApp;
let user: TwentyUser;
let crm: Crm;

const isChart = (w: Widget) => ['BAR_CHART', 'LINE_CHART', 'PIE_CHART'].includes(String(w.configuration?.configurationType));
const widgetsOf = (layout: Layout) => layout.tabs.flatMap((t) => t.widgets);
const byTitle = (layout: Layout, title: string): Widget => {
  const found = widgetsOf(layout).find((w) => w.title === title);
  if (!found) throw new Error(`no widget "${title}" in "${layout.name}"`);
  return found;
};

async function makeBoard(): Promise<void> {
  const objects = await user.objects();
  const opportunity = objects.get('opportunity');
  const person = objects.get('person');
  if (!opportunity || !person) throw new Error('the workspace has no opportunity or person object');
  const field = (name: string) => opportunity.fields.get(name) ?? '';
  const common = { timezone: 'UTC', firstDayOfTheWeek: 1, displayLegend: true };
  const grid = (row: number, column: number, rowSpan = 6, columnSpan = 6) => ({ row, column, rowSpan, columnSpan });
  const group = '8d1f0c52-7a3e-4b6f-9c2d-1e5a7b3c9d01';
  await user.createLayout(MADE, [
    {
      title: 'Deals',
      widgets: [
        {
          title: 'Late-stage value', type: 'GRAPH', objectMetadataId: opportunity.id, gridPosition: grid(0, 0),
          configuration: {
            configurationType: 'BAR_CHART', aggregateFieldMetadataId: field('amount'), aggregateOperation: 'SUM', primaryAxisGroupByFieldMetadataId: field('stage'),
            primaryAxisOrderBy: 'FIELD_POSITION_ASC', layout: 'VERTICAL', displayDataLabel: true, axisNameDisplay: 'NONE', color: 'auto', ...common,
            filter: {
              recordFilters: [{ id: '3b9e1c7a-5d2f-4e8a-b6c0-9f1d3e5a7b20', fieldMetadataId: field('stage'), type: 'SELECT', label: 'Stage', operand: 'IS', value: JSON.stringify(['MEETING', 'PROPOSAL', 'CUSTOMER']), displayValue: 'Meeting, Proposal, Customer', recordFilterGroupId: group }],
              recordFilterGroups: [{ id: group, logicalOperator: 'AND' }],
            },
          },
        },
        {
          title: 'Deals by owner', type: 'GRAPH', objectMetadataId: opportunity.id, gridPosition: grid(0, 6),
          configuration: { configurationType: 'PIE_CHART', aggregateFieldMetadataId: field('id'), aggregateOperation: 'COUNT', groupByFieldMetadataId: field('owner'), groupBySubFieldName: 'name.firstName', orderBy: 'VALUE_DESC', displayDataLabel: true, showCenterMetric: true, hideEmptyCategory: false, ...common },
        },
        {
          title: 'Deals', type: 'GRAPH', objectMetadataId: opportunity.id, gridPosition: grid(6, 0, 2, 3),
          configuration: { configurationType: 'AGGREGATE_CHART', aggregateFieldMetadataId: field('id'), aggregateOperation: 'COUNT', label: 'Deals', displayDataLabel: true, ...common },
        },
      ],
    },
    {
      title: 'Trend and people',
      widgets: [
        {
          title: 'Value by close month, cumulative', type: 'GRAPH', objectMetadataId: opportunity.id, gridPosition: grid(0, 0, 6, 8),
          configuration: { configurationType: 'LINE_CHART', aggregateFieldMetadataId: field('amount'), aggregateOperation: 'SUM', primaryAxisGroupByFieldMetadataId: field('closeDate'), primaryAxisDateGranularity: 'MONTH', primaryAxisOrderBy: 'FIELD_ASC', isCumulative: true, ...common },
        },
        {
          title: 'Contacts by job title', type: 'GRAPH', objectMetadataId: person.id, gridPosition: grid(0, 8, 6, 4),
          configuration: { configurationType: 'PIE_CHART', aggregateFieldMetadataId: person.fields.get('id') ?? '', aggregateOperation: 'COUNT', groupByFieldMetadataId: person.fields.get('jobTitle') ?? '', orderBy: 'VALUE_DESC', ...common },
        },
      ],
    },
  ]);
}

test.beforeAll(async ({ twentyVersion }) => {
  if (twentyVersion !== '2.21') return;
  test.setTimeout(120_000);
  const port = await freePort();
  sandbox = await startSandbox({
    port: 0, apiKey: E2E_TEST_KEY, readOnlyApiKeys: [APP_KEY], userTokens: [USER_TOKEN], seed: 7, rateLimit: 1200,
    webhookUrls: [`http://127.0.0.1:${port}/api/webhooks/twenty`], webhookSecret: E2E_WEBHOOK_SECRET,
  });
  user = new TwentyUser(sandbox.url, USER_TOKEN);
  crm = new Crm(sandbox.url);
  await makeBoard();
  const dir = mkdtempSync(join(tmpdir(), 'pw-board-e2e-'));
  const file = join(dir, 'dashboards.json');
  writeFileSync(file, JSON.stringify({
    dashboards: [
      { slug: 'sales-board', title: 'Sales board', twentyDashboard: 'Sales Dashboard' },
      { slug: 'made-board', title: 'Made in Twenty', twentyDashboard: MADE },
      { slug: 'pipeline', title: 'Pipeline' },
    ],
  }));
  // A long TTL and reconciliation: only a webhook can move the figures during a test.
  const quiet = { CACHE_TTL_MS: '600000', CACHE_MAX_AGE_MS: '1200000', RECONCILE_INTERVAL_MS: '600000' };
  app = await startOwnApp(ownAppEnv(sandbox.url, { TWENTY_API_KEY: APP_KEY, DASHBOARDS_CONFIG: file, UPSTREAM_CALLS_PER_MINUTE: '600', ...quiet }), port);
});
test.afterAll(async () => {
  if (sandbox) {
    // This workspace's keys: 0 the tests' CRM key, 1 the app's read-only key, 2 the Twenty user.
    const response = await fetch(`${sandbox.url}/__sandbox/requests`, { headers: { authorization: `Bearer ${E2E_TEST_KEY}` } });
    const log = (await response.json()) as { requests: { keyIndex?: number; operationType: string; endpoint: string; rootFields: string[] }[] };
    const fromApp = log.requests.filter((r) => r.keyIndex === 1);
    expect(fromApp.length, 'the app read the workspace').toBeGreaterThan(0);
    expect(fromApp.filter((r) => r.operationType !== 'query').map((r) => `${r.endpoint} ${r.rootFields.join('+')}`), 'the app sent only queries').toEqual([]);
  }
  await app?.stop();
  await sandbox?.close();
});

async function openPipelineValue(): Promise<{ micros: bigint }> {
  const deals = await crm.allDeals();
  return { micros: deals.filter((d) => OPEN_STAGES.includes(d.stage) && d.amountMicros !== null).reduce((sum, d) => sum + (d.amountMicros ?? 0n), 0n) };
}

test('the seeded "Sales Dashboard": its tabs in order, every chart equal to the workspace\'s own chart-data answer, the number to Twenty\'s sum', async ({ page }) => {
  const layout = await user.layout('Sales Dashboard');
  await page.goto(`${app.url}/d/sales-board`);
  await expect(page.getByTestId('board-tab-title')).toHaveText(layout.tabs.map((t) => t.title));
  const charts = widgetsOf(layout).filter(isChart);
  expect(charts.length).toBeGreaterThanOrEqual(4);
  for (const widget of charts) {
    const expected = await user.expectedPoints(widget);
    expect(expected.length, `${widget.title} has figures`).toBeGreaterThan(0);
    await expect.poll(() => pointsOnPage(page, widget.id), { message: widget.title }).toEqual(expected);
  }
  const number = byTitle(layout, 'Open pipeline');
  const { micros } = await openPipelineValue();
  await expect.poll(() => pointsOnPage(page, number.id)).toEqual([{ label: 'Open pipeline', series: '', value: String(Number(micros) / 1_000_000) }]);
  // amounts say whose arithmetic they are
  await expect(page.getByTestId(`widget-${byTitle(layout, 'Pipeline by Stage').id}`).getByTestId('widget-amount-note')).toHaveText('as computed by Twenty');
  expect(await page.content()).not.toContain(APP_KEY);
});

test('a dashboard made through the API publishes: figures equal Twenty\'s, the widget on people is "not shared" with no figures, tabs pick with view=tab-N', async ({ page, request }) => {
  const layout = await user.layout(MADE);
  const response = await request.get(`${app.url}/api/dashboards/made-board`);
  expect(response.status()).toBe(200);
  const json = (await response.json()) as { board: { name: string; tabs: { title: string }[] }; widgets: Record<string, unknown>[]; stages: unknown[]; topDeals: unknown[] };
  expect(json.board.name).toBe(MADE);
  expect(json.board.tabs.map((t) => t.title)).toEqual(['Deals', 'Trend and people']);
  expect(json.stages).toEqual([]);
  expect(json.topDeals).toEqual([]);
  const people = byTitle(layout, 'Contacts by job title');
  const shared = json.widgets.find((w) => w.id === people.id);
  expect(shared).toMatchObject({ id: people.id, title: 'Contacts by job title', kind: 'pie', state: 'not_shared' });
  expect(shared).not.toHaveProperty('points');
  expect(json.widgets.map((w) => [w.title, w.kind, w.state])).toEqual([
    ['Late-stage value', 'bar', 'ok'],
    ['Deals by owner', 'pie', 'ok'],
    ['Deals', 'number', 'ok'],
    ['Value by close month, cumulative', 'line', 'ok'],
    ['Contacts by job title', 'pie', 'not_shared'],
  ]);

  await page.goto(`${app.url}/d/made-board`);
  for (const widget of widgetsOf(layout).filter((w) => isChart(w) && w.id !== people.id)) {
    await expect.poll(() => pointsOnPage(page, widget.id), { message: widget.title }).toEqual(await user.expectedPoints(widget));
  }
  const deals = await crm.allDeals();
  await expect.poll(() => pointsOnPage(page, byTitle(layout, 'Deals').id)).toEqual([{ label: 'Deals', series: '', value: String(deals.length) }]);
  await expect(page.getByTestId(`widget-${people.id}`)).toContainText('Not shared with this wall');
  await expect(page.getByTestId(`widget-${people.id}`).getByTestId('widget-point')).toHaveCount(0);

  await page.goto(`${app.url}/embed/made-board?view=tab-2`);
  await expect(page.getByTestId('board-tab-title')).toHaveText(['Trend and people']);
  const wrongKind = await request.get(`${app.url}/d/made-board?view=kpis`);
  expect(wrongKind.status()).toBe(400);
  expect((await request.get(`${app.url}/d/pipeline?view=tab-1`)).status()).toBe(400);
});

test('a deal moved in the CRM moves the published figures: the signed webhook refreshes the board to Twenty\'s new answer', async ({ page, request }) => {
  const boardRefreshes = async () => ((await (await request.get(`${app.url}/api/health`, { headers: E2E_HEALTH_HEADERS })).json()) as { realtime: { refreshReasons: Record<string, number> } }).realtime.refreshReasons.board ?? 0;
  const refreshesBefore = await boardRefreshes();
  const layout = await user.layout('Sales Dashboard');
  const stageChart = byTitle(layout, 'Pipeline by Stage');
  const number = byTitle(layout, 'Open pipeline');
  await page.goto(`${app.url}/d/sales-board`);
  const before = await user.expectedPoints(stageChart);
  await expect.poll(() => pointsOnPage(page, stageChart.id)).toEqual(before);
  const deal = (await crm.allDeals()).find((d) => d.stage === 'NEW' && d.amountMicros !== null && d.amountMicros > 0n);
  if (!deal) throw new Error('the seed has no priced NEW deal');
  await crm.updateDeal(deal.id, { stage: 'CUSTOMER' });
  const after = await user.expectedPoints(stageChart);
  expect(after).not.toEqual(before);
  await expect.poll(() => pointsOnPage(page, stageChart.id), { timeout: 15_000 }).toEqual(after);
  const { micros } = await openPipelineValue();
  await expect.poll(() => pointsOnPage(page, number.id), { timeout: 15_000 }).toEqual([{ label: 'Open pipeline', series: '', value: String(Number(micros) / 1_000_000) }]);
  expect(await boardRefreshes()).toBeGreaterThan(refreshesBefore);
});

test('the TV rotates through the tabs, each tab one slide with its widgets', async ({ page }) => {
  const layout = await user.layout('Sales Dashboard');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${app.url}/tv/sales-board?rotate=5`);
  const title = page.getByTestId('tv-slide-title');
  await expect(title).toHaveText(layout.tabs[0]?.title ?? '', { timeout: 15_000 });
  await expect(title).toHaveText(layout.tabs[1]?.title ?? '', { timeout: 15_000 });
  await expect(page.getByTestId('tv-board-slide').getByTestId(`widget-${byTitle(layout, 'Opportunities by Owner').id}`)).toBeVisible();
  await expect(title).toHaveText(layout.tabs[0]?.title ?? '', { timeout: 15_000 });
});
