import { expect, type BrowserContext, type Page } from '@playwright/test';
import type { Cluster } from './cluster';
import type { Crm, RequestLogEntry } from './crm';

// What the cluster test checks with: the CRM's own numbers (read independently of the app), the
// numbers on a page and in an instance's JSON, and the app's upstream calls once they settle.

export const STAGES = ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER'] as const;
export const DASHBOARD = '/d/pipeline';
export const JSON_ROUTE = '/api/dashboards/pipeline';

export type StageCounts = Record<string, number>;

export async function openLive(context: BrowserContext, appUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${appUrl}${DASHBOARD}`);
  // Hydration, then the stream's first event: slow on a busy machine running several instances.
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  return page;
}

/** What the CRM itself says: live deals per stage. */
export async function truthCounts(crm: Crm): Promise<StageCounts> {
  const deals = await crm.allDeals();
  return Object.fromEntries(STAGES.map((stage) => [stage, deals.filter((d) => d.stage === stage).length]));
}

/** A seeded deal in the stage (not one a test created). */
export async function seededDealIn(crm: Crm, stage: string): Promise<string> {
  const deal = (await crm.allDeals()).find((d) => d.stage === stage && !d.name?.startsWith('Cluster e2e'));
  if (!deal) throw new Error(`no seeded deal in ${stage}`);
  return deal.id;
}

export async function shownCounts(page: Page): Promise<StageCounts> {
  const cell = (stage: string) => page.locator(`[data-testid="stage-row"][data-stage="${stage}"] [data-testid="stage-count"]`);
  const entries = await Promise.all(STAGES.map(async (stage) => [stage, Number(await cell(stage).getAttribute('data-value'))] as const));
  return Object.fromEntries(entries);
}

/** Resolves when every page shows these counts; checked every animation frame, so timings are honest. */
export async function expectShowing(pages: Page[], want: StageCounts, timeout = 15_000): Promise<void> {
  await Promise.all(
    pages.map(async (page) => {
      const shown = await page
        .waitForFunction(
          (want) =>
            Object.entries(want).every(
              ([stage, count]) =>
                document.querySelector(`[data-testid="stage-row"][data-stage="${stage}"] [data-testid="stage-count"]`)?.getAttribute('data-value') === String(count),
            ),
          want,
          { polling: 'raf', timeout },
        )
        .then(() => want)
        .catch(() => shownCounts(page));
      expect(shown, `stage counts on ${page.url()}`).toEqual(want);
    }),
  );
}

/** The stage counts in an instance's JSON snapshot. */
export async function jsonCounts(appUrl: string): Promise<StageCounts> {
  const body = (await (await fetch(`${appUrl}${JSON_ROUTE}`)).json()) as { stages: { value: string; count: number }[] };
  return Object.fromEntries(STAGES.map((stage) => [stage, body.stages.find((s) => s.value === stage)?.count ?? -1]));
}

/** The app's calls once none has come for `quietMs` (so a refresh in flight has finished). */
export async function settledCalls(cluster: Cluster, quietMs = 1_500, timeoutMs = 20_000): Promise<RequestLogEntry[]> {
  const deadline = Date.now() + timeoutMs;
  let calls = await cluster.appCalls();
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    if (Date.now() > deadline) throw new Error(`the app kept calling the workspace for ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await cluster.appCalls();
    if (now.length !== calls.length) quietSince = Date.now();
    calls = now;
  }
  return calls;
}

export const describeCalls = (calls: RequestLogEntry[]) => calls.map((c) => `${c.endpoint} ${c.rootFields.join('+') || '(introspection)'}`).join(', ');
