// The app's client publishing the demo workspace's "Sales Dashboard" with the README's read-only key
// (Twenty 2.21, strict): each widget's points equal Twenty's own chart-data answer mapped by hand,
// one call per widget, the layouts and objects read once; a widget on people is "not shared"
// without failing the board; a layout edit is what the metadata pass reports; v0.55 refuses.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { dashboardSchema, type DashboardConfig } from '@/lib/config/dashboard-schema';
import type { LogLine } from '@/lib/twenty/transport';
import { createCallBudget } from '@/lib/twenty/budget';
import { createTwentyClient } from '@/lib/twenty/client';
import type { Sandbox } from '@/sandbox/index';
import { strict221 } from '@/tests/unit/twenty/helpers/strict-221';
import { NOW, READ_ONLY, startViewWorkspace, USER } from '@/tests/unit/twenty/views/view-workspace';

let sandbox: Sandbox;
let old: Sandbox;
beforeAll(async () => {
  [sandbox, old] = await Promise.all([startViewWorkspace(), startViewWorkspace('0.55')]);
}, 30_000);
afterAll(async () => {
  await Promise.all([sandbox.close(), old.close()]);
});

const board = (slug: string, extra: Record<string, unknown> = {}): DashboardConfig => dashboardSchema.parse({ slug, title: slug, twentyDashboard: 'Sales Dashboard', ...extra });

function clientOf(url: string, widgetDataTtlMs = 60_000) {
  const calls = { records: 0, metadata: 0 };
  const logs: LogLine[] = [];
  const strict = strict221().fetch;
  const counting: typeof fetch = (input, init) => {
    const target = input instanceof Request ? input.url : String(input);
    if (target.endsWith('/metadata')) calls.metadata += 1;
    else calls.records += 1;
    return strict(input, init);
  };
  const client = createTwentyClient({ apiUrl: url, apiKey: READ_ONLY, budget: createCallBudget({ perMinute: 100_000 }), log: (line) => void logs.push(line), fetch: counting, stageOptionsTtlMs: 60_000, widgetDataTtlMs });
  return { client, calls, logs };
}

async function asUser(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.url}/metadata`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${USER}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`metadata call failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

type Row = Record<string, unknown>;
async function twentyPoints(objectMetadataId: string, configuration: Row): Promise<{ label: string; value: number; series?: string }[]> {
  const input = { objectMetadataId, configuration };
  if (configuration.configurationType === 'BAR_CHART') {
    const bar = (await asUser('query($i: BarChartDataInput!) { barChartData(input: $i) { data indexBy keys series { key label } } }', { i: input })).barChartData as { data: Row[]; indexBy: string; keys: string[]; series: { key: string; label: string }[] };
    const second = typeof configuration.secondaryAxisGroupByFieldMetadataId === 'string';
    return bar.data.flatMap((row) => bar.keys.filter((k) => typeof row[k] === 'number').map((k) => ({ label: String(row[bar.indexBy]), value: row[k] as number, ...(second ? { series: bar.series.find((s) => s.key === k)?.label ?? k } : {}) })));
  }
  if (configuration.configurationType === 'LINE_CHART') {
    const line = (await asUser('query($i: LineChartDataInput!) { lineChartData(input: $i) { series { label data { x y } } } }', { i: input })).lineChartData as { series: { label: string; data: { x: string; y: number }[] }[] };
    return line.series.flatMap((s) => s.data.map((d) => ({ label: d.x, value: d.y })));
  }
  const pie = (await asUser('query($i: PieChartDataInput!) { pieChartData(input: $i) { data { key value } } }', { i: input })).pieChartData as { data: { key: string; value: number }[] };
  return pie.data.map((d) => ({ label: d.key, value: d.value }));
}

type StoredWidget = { id: string; title: string; objectMetadataId: string; configuration: Row };
async function storedWidgets(): Promise<StoredWidget[]> {
  const data = await asUser(`{ getPageLayouts(pageLayoutType: DASHBOARD) { name tabs { id widgets { id title objectMetadataId configuration {
    ... on BarChartConfiguration { configurationType aggregateFieldMetadataId aggregateOperation primaryAxisGroupByFieldMetadataId primaryAxisGroupBySubFieldName primaryAxisDateGranularity primaryAxisOrderBy primaryAxisManualSortOrder secondaryAxisGroupByFieldMetadataId secondaryAxisGroupBySubFieldName secondaryAxisGroupByDateGranularity secondaryAxisOrderBy secondaryAxisManualSortOrder omitNullValues splitMultiValueFields axisNameDisplay displayDataLabel displayLegend rangeMin rangeMax description color filter groupMode layout isCumulative timezone firstDayOfTheWeek }
    ... on LineChartConfiguration { configurationType aggregateFieldMetadataId aggregateOperation primaryAxisGroupByFieldMetadataId primaryAxisGroupBySubFieldName primaryAxisDateGranularity primaryAxisOrderBy primaryAxisManualSortOrder secondaryAxisGroupByFieldMetadataId secondaryAxisGroupBySubFieldName secondaryAxisGroupByDateGranularity secondaryAxisOrderBy secondaryAxisManualSortOrder omitNullValues splitMultiValueFields axisNameDisplay displayDataLabel displayLegend rangeMin rangeMax description color filter isStacked isCumulative timezone firstDayOfTheWeek }
    ... on PieChartConfiguration { configurationType aggregateFieldMetadataId aggregateOperation groupByFieldMetadataId groupBySubFieldName dateGranularity orderBy manualSortOrder displayDataLabel showCenterMetric displayLegend hideEmptyCategory splitMultiValueFields description color filter timezone firstDayOfTheWeek }
    ... on AggregateChartConfiguration { configurationType }
  } } } } }`);
  const layout = (data.getPageLayouts as { name: string; tabs: { widgets: StoredWidget[] }[] }[]).find((l) => l.name === 'Sales Dashboard');
  return layout?.tabs.flatMap((t) => t.widgets) ?? [];
}

test('the seeded board: every chart equal to Twenty\'s own answer, the number Twenty\'s sum; 2 metadata reads + one call per widget', async () => {
  const { client, calls } = clientOf(sandbox.url);
  const data = await client.fetchPipelineData(board('sales'), NOW);
  const widgets = data.board?.widgets ?? [];
  expect(data.board?.tabs.map((t) => t.title)).toEqual(['Overview', 'Owners']);
  expect(widgets.map((w) => [w.title, w.kind, w.tab, w.state])).toEqual([
    ['Pipeline by Stage', 'bar', 1, 'ok'],
    ['Amount by Close Month', 'line', 1, 'ok'],
    ['Deals by Stage', 'pie', 1, 'ok'],
    ['Open pipeline', 'number', 1, 'ok'],
    ['Opportunities by Owner', 'bar', 2, 'ok'],
  ]);
  for (const stored of (await storedWidgets()).filter((w) => w.configuration.configurationType !== 'AGGREGATE_CHART')) {
    expect(widgets.find((w) => w.id === stored.id)?.points, stored.title).toEqual(await twentyPoints(stored.objectMetadataId, stored.configuration));
  }
  const open = sandbox.store.opportunities.all().filter((o) => ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL'].includes(o.stage) && o.deletedAt === null);
  const micros = open.reduce((sum, o) => sum + BigInt(o.amountMicros ?? 0), 0n);
  expect(widgets.find((w) => w.title === 'Open pipeline')?.points).toEqual([{ label: 'Open pipeline', value: Number(micros) / 1_000_000 }]);
  expect(widgets.find((w) => w.title === 'Pipeline by Stage')).toMatchObject({ amount: true, display: { layout: 'vertical', color: 'green' } });
  expect(data.groups).toEqual([]);
  // stage options + layouts + objects on /metadata, 4 chart-data calls; the number on /graphql
  expect(calls).toEqual({ metadata: 3 + 4, records: 1 });
  const again = { ...calls };
  await client.fetchPipelineData(board('sales'), NOW);
  expect(calls).toEqual({ metadata: again.metadata + 4, records: again.records + 1 });
});

test('a widget on people (the key may not read them) is not shared; the rest of the board serves; a layout edit is what the pass reports', async () => {
  const { client, logs } = clientOf(sandbox.url);
  const before = await client.fetchPipelineData(board('people'), NOW);
  const meta = sandbox.workspace.metadata;
  const person = meta.object('person');
  const tabId = ((await asUser('{ getPageLayouts(pageLayoutType: DASHBOARD) { name tabs { id } } }')).getPageLayouts as { name: string; tabs: { id: string }[] }[]).find((l) => l.name === 'Sales Dashboard')?.tabs[1]?.id;
  await asUser('mutation($i: CreatePageLayoutWidgetInput!) { createPageLayoutWidget(input: $i) { id } }', {
    i: {
      pageLayoutTabId: tabId, title: 'Contacts by job title', type: 'GRAPH', objectMetadataId: person.id, gridPosition: { row: 0, column: 6, rowSpan: 6, columnSpan: 6 },
      configuration: { configurationType: 'PIE_CHART', aggregateFieldMetadataId: person.fields.find((f) => f.name === 'id')?.id, aggregateOperation: 'COUNT', groupByFieldMetadataId: person.fields.find((f) => f.name === 'jobTitle')?.id },
    },
  });
  expect(await client.metadataPass().changeOf(board('people'), before)).toBe('layout');
  const after = await client.fetchPipelineData(board('people'), NOW);
  const people = after.board?.widgets.find((w) => w.title === 'Contacts by job title');
  expect(people).toEqual({ id: people?.id, title: 'Contacts by job title', kind: 'pie', tab: 2, grid: { row: 0, column: 6, rowSpan: 6, columnSpan: 6 }, state: 'not_shared' });
  expect(after.board?.widgets.filter((w) => w.state === 'ok')).toHaveLength(5);
  expect(after.board?.objects).toEqual(['opportunity', 'person']);
  expect(logs.filter((l) => l.event === 'twenty.board_widget' && l.state === 'not_shared')).toHaveLength(1);
  expect(await client.metadataPass().changeOf(board('people'), after)).toBeNull();
  // people get no webhook: once their figures are older than the widget TTL, the pass asks for a refresh
  expect(await clientOf(sandbox.url, 0).client.metadataPass().changeOf(board('people'), after)).toBe('widget_data');
  // a board on opportunities alone follows webhooks, never the TTL
  const eager = clientOf(sandbox.url, 0).client;
  const deals = board('deals-only', { widgets: ['Pipeline by Stage'] });
  const dealsData = await eager.fetchPipelineData(deals, NOW);
  expect(dealsData.board?.objects).toEqual(['opportunity']);
  expect(await eager.metadataPass().changeOf(deals, dealsData)).toBeNull();
});

test('refusals: an unknown layout name, a widget title the layout lacks, and Twenty v0.55 (no layouts)', async () => {
  const { client } = clientOf(sandbox.url);
  await expect(client.fetchPipelineData(board('nope', { twentyDashboard: 'Sales Overview' }), NOW)).rejects.toMatchObject({ kind: 'rejected', message: expect.stringMatching(/dashboard nope: twentyDashboard "Sales Overview": no dashboard layout .*"Sales Dashboard"/) });
  await expect(client.fetchPipelineData(board('typo', { widgets: ['Pipeline by Stage', 'Churn'] }), NOW)).rejects.toMatchObject({ kind: 'rejected', message: expect.stringMatching(/has no widget titled "Churn"/) });
  const narrow = await client.fetchPipelineData(board('narrow', { widgets: ['Open pipeline'] }), NOW);
  expect(narrow.board?.widgets.map((w) => w.title)).toEqual(['Open pipeline']);
  const v055 = clientOf(old.url).client;
  await expect(v055.fetchPipelineData(board('old'), NOW)).rejects.toMatchObject({ kind: 'rejected', message: expect.stringMatching(/no dashboard layouts \(v0.55\)/) });
});
