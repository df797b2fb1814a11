// A dashboard scoped by a saved view (`twentyView`), loaded by the app's client from the demo
// workspace (Twenty 2.21, strict) with the read-only key: every strategy's totals equal the totals
// `opportunitiesGroupBy(viewId:)` gives for that view AND the file's filter, the top deals are in
// the view, a change to the view's filters is read again after the stage-options interval, and a
// view that cannot be used refuses that dashboard (a `rejected` error naming it).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { dashboardSchema, type DashboardConfig } from '@/lib/config/dashboard-schema';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import type { FetchStrategy, PipelineData } from '@/lib/pipeline/types';
import { createCallBudget } from '@/lib/twenty/budget';
import { createTwentyClient, type TwentyClientOptions } from '@/lib/twenty/client';
import { fetchedScopeOf, inScope } from '@/lib/twenty/deal-scope';
import { TwentyError } from '@/lib/twenty/errors';
import { createDashboardViews } from '@/lib/twenty/views/dashboard-view';
import { readOpportunityFields, readView } from '@/lib/twenty/views/read-view';
import type { Sandbox } from '@/sandbox/index';
import { strict221 } from '@/tests/unit/twenty/helpers/strict-221';
import { readEveryDeal } from '@/tests/unit/twenty/helpers/truth';
import { createView, deleteView, NOW, READ_ONLY, startViewWorkspace, transportTo, updateViewFilter } from '@/tests/unit/twenty/views/view-workspace';

let sandbox: Sandbox;
let legacy: Sandbox;

beforeAll(async () => {
  [sandbox, legacy] = await Promise.all([startViewWorkspace(), startViewWorkspace('0.55')]);
}, 30_000);
afterAll(async () => {
  await Promise.all([sandbox.close(), legacy.close()]);
});

const board = (extra: Record<string, unknown>): DashboardConfig =>
  dashboardSchema.parse({ slug: 'view-board', title: 'View board', fields: ['name', 'amount', 'stage'], topDeals: 20, rates: { EUR: '1.08' }, ...extra });

function client(options: Partial<TwentyClientOptions> = {}, on: Sandbox = sandbox) {
  return createTwentyClient({ apiUrl: on.url, apiKey: READ_ONLY, budget: createCallBudget({ perMinute: 100_000 }), log: () => {}, fetch: strict221().fetch, ...options });
}

const groupsSchema = z.object({ opportunitiesGroupBy: z.array(z.object({ groupByDimensionValues: z.array(z.string().nullable()), totalCount: z.number(), sumAmountAmountMicros: z.number().nullable() })) });
const GROUP_BY = `query ViewTotals($viewId: UUID, $filter: OpportunityFilterInput) {
  opportunitiesGroupBy(groupBy: [{ stage: true }, { amount: { currencyCode: true } }], viewId: $viewId, filter: $filter, limit: 1000) {
    groupByDimensionValues totalCount sumAmountAmountMicros
  }
}`;

/** Count and sum per stage × currency, keyed; what Twenty itself answers for the view. */
async function viewTotals(viewId: string, filter?: unknown): Promise<Record<string, { count: number; sum: string }>> {
  const data = await transportTo(sandbox).runQuery({ document: GROUP_BY, variables: { viewId, filter }, schema: groupsSchema });
  const rows = data.opportunitiesGroupBy.map((g) => [JSON.stringify([g.groupByDimensionValues[0], g.groupByDimensionValues[1] || null]), { count: g.totalCount, sum: BigInt(g.sumAmountAmountMicros ?? 0).toString() }] as const);
  return Object.fromEntries(rows.filter(([, t]) => t.count > 0));
}

/** The fetched groups folded to stage × currency, as viewTotals keys them. */
function fetchedTotals(data: PipelineData): Record<string, { count: number; sum: string }> {
  const totals = new Map<string, { count: number; sum: bigint }>();
  for (const g of data.groups) {
    const key = JSON.stringify([g.stage, g.currencyCode]);
    const t = totals.get(key) ?? { count: 0, sum: 0n };
    totals.set(key, { count: t.count + g.count, sum: t.sum + g.amountMicros });
  }
  return Object.fromEntries([...totals].filter(([, t]) => t.count > 0).map(([k, t]) => [k, { count: t.count, sum: t.sum.toString() }]));
}

const viewIdOf = async (name: string) => (await readView(transportTo(sandbox), name, (await readOpportunityFields(transportTo(sandbox))).objectMetadataId)).id;
const STRATEGIES: FetchStrategy[] = ['groupBy', 'aggregate', 'paging'];
const FILE_FILTER = { stages: ['NEW', 'PROPOSAL', 'CUSTOMER'] };
const FILE_FILTER_INPUT = { stage: { in: FILE_FILTER.stages } };

describe.each(['Big deals', 'New or huge'])('dashboard scoped by "%s"', (name) => {
  test.each(STRATEGIES)('%s: totals equal group-by with viewId', async (strategy) => {
    const data = await client({ forceStrategy: strategy }).fetchPipelineData(board({ twentyView: name }), NOW);
    expect(data.strategy).toBe(strategy);
    const expected = await viewTotals(await viewIdOf(name));
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(fetchedTotals(data)).toEqual(expected);
    expect(data.view?.viewId).toBe(await viewIdOf(name));
  });

  test('with the file filter: every strategy shows the same numbers, equal to viewId AND filter', async () => {
    const dashboard = board({ twentyView: name, filter: FILE_FILTER });
    const expected = await viewTotals(await viewIdOf(name), FILE_FILTER_INPUT);
    const contents = [];
    for (const strategy of STRATEGIES) {
      const data = await client({ forceStrategy: strategy }).fetchPipelineData(dashboard, NOW);
      expect(fetchedTotals(data)).toEqual(expected);
      contents.push({ ...buildSnapshotContent(data, dashboard, NOW, { demo: false }), strategy: 'any' });
    }
    expect(contents[1]).toEqual(contents[0]);
    expect(contents[2]).toEqual(contents[0]);
  });

  test('the webhook predicate places every deal of the workspace as viewId does (or cannot decide)', async () => {
    const dashboard = board({ twentyView: name });
    const data = await client().fetchPipelineData(dashboard, NOW);
    const scope = fetchedScopeOf(dashboard, data, NOW);
    const known = new Set(data.stageOptions.map((o) => o.value));
    const verdicts = (await readEveryDeal(sandbox.url, READ_ONLY)).map((d) => ({ d, match: inScope(scope, { ...d, deletedAt: null }, known) }));
    if (data.view?.exact === false) {
      expect(verdicts.every((v) => v.match !== true)).toBe(true);
      expect(verdicts.some((v) => v.match === 'unknown')).toBe(true);
      return;
    }
    const counted = new Map<string, number>();
    for (const { d } of verdicts.filter((v) => v.match === true)) counted.set(JSON.stringify([d.stage, d.currencyCode]), (counted.get(JSON.stringify([d.stage, d.currencyCode])) ?? 0) + 1);
    const expected = Object.fromEntries(Object.entries(await viewTotals(await viewIdOf(name))).map(([k, t]) => [k, t.count]));
    expect(Object.fromEntries(counted)).toEqual(expected);
    expect(verdicts.some((v) => v.match === 'unknown')).toBe(false);
  });

  test('top deals are open deals of the view, largest first', async () => {
    const data = await client().fetchPipelineData(board({ twentyView: name }), NOW);
    expect(data.topDeals.length).toBeGreaterThan(0);
    const ids = data.topDeals.map((d) => d.id);
    const inView = await viewTotals(await viewIdOf(name), { id: { in: ids } });
    expect(Object.values(inView).reduce((n, t) => n + t.count, 0)).toBe(ids.length);
    expect(data.topDeals.every((d) => d.stage !== 'CUSTOMER')).toBe(true);
  });
});

test('a view named by id, and a change to its filters read again after the stage-options interval', async () => {
  const id = await createView(sandbox, { name: 'Proposals', filters: [{ field: 'stage', operand: 'IS', value: '["PROPOSAL"]' }] });
  const dashboard = board({ twentyView: id });
  const kept = client(); // the default interval (60 s): the view is read once
  const fresh = client({ stageOptionsTtlMs: 0 }); // read at every load
  const before = fetchedTotals(await kept.fetchPipelineData(dashboard, NOW));
  expect(Object.keys(before).every((k) => k.startsWith('["PROPOSAL"'))).toBe(true);
  await fresh.fetchPipelineData(dashboard, NOW);
  const view = await readView(transportTo(sandbox), id, (await readOpportunityFields(transportTo(sandbox))).objectMetadataId);
  await updateViewFilter(sandbox, view.filterSet.filters[0]?.id ?? '', { value: '["CUSTOMER"]' });
  const after = await fresh.fetchPipelineData(dashboard, NOW);
  expect(fetchedTotals(after)).toEqual(await viewTotals(id));
  expect(Object.keys(fetchedTotals(after)).every((k) => k.startsWith('["CUSTOMER"'))).toBe(true);
  // Within the interval too: group-by's open count no longer matched the kept view's, so the refresh read it again.
  expect((await kept.fetchPipelineData(dashboard, NOW)).view).toMatchObject({ exact: true, stages: ['CUSTOMER'] });
});

test('a view edited within the interval: the refresh that finds the groups off reads it again, still by group-by', async () => {
  const id = await createView(sandbox, { name: 'Edited soon', filters: [{ field: 'stage', operand: 'IS', value: '["PROPOSAL"]' }] });
  const dashboard = board({ twentyView: id });
  const kept = client(); // the default interval (60 s): without the re-read, the old view for a minute
  expect((await kept.fetchPipelineData(dashboard, NOW)).view).toMatchObject({ stages: ['PROPOSAL'] });
  const view = await readView(transportTo(sandbox), id, (await readOpportunityFields(transportTo(sandbox))).objectMetadataId);
  await updateViewFilter(sandbox, view.filterSet.filters[0]?.id ?? '', { value: '["MEETING"]' });
  const after = await kept.fetchPipelineData(dashboard, NOW);
  expect(after.strategy).toBe('groupBy');
  expect(fetchedTotals(after)).toEqual(await viewTotals(id));
  expect(Object.keys(fetchedTotals(after)).every((k) => k.startsWith('["MEETING"'))).toBe(true);
  expect(after.view).toMatchObject({ exact: true, stages: ['MEETING'] });
  expect(after.topDeals.length).toBeGreaterThan(0);
  expect(after.topDeals.every((d) => d.stage === 'MEETING')).toBe(true);
});

async function refusal(promise: Promise<unknown>): Promise<TwentyError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  if (!(err instanceof TwentyError)) throw new Error(`expected a TwentyError, got ${String(err)}`);
  return err;
}

describe('a view the dashboard cannot use refuses that dashboard', () => {
  test('a name several views share', async () => {
    await createView(sandbox, { name: 'Twins', filters: [{ field: 'stage', operand: 'IS', value: '["NEW"]' }] });
    await createView(sandbox, { name: 'Twins' });
    const err = await refusal(client().fetchPipelineData(board({ twentyView: 'Twins' }), NOW));
    expect(err.kind).toBe('rejected');
    expect(err.message).toMatch(/dashboard view-board: saved view "Twins": 2 opportunity views have this name/);
  });

  test('a name no listed view has (with the UNLISTED hint), and a deleted view by id', async () => {
    const missing = await refusal(client().fetchPipelineData(board({ twentyView: 'No such view' }), NOW));
    expect(missing.kind).toBe('rejected');
    expect(missing.message).toMatch(/dashboard view-board: .*UNLISTED view can be named only by id/);
    const id = await createView(sandbox, { name: 'Soon gone', filters: [{ field: 'stage', operand: 'IS', value: '["NEW"]' }] });
    await deleteView(sandbox, id);
    const deleted = await refusal(client().fetchPipelineData(board({ twentyView: id }), NOW));
    expect(deleted.message).toMatch(/no view has this id \(or it was deleted\)/);
  });

  test('filters the translation refuses', async () => {
    await createView(sandbox, { name: 'Due today', filters: [{ field: 'closeDate', operand: 'IS_TODAY', value: '' }] });
    const err = await refusal(client().fetchPipelineData(board({ twentyView: 'Due today' }), NOW));
    expect(err.kind).toBe('rejected');
    expect(err.message).toMatch(/dashboard view-board: saved view "Due today" \(.+\): its filters cannot be applied exactly \(operand:/);
  });

  test('Twenty v0.55, which has no saved views; a dashboard without a view still loads there', async () => {
    const err = await refusal(client({}, legacy).fetchPipelineData(board({ twentyView: 'Big deals' }), NOW));
    expect(err.kind).toBe('rejected');
    expect(err.message).toMatch(/dashboard view-board: .*no saved-view API \(v0\.55\)/);
    expect((await client({}, legacy).fetchPipelineData(board({}), NOW)).groups.length).toBeGreaterThan(0);
  });
});

test('the view and the fields are read once per stage-options interval, then again', async () => {
  const transport = transportTo(sandbox);
  let clock = 0;
  const views = createDashboardViews({ transport, ttlMs: 1000, clock: () => clock });
  const dashboard = { slug: 'view-board', twentyView: 'Big deals' };
  await views.resolve(dashboard, NOW);
  const first = transport.callCount();
  clock = 999;
  await views.resolve(dashboard, NOW);
  expect(transport.callCount()).toBe(first);
  clock = 1000;
  await views.resolve(dashboard, NOW);
  expect(transport.callCount()).toBe(first + 2);
});
