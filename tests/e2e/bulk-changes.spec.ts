import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import type { Crm } from './support/crm';

// Bulk changes, as Twenty's UI sends them for a multi-select: one call for many deals. On a real
// Twenty 2.21 each record gets its own delivery, except a bulk hard delete, which sends ONE
// `opportunity.destroyed` for the whole call. The open page must show the workspace's totals after
// every kind — driven by webhooks alone: the test reads nothing from the app but the page.

const DASHBOARD = '/d/pipeline';
const STAGES = ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER'];

async function countsFromWorkspace(crm: Crm): Promise<Record<string, string>> {
  const deals = await crm.allDeals();
  return Object.fromEntries(STAGES.map((s) => [s, String(deals.filter((d) => d.stage === s).length)]));
}

/** Waits until every stage count on screen equals the workspace's own count. */
async function screenMatches(page: Page, crm: Crm, step: string): Promise<void> {
  const want = await countsFromWorkspace(crm);
  await page
    .waitForFunction(
      (want) =>
        Object.entries(want).every(
          ([stage, count]) => document.querySelector(`[data-testid="stage-row"][data-stage="${stage}"] [data-testid="stage-count"]`)?.getAttribute('data-value') === count,
        ),
      want,
      { polling: 'raf', timeout: 40_000 },
    )
    .catch((error: unknown) => {
      throw new Error(`after ${step} the screen did not reach the workspace's counts ${JSON.stringify(want)}: ${String(error)}`);
    });
}

test('every kind of bulk change reaches the open page, a bulk hard delete included', async ({ page, crm }) => {
  test.setTimeout(240_000);
  const tag = `Bulk e2e ${randomBytes(3).toString('hex')}`;
  const mine = { name: { like: `${tag}%` } };
  await page.goto(DASHBOARD);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live');
  const closeDate = new Date().toISOString();
  try {
    const created = await crm.createDeals(
      [1, 2, 3, 4].map((i) => ({ name: `${tag} ${i}`, stage: 'NEW', amount: { amountMicros: i * 10_000_000_000, currencyCode: 'USD' }, closeDate })),
    );
    expect(created).toHaveLength(4);
    await screenMatches(page, crm, 'bulk create');

    expect(await crm.bulk('update', mine, { stage: 'PROPOSAL' })).toBe(4);
    await screenMatches(page, crm, 'bulk stage change');

    expect(await crm.bulk('delete', mine)).toBe(4);
    await screenMatches(page, crm, 'bulk soft delete');

    expect(await crm.bulk('restore', { and: [mine, { deletedAt: { is: 'NOT_NULL' } }] })).toBe(4);
    await screenMatches(page, crm, 'bulk restore');

    expect(await crm.bulk('destroy', mine)).toBe(4);
    await screenMatches(page, crm, 'bulk hard delete');
  } finally {
    await crm.bulk('destroy', { or: [mine, { and: [mine, { deletedAt: { is: 'NOT_NULL' } }] }] }).catch(() => 0);
  }
});
