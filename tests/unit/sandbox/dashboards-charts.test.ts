// Chart data of the demo workspace (2.21 /metadata) against the q3 captures and against totals this
// test computes from the workspace's own deals: the captured bar and line requests replayed, the
// seeded Sales Dashboard's widgets, the read-only key's refusal for people, and a record change
// showing in the very next answer.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { dataOf, post, start } from '@/tests/unit/sandbox/harness';
import { chartQuery, dealsOf, q3, replay, shapeOf, units, type Deal } from '@/tests/unit/sandbox/dashboards-support';

const RO = 'charts-read-only';
const USER = 'charts-user';
let sandbox: Sandbox;
let deals: Deal[] = [];
type Widget = { id: string; title: string; objectMetadataId: string; configuration: Record<string, unknown> };
type Bar = { data: Record<string, string | number>[]; keys: string[]; series: { key: string; label: string }[]; hasTooManyGroups: boolean; formattedToRawLookup: Record<string, string> };

beforeAll(async () => {
  sandbox = await start({ opportunities: 600, readOnlyApiKeys: [RO], userTokens: [USER] });
  deals = await dealsOf(sandbox);
});
afterAll(async () => {
  await sandbox.close();
});

const stageOptions = () => sandbox.workspace.metadata.stageOptions();
const firstNameOf = (d: Deal) => d.owner?.name.firstName ?? 'Not Set';
async function seeded(title: string): Promise<Widget> {
  const reply = await post(sandbox, '/metadata', '{ getPageLayouts(pageLayoutType: DASHBOARD) { name tabs { widgets { id title objectMetadataId configuration { __typename ... on BarChartConfiguration { configurationType } } } } } }', { key: RO });
  const { getPageLayouts } = dataOf<{ getPageLayouts: { name: string; tabs: { widgets: Widget[] }[] }[] }>(reply);
  const widget = getPageLayouts.find((l) => l.name === 'Sales Dashboard')?.tabs.flatMap((t) => t.widgets).find((w) => w.title === title);
  if (!widget) throw new Error(`no widget ${title}`);
  // The full configuration, as a client reads it before asking for the chart's data.
  const one = await post(sandbox, '/metadata', 'query($id:String!){ getPageLayoutWidget(id:$id){ configuration { __typename ... on BarChartConfiguration { configurationType aggregateFieldMetadataId aggregateOperation primaryAxisGroupByFieldMetadataId primaryAxisGroupBySubFieldName primaryAxisDateGranularity primaryAxisOrderBy secondaryAxisGroupByFieldMetadataId secondaryAxisGroupBySubFieldName secondaryAxisOrderBy layout displayDataLabel displayLegend timezone firstDayOfTheWeek } ... on LineChartConfiguration { configurationType aggregateFieldMetadataId aggregateOperation primaryAxisGroupByFieldMetadataId primaryAxisDateGranularity primaryAxisOrderBy isCumulative timezone firstDayOfTheWeek } ... on PieChartConfiguration { configurationType aggregateFieldMetadataId aggregateOperation groupByFieldMetadataId orderBy timezone firstDayOfTheWeek } } } }', { key: RO, variables: { id: widget.id } });
  return { ...widget, configuration: dataOf<{ getPageLayoutWidget: { configuration: Record<string, unknown> } }>(one).getPageLayoutWidget.configuration };
}
async function chartOf<T>(kind: 'bar' | 'line' | 'pie', widget: Widget, key = RO): Promise<T> {
  const { __typename: _typename, ...configuration } = widget.configuration;
  const reply = await post(sandbox, '/metadata', chartQuery(kind), { key, variables: { i: { objectMetadataId: widget.objectMetadataId, configuration } } });
  return Object.values(dataOf<Record<string, T>>(reply))[0] as T;
}

test('the captured "Opportunities by Owner" request: one row per first name, label order, "Not Set" for no owner, counts of the workspace', async () => {
  for (const [suffix, key] of [['readonly-key', RO], ['user-token', USER]] as const) {
    const capture = q3(`barChartData-opportunities-by-owner-${suffix}`);
    const answer = dataOf<{ barChartData: Bar }>(await replay(sandbox, capture, key)).barChartData;
    const names = [...new Set(deals.map(firstNameOf))].sort((a, b) => a.localeCompare(b));
    const count = (name: string) => deals.filter((d) => firstNameOf(d) === name).length;
    const captured = (capture.response.body.data as { barChartData: Bar }).barChartData;
    expect(answer).toEqual({
      ...captured,
      data: names.map((n) => ({ 'ownerName.firstName': n, [n]: count(n) })),
      keys: names,
      series: names.map((n) => ({ key: n, label: n })),
      formattedToRawLookup: Object.fromEntries(names.filter((n) => n !== 'Not Set').map((n) => [n, n])),
    });
    expect(names).toContain('Not Set');
  }
});

test('the captured stage bar chart with a widget filter: stage options in option order, zeros included, sums in currency units', async () => {
  const capture = q3('barChartData-new-widget-with-filter-readonly-key');
  const answer = dataOf<{ barChartData: Bar }>(await replay(sandbox, capture, RO)).barChartData;
  const kept = deals.filter((d) => ['PROPOSAL', 'CUSTOMER'].includes(d.stage) && (d.amount.amountMicros ?? -1) >= 1_000_000 * 1_000_000);
  const captured = (capture.response.body.data as { barChartData: Bar }).barChartData;
  // Twenty fills no gaps in an empty result: no deal of a million or more means no rows.
  const data = kept.length === 0 ? [] : stageOptions().map((o) => ({ stage: o.label, amount: units(kept.filter((d) => d.stage === o.value)) }));
  expect(answer).toEqual({ ...captured, data, formattedToRawLookup: kept.length === 0 ? {} : Object.fromEntries(stageOptions().map((o) => [o.label, o.value])) });
});

test('the captured stage × company chart: option rows, company columns in name order, at most 50 shown, the captured shape', async () => {
  const capture = q3('barChartData-pipeline-value-by-stage-readonly-key');
  const answer = dataOf<{ barChartData: Bar }>(await replay(sandbox, capture, RO)).barChartData;
  const captured = (capture.response.body.data as { barChartData: Bar }).barChartData;
  const fixed = (b: Bar) => ({ ...b, data: null, keys: null, formattedToRawLookup: null });
  expect(shapeOf(fixed(answer))).toEqual(shapeOf(fixed(captured)));
  expect(answer.series).toEqual(answer.keys.map((k) => ({ key: k, label: k })));
  expect(answer.data.map((r) => r.stage)).toEqual(stageOptions().map((o) => o.label));
  expect(answer.keys).toEqual([...answer.keys].sort((a, b) => a.localeCompare(b)));
  expect(answer.keys.length).toBeLessThanOrEqual(50);
  // Every column but the last one reached by the group limit holds the exact stage × company sum.
  for (const company of answer.keys.slice(0, -1)) {
    for (const option of stageOptions()) {
      const row = answer.data.find((r) => r.stage === option.label);
      expect(row?.[company], `${option.value} × ${company}`).toBe(units(deals.filter((d) => d.stage === option.value && d.company?.name === company)));
    }
  }
});

test('the captured day-by-day revenue timeline answers exactly as captured: more than 100 days of close dates', async () => {
  for (const suffix of ['readonly-key', 'user-token']) {
    const capture = q3(`lineChartData-revenue-timeline-${suffix}`);
    expect((await replay(sandbox, capture, suffix === 'user-token' ? USER : RO)).body).toEqual(capture.response.body);
  }
});

test('pie data on people: the read-only key gets the captured FORBIDDEN, a user an empty but well-formed answer', async () => {
  const ro = q3('pieChartData-person-contact-roles-readonly-key');
  expect((await replay(sandbox, ro, RO)).body).toEqual(ro.response.body);
  const user = await replay(sandbox, q3('pieChartData-person-contact-roles-user-token'), USER);
  expect(dataOf(user)).toEqual({ pieChartData: { showLegend: true, hasTooManyGroups: false, formattedToRawLookup: {} } });
});

test('the seeded widgets: sum by stage, count by stage, amount by close month with empty months, counts by owner', async () => {
  const byStage = await chartOf<Bar>('bar', await seeded('Pipeline by Stage'));
  expect(byStage.data).toEqual(stageOptions().map((o) => ({ stage: o.label, amount: units(deals.filter((d) => d.stage === o.value)) })));
  const pie = await chartOf<{ data: { key: string; value: number }[] }>('pie', await seeded('Deals by Stage'));
  expect(pie.data).toEqual(stageOptions().map((o) => ({ key: o.label, value: deals.filter((d) => d.stage === o.value).length })).filter((p) => p.value > 0));

  const line = await chartOf<{ series: { data: { x: string; y: number }[] }[]; hasTooManyGroups: boolean }>('line', await seeded('Amount by Close Month'));
  const dated = deals.filter((d) => d.closeDate !== null);
  const months = [...new Set(dated.map((d) => (d.closeDate ?? '').slice(0, 7)))].sort();
  const expected: { x: string; y: number }[] = [];
  for (let m = months[0] ?? ''; m <= (months[months.length - 1] ?? ''); m = nextMonth(m)) {
    const label = new Date(`${m}-01T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    expected.push({ x: label, y: units(dated.filter((d) => d.closeDate?.startsWith(m))) });
  }
  expect(line.series[0]?.data).toEqual(expected);
  expect(line.hasTooManyGroups).toBe(false);

  const owners = await chartOf<Bar>('bar', await seeded('Opportunities by Owner'));
  expect(owners.data.reduce((s, r) => s + Number(r[String(r['ownerName.firstName'])]), 0)).toBe(deals.length);
});

function nextMonth(month: string): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 7);
}

test('a deal moved through the API moves the chart data in the very next answer', async () => {
  const widget = await seeded('Deals by Stage');
  const before = await chartOf<{ data: { key: string; value: number }[] }>('pie', widget);
  const deal = deals.find((d) => d.stage === 'NEW');
  if (!deal) throw new Error('no NEW deal');
  await post(sandbox, '/graphql', 'mutation($id:UUID!){ updateOpportunity(id:$id, data:{stage: CUSTOMER}){ id } }', { variables: { id: deal.id }, capture: false });
  const after = await chartOf<{ data: { key: string; value: number }[] }>('pie', widget);
  const valueOf = (data: { key: string; value: number }[], key: string) => data.find((p) => p.key === key)?.value ?? 0;
  expect(valueOf(after.data, 'New')).toBe(valueOf(before.data, 'New') - 1);
  expect(valueOf(after.data, 'Customer')).toBe(valueOf(before.data, 'Customer') + 1);
  deals = await dealsOf(sandbox);
});
