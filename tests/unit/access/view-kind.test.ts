import { expect, test } from 'vitest';
import type { AccessInputs } from '@/lib/access/gate';
import { gateApiRequest } from '@/lib/access/api-gate';
import { gatePage } from '@/lib/access/page-gate';
import { viewKindProblem } from '@/lib/access/view-kind';
import { parseViewParams } from '@/lib/access/view-params';
import { dashboardDefaults, type DashboardConfig } from '@/lib/config/dashboard-schema';

// view= names pipeline views on a pipeline dashboard and tabs on a published Twenty dashboard;
// the other kind is a 400 on every surface, decided from the config before any data is read.

const pipeline = dashboardDefaults({ slug: 'pipeline', title: 'Pipeline' });
const board = dashboardDefaults({ slug: 'board', title: 'Board', twentyDashboard: 'Sales Dashboard' });
const linkedBoard = dashboardDefaults({ slug: 'linked-board', title: 'Linked board', access: 'link', twentyDashboard: 'Sales Dashboard' });
const noCookies = { get: () => undefined };

function inputs(dashboards: DashboardConfig[]): AccessInputs {
  return { dashboards: new Map(dashboards.map((d) => [d.slug, d])), password: 'unit-test-session-password-0123456789abcdef', now: new Date('2026-03-01T12:00:00Z'), logError: () => undefined };
}

const params = (query: string) => {
  const parsed = parseViewParams(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.params;
};

test('pipeline views fit a pipeline dashboard, tabs a board; the other kind is refused with a reason', () => {
  expect(viewKindProblem(params('view=kpis,stages'), pipeline)).toBeUndefined();
  expect(viewKindProblem(params('view=tab-2,tab-1'), board)).toBeUndefined();
  expect(viewKindProblem(params(''), pipeline)).toBeUndefined();
  expect(viewKindProblem(params('theme=dark'), board)).toBeUndefined();
  expect(viewKindProblem(params('view=kpis'), board)).toMatch(/publishes a Twenty dashboard.*tab-1/);
  expect(viewKindProblem(params('view=tab-1'), pipeline)).toMatch(/tab-N is for a published Twenty dashboard/);
});

test('the JSON and SSE gate answers the wrong kind with a 400 that says why', async () => {
  const wrongOnBoard = await gateApiRequest({ slug: 'board', query: new URLSearchParams('view=stages'), cookies: noCookies }, inputs([board]));
  expect(wrongOnBoard.ok).toBe(false);
  if (!wrongOnBoard.ok) {
    expect(wrongOnBoard.response.status).toBe(400);
    expect(await wrongOnBoard.response.json()).toEqual({ error: 'bad_params', detail: expect.stringContaining('tab-1') });
  }
  const wrongOnPipeline = await gateApiRequest({ slug: 'pipeline', query: new URLSearchParams('view=tab-1'), cookies: noCookies }, inputs([pipeline]));
  expect(wrongOnPipeline.ok ? 200 : wrongOnPipeline.response.status).toBe(400);
  const right = await gateApiRequest({ slug: 'board', query: new URLSearchParams('view=tab-1'), cookies: noCookies }, inputs([board]));
  expect(right.ok).toBe(true);
});

test('a refused visitor is refused for access first: the kind of a dashboard is not told to them', async () => {
  const refused = await gateApiRequest({ slug: 'linked-board', query: new URLSearchParams('view=kpis'), cookies: noCookies }, inputs([linkedBoard]));
  expect(refused.ok ? 200 : refused.response.status).toBe(401);
});

test('the page gate (backstop behind proxy.ts) renders no data for the wrong kind', async () => {
  expect(await gatePage({ slug: 'board', searchParams: { view: 'kpis' }, cookies: noCookies }, inputs([board]))).toEqual({ ok: false });
  expect(await gatePage({ slug: 'pipeline', searchParams: { view: 'tab-1' }, cookies: noCookies }, inputs([pipeline]))).toEqual({ ok: false });
  expect(await gatePage({ slug: 'board', searchParams: { view: 'tab-2,tab-1' }, cookies: noCookies }, inputs([board]))).toMatchObject({ ok: true, params: { tabs: [2, 1] } });
});
