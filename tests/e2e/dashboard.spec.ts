import { readFileSync } from 'node:fs';
import { test, expect } from './support/fixtures';
import { expectedStages } from './support/expected';

const config = JSON.parse(readFileSync('tests/e2e/dashboards.e2e.json', 'utf8')) as {
  dashboards: { slug: string; currency: string; rates: Record<string, string> }[];
};
const pipeline = config.dashboards.find((d) => d.slug === 'pipeline');
if (!pipeline) throw new Error('dashboards.e2e.json has no "pipeline" dashboard');

test('stage counts, stage amounts and open pipeline value equal totals computed from the workspace', async ({ page, crm }) => {
  const deals = await crm.allDeals();
  expect(deals.length).toBeGreaterThan(100);
  const expected = expectedStages(deals, pipeline.currency, pipeline.rates);

  await page.goto('/d/pipeline');
  await expect(page.getByTestId('dashboard-title')).toBeVisible();
  const rows = page.getByTestId('stage-row');
  await expect(rows).toHaveCount(5);

  let openMicros = 0n;
  let openCount = 0;
  for (const [stage, want] of expected) {
    const row = page.locator(`[data-testid="stage-row"][data-stage="${stage}"]`);
    await expect(row.getByTestId('stage-count')).toHaveAttribute('data-value', String(want.count));
    await expect(row.getByTestId('stage-amount')).toHaveAttribute('data-amount-micros', want.usdMicros.toString());
    await expect(row.getByTestId('stage-count')).toHaveText(new RegExp(`\\b${want.count}\\b`));
    if (stage !== 'CUSTOMER') {
      openMicros += want.usdMicros;
      openCount += want.count;
    }
  }
  await expect(page.getByTestId('kpi-open-value')).toHaveAttribute('data-amount-micros', openMicros.toString());
  await expect(page.getByTestId('kpi-open-count')).toHaveAttribute('data-value', String(openCount));
  await expect(page.getByTestId('demo-badge')).toBeVisible();
});

test('stages appear in Twenty order with Twenty labels', async ({ page }) => {
  await page.goto('/d/pipeline');
  await expect(page.getByTestId('stage-label')).toHaveText(['New', 'Screening', 'Meeting', 'Proposal', 'Customer']);
});

test('the JSON snapshot carries the contract fields', async ({ request, crm }) => {
  const res = await request.get('/api/dashboards/pipeline');
  expect(res.status()).toBe(200);
  const body = await res.json();
  for (const key of ['slug', 'title', 'currency', 'asOf', 'version', 'stale', 'stages', 'kpis', 'timeline', 'topDeals']) {
    expect(body).toHaveProperty(key);
  }
  expect(body.slug).toBe('pipeline');
  expect(body.stale).toBe(false);
  const deals = await crm.allDeals();
  const expected = expectedStages(deals, pipeline.currency, pipeline.rates);
  for (const stage of body.stages as { value: string; label: string; color: string; position: number; count: number; amountMicros: string }[]) {
    expect(typeof stage.amountMicros).toBe('string');
    expect(stage.amountMicros).toMatch(/^\d+$/);
    expect(stage.count).toBe(expected.get(stage.value)?.count ?? 0);
    expect(stage.amountMicros).toBe((expected.get(stage.value)?.usdMicros ?? 0n).toString());
    expect(typeof stage.color).toBe('string');
    expect(typeof stage.position).toBe('number');
  }
});

test('an unknown dashboard is a 404 page and a 404 JSON', async ({ page, request }) => {
  const res = await page.goto('/d/no-such-board');
  expect(res?.status()).toBe(404);
  await expect(page.getByText('No such dashboard')).toBeVisible();
  expect((await request.get('/api/dashboards/no-such-board')).status()).toBe(404);
  expect([400, 404]).toContain((await request.get('/api/dashboards/BAD!slug')).status());
});
