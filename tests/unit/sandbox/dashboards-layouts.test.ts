// The page-layout API of the demo workspace (2.21 /metadata) against the q3 captures: the captured
// requests replayed with this workspace's ids, the seeded "Sales Dashboard", a dashboard made
// through the API as Twenty's UI makes one (q3-create-1..3), the read-only key's refusals, and v0.55.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { dataOf, post, start } from '@/tests/unit/sandbox/harness';
import { masked, q3, replay, shapeOf, swapIds, idMap } from '@/tests/unit/sandbox/dashboards-support';

const RO = 'layouts-read-only';
const USER = 'layouts-user';
let sandbox: Sandbox;
type Widget = { id: string; title: string; type: string; gridPosition: unknown; configuration: Record<string, unknown> };
type Tab = { id: string; title: string; position: number; widgets: Widget[] };
type Layout = { id: string; name: string; tabs: Tab[] };

beforeAll(async () => {
  sandbox = await start({ readOnlyApiKeys: [RO], userTokens: [USER] });
});
afterAll(async () => {
  await sandbox.close();
});

const layouts = async (key: string) => dataOf<{ getPageLayouts: Layout[] }>(await replay(sandbox, q3('getPageLayouts-DASHBOARD-readonly-key'), key)).getPageLayouts;
const sales = async (key = RO) => {
  const found = (await layouts(key)).find((l) => l.name === 'Sales Dashboard');
  if (!found) throw new Error('no Sales Dashboard');
  return found;
};
const capturedLayouts = () => (q3('getPageLayouts-DASHBOARD-readonly-key').response.body.data as { getPageLayouts: Layout[] }).getPageLayouts;
const TIMES = ['createdAt', 'updatedAt'];

test('the metadata schema has every page-layout and chart type as captured (q3 introspection replayed)', async () => {
  const capture = q3('introspection-view-and-widget-types-metadata-readonly-key');
  const reply = await replay(sandbox, capture, RO);
  expect(reply.body).toEqual(capture.response.body);
});

test('the seeded Sales Dashboard: two tabs, five GRAPH widgets, in the captured shapes, for the read-only key and a user', async () => {
  const layout = await sales();
  expect(layout.tabs.map((t) => [t.title, t.position])).toEqual([['Overview', 0], ['Owners', 1]]);
  expect(layout.tabs.map((t) => t.widgets.map((w) => w.title))).toEqual([['Pipeline by Stage', 'Amount by Close Month', 'Deals by Stage', 'Open pipeline'], ['Opportunities by Owner']]);
  const capturedWidgets = capturedLayouts().flatMap((l) => l.tabs.flatMap((t) => t.widgets));
  for (const widget of layout.tabs.flatMap((t) => t.widgets)) {
    expect(widget.type).toBe('GRAPH');
    const like = capturedWidgets.find((w) => w.configuration.__typename === widget.configuration.__typename);
    expect(shapeOf({ ...widget, configuration: null })).toEqual(shapeOf({ ...like, configuration: null }));
    expect(Object.keys(widget.configuration).sort()).toEqual(Object.keys(like?.configuration ?? {}).sort());
  }
  const captured = capturedLayouts()[0];
  expect(Object.keys(layout).sort()).toEqual(Object.keys(captured ?? {}).sort());
  expect(await sales(USER)).toEqual(layout);
});

test('"Opportunities by Owner" is configured exactly as the captured seed widget', async () => {
  const owners = (await sales()).tabs[1]?.widgets[0];
  const captured = q3('getPageLayoutWidget-opportunities-by-owner-readonly-key').response.body.data as { getPageLayoutWidget: Widget };
  expect(owners?.configuration).toEqual(swapIds(captured.getPageLayoutWidget.configuration, idMap(sandbox)));
});

test('getPageLayout, getPageLayoutTabs, getPageLayoutWidgets and getPageLayoutWidget answer the captured requests in the captured shapes', async () => {
  const layout = await sales();
  const [overview, owners] = layout.tabs;
  const ids = { '009d6020-93c5-4bb5-af78-679f73917e0e': layout.id, 'cd2cc5e3-1ff9-4a46-8d9d-25e82d0e9589': overview?.id ?? '', '0dd3eb31-40be-48c6-ba51-fe1e9b750ef8': owners?.widgets[0]?.id ?? '' };
  for (const name of ['getPageLayout', 'getPageLayoutTabs', 'getPageLayoutWidget-opportunities-by-owner', 'getPageLayoutWidget-configuration-as-json-typename-only']) {
    for (const [suffix, key] of [['readonly-key', RO], ['user-token', USER]] as const) {
      const capture = q3(`${name}-${suffix}`);
      const reply = await replay(sandbox, capture, key, ids);
      expect(reply.status).toBe(200);
      expect(shapeOf(reply.body), `${name}-${suffix}`).toEqual(shapeOf(capture.response.body));
    }
  }
  const widgets = dataOf<{ getPageLayoutWidgets: Widget[] }>(await replay(sandbox, q3('getPageLayoutWidgets-readonly-key'), RO, ids)).getPageLayoutWidgets;
  expect(widgets.map((w) => w.title)).toEqual(overview?.widgets.map((w) => w.title));
  const all = dataOf<{ getPageLayouts: { name: string; type: string }[] }>(await replay(sandbox, q3('getPageLayouts-all-types-readonly-key'), RO)).getPageLayouts;
  expect(all.map((l) => [l.name, l.type])).toContainEqual(['Sales Dashboard', 'DASHBOARD']);
});

test('a dashboard made through the API with a user token answers as q3-create-1..4 did, server-added configuration keys included, and reads back', async () => {
  const created = await replay(sandbox, q3('create-1-createPageLayout-dashboard-user-token'), USER);
  const layout = dataOf<{ createPageLayout: { id: string; universalIdentifier: string } }>(created).createPageLayout;
  expect(layout.universalIdentifier).toBe(layout.id);
  const mask = [...TIMES, 'id', 'universalIdentifier', 'pageLayoutId', 'pageLayoutTabId'];
  expect(masked(created.body, mask)).toEqual(masked(q3('create-1-createPageLayout-dashboard-user-token').response.body, mask));

  const tabReply = await replay(sandbox, q3('create-2-createPageLayoutTab-user-token'), USER, { 'd3e14405-be48-4af3-9d05-3c36f048737e': layout.id });
  const tab = dataOf<{ createPageLayoutTab: { id: string; pageLayoutId: string } }>(tabReply).createPageLayoutTab;
  expect(tab.pageLayoutId).toBe(layout.id);
  expect(masked(tabReply.body, mask)).toEqual(masked(q3('create-2-createPageLayoutTab-user-token').response.body, mask));

  const map = idMap(sandbox);
  const widgetCapture = q3('create-3-createPageLayoutWidget-bar-chart-user-token');
  const widgetReply = await replay(sandbox, widgetCapture, USER, { '85323e7f-3d60-42ce-978f-4ca9d1969e12': tab.id });
  const widget = dataOf<{ createPageLayoutWidget: Widget & { pageLayoutTabId: string } }>(widgetReply).createPageLayoutWidget;
  expect(widget.pageLayoutTabId).toBe(tab.id);
  expect(masked(widgetReply.body, mask)).toEqual(masked(swapIds(widgetCapture.response.body, map), mask));
  // jsonb key order of the stored filter, as captured
  expect(JSON.stringify(widget.configuration.filter)).toBe(JSON.stringify(swapIds((widgetCapture.response.body.data as { createPageLayoutWidget: Widget }).createPageLayoutWidget.configuration.filter, map)));

  const readBack = q3('getPageLayoutWidget-new-bar-chart-user-token');
  const read = await replay(sandbox, readBack, RO, { '539230be-8825-46c3-a3fd-942d78d9071c': widget.id });
  expect(masked(read.body, mask)).toEqual(masked(swapIds(readBack.response.body, map), mask));
  const dashboardCapture = q3('create-4-createDashboard-core-user-token');
  const dashboardBody = swapIds(dashboardCapture.request.body, new Map([['d3e14405-be48-4af3-9d05-3c36f048737e', layout.id]]));
  const dashboard = await post(sandbox, '/graphql', dashboardBody.query, { key: USER, variables: dashboardBody.variables ?? {}, capture: false });
  expect(masked(dashboard.body, ['id', 'pageLayoutId', 'name'])).toEqual(masked(dashboardCapture.response.body, ['id', 'pageLayoutId', 'name']));
  expect(dataOf<{ createDashboard: { pageLayoutId: string } }>(dashboard).createDashboard.pageLayoutId).toBe(layout.id);
  const listed = (await layouts(RO)).find((l) => l.id === layout.id);
  expect(listed?.tabs.map((t) => [t.title, t.widgets.map((w) => w.title)])).toEqual([['Pipeline', ['Big late-stage value by stage']]]);
});

test('the read-only key cannot write layouts: the captured INTERNAL_SERVER_ERROR and user message', async () => {
  const layout = await sales();
  for (const name of ['createPageLayout-readonly-key', 'createPageLayoutWidget-readonly-key']) {
    const capture = q3(name);
    const reply = await replay(sandbox, capture, RO, { '85323e7f-3d60-42ce-978f-4ca9d1969e12': layout.tabs[0]?.id ?? '' });
    expect(reply.body).toEqual(capture.response.body);
  }
  expect((await layouts(RO)).map((l) => l.name)).not.toContain('RO attempt');
});

test('v0.55 has no page layouts: the unknown-field answer, as for getViews', async () => {
  const legacy = await start({ twentyVersion: '0.55' });
  try {
    const reply = await post(legacy, '/metadata', '{ getPageLayouts(pageLayoutType: DASHBOARD) { id } }');
    expect(reply.body.errors?.[0]?.message).toBe('Cannot query field "getPageLayouts" on type "Query".');
    expect(legacy.workspace.layouts.listed(null, null)).toEqual([]);
  } finally {
    await legacy.close();
  }
});

test('dashboard records on /graphql: the read-only key gets the captured PERMISSION_DENIED, a user reads the Sales Dashboard naming its layout', async () => {
  const layout = await sales();
  const ids = { 'f18687a7-8d8e-478d-b9d7-a38ff696bc50': layout.id };
  for (const name of ['dashboards', 'dashboard-one']) {
    const ro = q3(`${name}-readonly-key`);
    const body = swapIds(ro.request.body, new Map(Object.entries(ids)));
    expect((await post(sandbox, '/graphql', body.query, { key: RO, variables: body.variables ?? {}, capture: false })).body).toEqual(ro.response.body);
  }
  const user = q3('dashboard-one-user-token');
  const body = swapIds(user.request.body, new Map(Object.entries(ids)));
  const one = await post(sandbox, '/graphql', body.query, { key: USER, variables: body.variables ?? {}, capture: false });
  expect(shapeOf(one.body)).toEqual(shapeOf(user.response.body));
  expect(dataOf<{ dashboard: { title: string; pageLayoutId: string } }>(one).dashboard).toMatchObject({ title: 'Sales Dashboard', pageLayoutId: layout.id });
  const listCapture = q3('dashboards-user-token');
  const list = await post(sandbox, '/graphql', listCapture.request.body.query, { key: USER, capture: false });
  type Dashboards = { dashboards: { totalCount: number; edges: { node: { title: string } }[] } };
  expect(dataOf<Dashboards>(list).dashboards.edges.map((e) => e.node.title)).toContain('Sales Dashboard');
  expect(shapeOf(masked(list.body, ['createdBy']))).toEqual(shapeOf(masked(listCapture.response.body, ['createdBy'])));
});

test('an unknown layout id or a name is NOT_FOUND; destroying a layout hides it and its tabs, its widgets stay readable by id (real-2.21/charts/layout-*)', async () => {
  const getLayout = (id: string) => post(sandbox, '/metadata', 'query($id:String!){ getPageLayout(id:$id){ id name } }', { key: RO, variables: { id } });
  for (const id of ['00000000-0000-4000-8000-000000000000', 'Sales Dashboard']) {
    expect((await getLayout(id)).body).toEqual({ errors: [{ message: `Page layout with ID "${id}" not found`, extensions: { code: 'NOT_FOUND', userFriendlyMessage: 'An error occurred.' } }], data: { getPageLayout: null } });
  }
  const mutate = (query: string, key: string, variables: Record<string, unknown>) => post(sandbox, '/metadata', query, { key, variables });
  const layout = dataOf<{ createPageLayout: { id: string } }>(await mutate('mutation($i:CreatePageLayoutInput!){ createPageLayout(input:$i){ id } }', USER, { i: { name: 'Doomed', type: 'DASHBOARD' } })).createPageLayout;
  const tab = dataOf<{ createPageLayoutTab: { id: string } }>(await mutate('mutation($i:CreatePageLayoutTabInput!){ createPageLayoutTab(input:$i){ id } }', USER, { i: { title: 'Only', position: 0, pageLayoutId: layout.id } })).createPageLayoutTab;
  const stage = sandbox.workspace.metadata.stageField().id;
  const configuration = { configurationType: 'PIE_CHART', aggregateFieldMetadataId: stage, aggregateOperation: 'COUNT', groupByFieldMetadataId: stage };
  const widget = dataOf<{ createPageLayoutWidget: { id: string } }>(await mutate('mutation($i:CreatePageLayoutWidgetInput!){ createPageLayoutWidget(input:$i){ id } }', USER, {
    i: { pageLayoutTabId: tab.id, title: 'Doomed pie', type: 'GRAPH', objectMetadataId: sandbox.workspace.metadata.object('opportunity').id, gridPosition: { row: 0, column: 0, rowSpan: 4, columnSpan: 4 }, configuration },
  })).createPageLayoutWidget;
  const refused = await mutate('mutation($id:String!){ destroyPageLayoutWidget(id:$id) }', RO, { id: widget.id });
  expect(refused.body.errors?.[0]).toEqual({ message: 'Entity performing the request does not have permission', extensions: { code: 'INTERNAL_SERVER_ERROR', userFriendlyMessage: 'You do not have permission to access this feature. Please contact your workspace administrator for access.' } });
  expect(dataOf(await mutate('mutation($id:String!){ destroyPageLayout(id:$id) }', USER, { id: layout.id }))).toEqual({ destroyPageLayout: true });
  expect((await getLayout(layout.id)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect((await layouts(RO)).map((l) => l.id)).not.toContain(layout.id);
  expect(dataOf(await mutate('query($id:String!){ getPageLayoutTabs(pageLayoutId:$id){ id } }', RO, { id: layout.id }))).toEqual({ getPageLayoutTabs: [] });
  expect(dataOf(await mutate('query($id:String!){ getPageLayoutWidget(id:$id){ id title deletedAt } }', RO, { id: widget.id }))).toEqual({ getPageLayoutWidget: { id: widget.id, title: 'Doomed pie', deletedAt: null } });
});
