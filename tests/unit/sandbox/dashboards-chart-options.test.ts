// Chart options no capture shows, as Twenty's chart-data services compute them (source reading:
// packages/twenty-server/src/modules/dashboard/chart-data): orderings, cumulative, omitted nulls,
// granularities, a widget filter, other aggregates, the secondary axis, refusals. Every expected
// value is computed here from the workspace's deals.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { dataOf, post, start, type Reply } from '@/tests/unit/sandbox/harness';
import { chartQuery, dealsOf, units, type Deal } from '@/tests/unit/sandbox/dashboards-support';

const RO = 'options-read-only';
let sandbox: Sandbox;
let deals: Deal[] = [];
type Bar = { data: Record<string, string | number>[]; keys: string[]; hasTooManyGroups: boolean };
type Line = { series: { key: string; label: string; data: { x: string; y: number }[] }[] };
type Pie = { data: { key: string; value: number }[] };

beforeAll(async () => {
  sandbox = await start({ opportunities: 400, readOnlyApiKeys: [RO] });
  deals = await dealsOf(sandbox);
});
afterAll(async () => {
  await sandbox.close();
});

const field = (name: string, object = 'opportunity') => sandbox.workspace.metadata.object(object).fields.find((f) => f.name === name)?.id ?? '';
const options = () => sandbox.workspace.metadata.stageOptions();
const labelOf = (stage: string) => options().find((o) => o.value === stage)?.label ?? stage;
const run = (kind: 'bar' | 'line' | 'pie', configuration: Record<string, unknown>, key?: string, object = 'opportunity'): Promise<Reply> =>
  post(sandbox, '/metadata', chartQuery(kind), { key, variables: { i: { objectMetadataId: sandbox.workspace.metadata.object(object).id, configuration } } });
async function chart<T>(kind: 'bar' | 'line' | 'pie', configuration: Record<string, unknown>): Promise<T> {
  return Object.values(dataOf<Record<string, T>>(await run(kind, configuration)))[0] as T;
}
const byStage = (extra: Record<string, unknown> = {}) => ({
  configurationType: 'BAR_CHART', aggregateFieldMetadataId: field('id'), aggregateOperation: 'COUNT', primaryAxisGroupByFieldMetadataId: field('stage'), ...extra,
});
const counts = () => options().map((o) => ({ stage: o.label, id: deals.filter((d) => d.stage === o.value).length }));

test('stage orderings: option position either way, by value, manual with the rest after it', async () => {
  expect((await chart<Bar>('bar', byStage({ primaryAxisOrderBy: 'FIELD_POSITION_ASC' }))).data).toEqual(counts());
  expect((await chart<Bar>('bar', byStage({ primaryAxisOrderBy: 'FIELD_POSITION_DESC' }))).data).toEqual([...counts()].reverse());
  expect((await chart<Bar>('bar', byStage({ primaryAxisOrderBy: 'VALUE_DESC' }))).data).toEqual([...counts()].sort((a, b) => b.id - a.id));
  const manual = await chart<Bar>('bar', byStage({ primaryAxisOrderBy: 'MANUAL', primaryAxisManualSortOrder: ['CUSTOMER', 'MEETING'] }));
  expect(manual.data.slice(0, 2).map((r) => r.stage)).toEqual([labelOf('CUSTOMER'), labelOf('MEETING')]);
  expect(manual.data).toHaveLength(options().length);
  const byLabel = await chart<Bar>('bar', byStage({ primaryAxisOrderBy: 'FIELD_DESC' }));
  expect(byLabel.data.map((r) => r.stage)).toEqual(options().map((o) => o.label).sort((a, b) => b.localeCompare(a)));
});

test('cumulative bars are running totals; a widget filter keeps only its deals and zero-fills the other options', async () => {
  const cumulative = await chart<Bar>('bar', byStage({ primaryAxisOrderBy: 'FIELD_POSITION_ASC', isCumulative: true }));
  let sum = 0;
  expect(cumulative.data).toEqual(counts().map((c) => ({ stage: c.stage, id: (sum += c.id) })));
  const group = 'g1';
  const filter = {
    recordFilters: [
      { id: 'f1', fieldMetadataId: field('stage'), type: 'SELECT', label: 'Stage', operand: 'IS', value: '["PROPOSAL","CUSTOMER"]', recordFilterGroupId: group },
      { id: 'f2', fieldMetadataId: field('amount'), type: 'CURRENCY', label: 'Amount', operand: 'GREATER_THAN_OR_EQUAL', value: '50000', subFieldName: 'amountMicros', recordFilterGroupId: group },
    ],
    recordFilterGroups: [{ id: group, logicalOperator: 'AND' }],
  };
  const filtered = await chart<Bar>('bar', byStage({ aggregateFieldMetadataId: field('amount'), aggregateOperation: 'SUM', primaryAxisOrderBy: 'FIELD_POSITION_ASC', filter }));
  const kept = deals.filter((d) => ['PROPOSAL', 'CUSTOMER'].includes(d.stage) && (d.amount.amountMicros ?? -1) >= 50_000 * 1_000_000);
  expect(kept.length).toBeGreaterThan(0);
  expect(filtered.data).toEqual(options().map((o) => ({ stage: o.label, amount: units(kept.filter((d) => d.stage === o.value)) })));
});

test('owners: omitNullValues drops "Not Set"; VALUE_ASC orders by count; AVG and MAX of amounts in currency units', async () => {
  const owner = { primaryAxisGroupByFieldMetadataId: field('owner'), primaryAxisGroupBySubFieldName: 'name.firstName' };
  const omitted = await chart<Bar>('bar', byStage({ ...owner, omitNullValues: true, primaryAxisOrderBy: 'VALUE_ASC' }));
  const named = [...new Set(deals.flatMap((d) => (d.owner ? [d.owner.name.firstName] : [])))];
  const countOf = (n: string) => deals.filter((d) => d.owner?.name.firstName === n).length;
  expect(omitted.data.map((r) => r.ownerNameFirstName)).not.toContain('Not Set');
  expect(omitted.data.map((r) => r.id)).toEqual(named.map(countOf).sort((a, b) => a - b));
  const priced = deals.filter((d) => d.amount.amountMicros !== null);
  const max = await chart<Bar>('bar', byStage({ aggregateFieldMetadataId: field('amount'), aggregateOperation: 'MAX', primaryAxisOrderBy: 'FIELD_POSITION_ASC' }));
  expect(max.data.map((r) => r.amount)).toEqual(options().map((o) => Math.max(0, ...priced.filter((d) => d.stage === o.value).map((d) => (d.amount.amountMicros ?? 0) / 1e6))));
  const avg = await chart<Pie>('pie', { configurationType: 'PIE_CHART', aggregateFieldMetadataId: field('amount'), aggregateOperation: 'AVG', groupByFieldMetadataId: field('stage'), orderBy: 'FIELD_POSITION_ASC' });
  const inStage = (s: string) => priced.filter((d) => d.stage === s);
  for (const p of avg.data) {
    const stage = options().find((o) => o.label === p.key)?.value ?? '';
    expect(p.value).toBeCloseTo(units(inStage(stage)) / inStage(stage).length, 6);
  }
});

test('line: quarters labelled "Q4 2026", cumulative; a secondary axis splits into one series per stage with the chart prefix', async () => {
  const base = { configurationType: 'LINE_CHART', aggregateFieldMetadataId: field('amount'), aggregateOperation: 'SUM', primaryAxisGroupByFieldMetadataId: field('closeDate'), primaryAxisDateGranularity: 'QUARTER', primaryAxisOrderBy: 'FIELD_ASC' };
  const quarters = await chart<Line>('line', { ...base, isCumulative: true });
  const points = quarters.series[0]?.data ?? [];
  expect(points.every((p) => /^Q[1-4] \d{4}$/.test(p.x))).toBe(true);
  expect(points[points.length - 1]?.y).toBeCloseTo(units(deals.filter((d) => d.closeDate !== null)), 6);
  expect(quarters.series[0]?.key).toMatch(/^lc_[0-9a-f]{16}:amount$/);
  const split = await chart<Line>('line', { ...base, isCumulative: false, secondaryAxisGroupByFieldMetadataId: field('stage'), secondaryAxisOrderBy: 'FIELD_POSITION_ASC' });
  expect(split.series.map((s) => s.label)).toEqual(options().filter((o) => deals.some((d) => d.stage === o.value && d.closeDate !== null)).map((o) => o.label));
  for (const series of split.series) {
    const stage = options().find((o) => o.label === series.label)?.value ?? '';
    expect(series.data.reduce((s, p) => s + p.y, 0)).toBeCloseTo(units(deals.filter((d) => d.stage === stage && d.closeDate !== null)), 6);
  }
});

test('pie: hideEmptyCategory drops deals without an owner; VALUE_DESC is the default-like order', async () => {
  const pie = await chart<Pie>('pie', { configurationType: 'PIE_CHART', aggregateFieldMetadataId: field('id'), aggregateOperation: 'COUNT', groupByFieldMetadataId: field('owner'), groupBySubFieldName: 'name.firstName', orderBy: 'VALUE_DESC', hideEmptyCategory: true });
  expect(pie.data.map((p) => p.key)).not.toContain('Not Set');
  expect(pie.data.map((p) => p.value)).toEqual([...pie.data.map((p) => p.value)].sort((a, b) => b - a));
  expect(pie.data.reduce((s, p) => s + p.value, 0)).toBe(deals.filter((d) => d.owner !== null).length);
});

test('refusals: the read-only key grouping by point of contact (people) is FORBIDDEN; unknown fields are NOT_FOUND', async () => {
  const poc = await run('bar', byStage({ secondaryAxisGroupByFieldMetadataId: field('pointOfContact'), secondaryAxisGroupBySubFieldName: 'name.firstName' }), RO);
  expect(poc.body).toEqual({ errors: [{ message: 'Permission denied: Entity performing the request does not have permission', extensions: { code: 'FORBIDDEN', userFriendlyMessage: 'An error occurred.' } }], data: null });
  const unknown = await run('bar', byStage({ primaryAxisGroupByFieldMetadataId: '00000000-0000-4000-8000-000000000000' }));
  expect(unknown.body.errors?.[0]?.message).toBe('Field metadata not found: 00000000-0000-4000-8000-000000000000');
  expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  const noSubfield = await run('line', { configurationType: 'LINE_CHART', aggregateFieldMetadataId: field('id'), aggregateOperation: 'COUNT', primaryAxisGroupByFieldMetadataId: field('pointOfContact'), primaryAxisOrderBy: 'FIELD_ASC' }, RO);
  expect(noSubfield.body).toEqual({ errors: [{ message: 'Query execution failed: Line chart data retrieval failed: Cannot orderBy unknown field: pointOfContactId.', extensions: { code: 'INTERNAL_SERVER_ERROR', userFriendlyMessage: 'An error occurred.' } }], data: null });
  const company = await run('bar', { ...byStage(), aggregateFieldMetadataId: field('id', 'company'), primaryAxisGroupByFieldMetadataId: field('name', 'company') }, RO, 'company');
  expect(dataOf<{ barChartData: Bar }>(company).barChartData).toMatchObject({ data: [], keys: ['id'], hasTooManyGroups: false });
});

test('chart data takes a token of the workspace rate limit shared with /graphql; a user session is not limited (real-2.21/charts/rate-limit-metadata-first-*)', async () => {
  const limited = await start({ rateLimit: 3, opportunities: 20, readOnlyApiKeys: [RO], userTokens: ['options-user'] });
  try {
    const opportunity = limited.workspace.metadata.object('opportunity');
    const id = (name: string) => opportunity.fields.find((f) => f.name === name)?.id ?? '';
    const configuration = { configurationType: 'BAR_CHART', aggregateFieldMetadataId: id('id'), aggregateOperation: 'COUNT', primaryAxisGroupByFieldMetadataId: id('stage') };
    const bar = (key: string) => post(limited, '/metadata', chartQuery('bar'), { key, variables: { i: { objectMetadataId: opportunity.id, configuration } } });
    for (let i = 0; i < 3; i++) expect((await bar(RO)).body.errors).toBeUndefined();
    expect((await bar(RO)).body).toEqual({
      errors: [{ message: 'Query execution failed: Bar chart data retrieval failed: Limit reached (3 tokens per 60000 ms)', extensions: { code: 'INTERNAL_SERVER_ERROR', userFriendlyMessage: 'An error occurred.' } }],
      data: null,
    });
    const groupBy = await post(limited, '/graphql', '{ opportunitiesGroupBy(groupBy: [{stage: true}]) { totalCount } }', { capture: false });
    expect(groupBy.body.errors?.[0]?.message).toBe('Limit reached (3 tokens per 60000 ms)');
    expect((await bar('options-user')).body.errors).toBeUndefined();
    // The rate-limited fault refuses chart data the same way, and leaves layout reads alone.
    limited.setFault({ mode: 'rate-limited' });
    expect((await bar(RO)).body.errors?.[0]?.message).toBe('Query execution failed: Bar chart data retrieval failed: Limit reached (3 tokens per 60000 ms)');
    expect((await post(limited, '/metadata', '{ getPageLayouts { name } }', { key: RO })).body.errors).toBeUndefined();
  } finally {
    await limited.close();
  }
});

test('cyclical dates follow the calendar, not the alphabet (real-2.21/charts/line-closeDate-month-of-the-year: January, February, March, December, Not Set)', async () => {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const WEEK = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  const dated = deals.filter((d) => d.closeDate !== null).map((d) => new Date(d.closeDate ?? ''));
  const seen = (names: string[], nameOf: (d: Date) => string) => names.filter((n) => dated.some((d) => nameOf(d) === n));
  const notSet = deals.some((d) => d.closeDate === null) ? ['Not Set'] : [];
  const xs = async (granularity: string, orderBy: string, firstDayOfTheWeek?: number) => {
    const line = await chart<Line>('line', { configurationType: 'LINE_CHART', aggregateFieldMetadataId: field('id'), aggregateOperation: 'COUNT', primaryAxisGroupByFieldMetadataId: field('closeDate'), primaryAxisDateGranularity: granularity, primaryAxisOrderBy: orderBy, timezone: 'UTC', firstDayOfTheWeek });
    return line.series[0]?.data.map((p) => p.x);
  };
  const months = seen(MONTHS, (d) => MONTHS[d.getUTCMonth()] ?? '');
  expect(months.length).toBeGreaterThan(2);
  expect(await xs('MONTH_OF_THE_YEAR', 'FIELD_ASC')).toEqual([...months, ...notSet]);
  expect(await xs('MONTH_OF_THE_YEAR', 'FIELD_DESC')).toEqual([...months].reverse().concat(notSet));
  const dayOf = (d: Date) => WEEK[(d.getUTCDay() + 6) % 7] ?? '';
  const mondayFirst = seen(WEEK, dayOf);
  expect(await xs('DAY_OF_THE_WEEK', 'FIELD_ASC', 1)).toEqual([...mondayFirst, ...notSet]);
  const sundayFirst = seen(['Sunday', ...WEEK.slice(0, 6)], dayOf);
  expect(await xs('DAY_OF_THE_WEEK', 'FIELD_ASC', 0)).toEqual([...sundayFirst, ...notSet]);
  expect(sundayFirst).not.toEqual([...sundayFirst].sort());
  const quarters = seen(['Q1', 'Q2', 'Q3', 'Q4'], (d) => `Q${Math.floor(d.getUTCMonth() / 3) + 1}`);
  expect(await xs('QUARTER_OF_THE_YEAR', 'FIELD_ASC')).toEqual([...quarters, ...notSet]);
});
