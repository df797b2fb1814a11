import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import type { OpportunityRow } from '@/sandbox/records/types';
import { dataOf, gql, start } from '@/tests/unit/sandbox/harness';

type Group = { groupByDimensionValues: (string | null)[]; totalCount: number; sumAmountAmountMicros: number | null };

let sandbox: Sandbox;
let sandbox055: Sandbox;
beforeAll(async () => {
  [sandbox, sandbox055] = await Promise.all([start(), start({ twentyVersion: '0.55' })]);
});
afterAll(async () => {
  await Promise.all([sandbox.close(), sandbox055.close()]);
});

// The document the dashboard's client sends (lib/twenty), plus `limit`; 2.21 needs the time zone.
const CLIENT_QUERY = `query($filter: OpportunityFilterInput, $limit: Int) {
  opportunitiesGroupBy(groupBy: [{stage: true}, {amount: {currencyCode: true}}, {closeDate: {granularity: MONTH, timeZone: "UTC"}}], filter: $filter, limit: $limit) {
    groupByDimensionValues totalCount sumAmountAmountMicros
  }
}`;

const groupsOf = async (query: string, variables: Record<string, unknown> = {}) =>
  dataOf<{ opportunitiesGroupBy: Group[] }>(await gql(sandbox, query, { variables, capture: false })).opportunitiesGroupBy;

function expectedGroups(rows: readonly OpportunityRow[]): Map<string, { count: number; sum: number | null }> {
  const out = new Map<string, { count: number; sum: number | null }>();
  for (const r of rows) {
    if (r.deletedAt !== null) continue;
    const month = r.closeDate === null ? null : new Date(r.closeDate).toISOString().slice(0, 8) + '01';
    const key = JSON.stringify([r.stage, r.currencyCode || null, month]);
    const g = out.get(key) ?? { count: 0, sum: null };
    g.count += 1;
    if (r.amountMicros !== null) g.sum = (g.sum ?? 0) + r.amountMicros;
    out.set(key, g);
  }
  return out;
}

test('stage × currency × month groups match the records, with "" currencies grouped as null', async () => {
  const groups = await groupsOf(CLIENT_QUERY, { limit: 1000 });
  const expected = expectedGroups(sandbox.store.opportunities.all());
  expect(expected.size, 'the seed has deals to group').toBeGreaterThan(1);
  expect(groups).toHaveLength(expected.size);
  for (const g of groups) {
    expect(g.groupByDimensionValues).toHaveLength(3);
    const want = expected.get(JSON.stringify(g.groupByDimensionValues));
    expect(want, JSON.stringify(g.groupByDimensionValues)).toBeDefined();
    expect([g.totalCount, g.sumAmountAmountMicros]).toEqual([want?.count, want?.sum]);
  }
  expect(groups.some((g) => g.groupByDimensionValues[1] === null && g.sumAmountAmountMicros !== null)).toBe(true);
  expect(groups.every((g) => g.groupByDimensionValues[1] !== '')).toBe(true);
  expect(groups.map((g) => g.groupByDimensionValues[2]).filter((m) => m !== null).every((m) => /^\d{4}-\d{2}-01$/.test(m ?? ''))).toBe(true);
});

test('without limit only Twenty\'s default 50 groups come back', async () => {
  expect(await groupsOf(CLIENT_QUERY)).toHaveLength(50);
});

test('without orderBy groups come in a fixed order that is not the dimension order; orderBy stage is alphabetical', async () => {
  const query = `query($o: [OpportunityOrderByWithGroupByInput]) { opportunitiesGroupBy(groupBy: [{stage: true}], orderBy: $o) { groupByDimensionValues totalCount } }`;
  const stages = async (orderBy?: unknown) => (await groupsOf(query, orderBy ? { o: orderBy } : {})).map((g) => g.groupByDimensionValues[0]);
  const unordered = await stages();
  expect(unordered).toEqual(await stages());
  expect([...unordered].sort()).toEqual(['CUSTOMER', 'MEETING', 'NEW', 'PROPOSAL', 'SCREENING']);
  expect(unordered).not.toEqual(['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER']);
  expect(await stages([{ stage: 'AscNullsLast' }])).toEqual(['CUSTOMER', 'MEETING', 'NEW', 'PROPOSAL', 'SCREENING']);
  expect(await stages([{ stage: 'DescNullsLast' }])).toEqual(['SCREENING', 'PROPOSAL', 'NEW', 'MEETING', 'CUSTOMER']);
});

test('the filter applies before grouping', async () => {
  const groups = await groupsOf(`query($filter: OpportunityFilterInput) { opportunitiesGroupBy(groupBy: [{stage: true}], filter: $filter) { groupByDimensionValues totalCount } }`, {
    filter: { amount: { currencyCode: { eq: 'USD' } } },
  });
  const usdNew = sandbox.store.opportunities.all().filter((r) => r.deletedAt === null && r.stage === 'NEW' && r.currencyCode === 'USD').length;
  expect(usdNew, 'the seed has USD deals in NEW').toBeGreaterThan(0);
  expect(groups.find((g) => g.groupByDimensionValues[0] === 'NEW')?.totalCount).toBe(usdNew);
});

test('a calendar granularity needs a time zone, and weeks start on weekStartDay', async () => {
  const noZone = await gql(sandbox, `{ opportunitiesGroupBy(groupBy: [{closeDate: {granularity: MONTH}}]) { totalCount } }`, { capture: false });
  expect(noZone.body.errors?.[0]?.extensions?.subCode).toBe('MISSING_TIMEZONE_FOR_DATE_GROUP_BY');
  for (const [weekStartDay, weekday] of [['MONDAY', 1], ['SUNDAY', 0], ['SATURDAY', 6]] as const) {
    const weeks = await groupsOf(`{ opportunitiesGroupBy(groupBy: [{closeDate: {granularity: WEEK, timeZone: "UTC", weekStartDay: ${weekStartDay}}}], limit: 1000) { groupByDimensionValues } }`);
    const days = weeks.map((g) => g.groupByDimensionValues[0]).filter((v): v is string => v !== null);
    expect(days.length).toBeGreaterThan(0);
    for (const day of days) expect(new Date(`${day}T00:00:00Z`).getUTCDay()).toBe(weekday);
  }
});

test('groups by owner name and by company name read through the relation', async () => {
  const live = sandbox.store.opportunities.all().filter((r) => r.deletedAt === null);
  const owners = await groupsOf(`{ opportunitiesGroupBy(groupBy: [{owner: {name: {firstName: true}}}], limit: 100) { groupByDimensionValues totalCount } }`);
  // More than the null group: the loop below must check named owners, not pass on nothing.
  expect(owners.filter((g) => g.groupByDimensionValues[0] !== null).length).toBeGreaterThan(1);
  for (const g of owners) {
    const name = g.groupByDimensionValues[0] ?? null;
    const expected = live.filter((r) => (r.ownerId === null ? null : (sandbox.store.workspaceMembers.get(r.ownerId)?.firstName ?? null)) === name).length;
    expect([name, g.totalCount]).toEqual([name, expected]);
  }
  const byId = await groupsOf(`{ opportunitiesGroupBy(groupBy: [{ownerId: true}], limit: 100) { groupByDimensionValues totalCount } }`);
  expect(byId.reduce((n, g) => n + g.totalCount, 0)).toBe(live.length);
  const companies = await groupsOf(`{ opportunitiesGroupBy(groupBy: [{company: {name: true}}], limit: 1000) { groupByDimensionValues totalCount } }`);
  expect(companies.find((g) => g.groupByDimensionValues[0] === null)?.totalCount).toBe(live.filter((r) => r.companyId === null).length);
});

test('limit 0 or below gives the default 50; a large limit is not capped', async () => {
  const names = (limit: number) => groupsOf(`{ opportunitiesGroupBy(groupBy: [{name: true}], limit: ${limit}) { totalCount } }`);
  expect(await names(0)).toHaveLength(50);
  expect(await names(-1)).toHaveLength(50);
  const distinct = new Set(sandbox.store.opportunities.all().filter((r) => r.deletedAt === null).map((r) => r.name)).size;
  expect(await names(100_000)).toHaveLength(distinct);
});

test('each group is typed OpportunityConnection, as 2.21 answers (the schema says OpportunityGroupByConnection)', async () => {
  const groups = dataOf<{ opportunitiesGroupBy: { __typename: string }[] }>(await gql(sandbox, `{ opportunitiesGroupBy(groupBy: [{stage: true}]) { __typename } }`, { capture: false }));
  expect(new Set(groups.opportunitiesGroupBy.map((g) => g.__typename))).toEqual(new Set(['OpportunityConnection']));
  const declared = dataOf<{ __type: { fields: { name: string; type: { ofType: { ofType: { name: string } } } }[] } }>(
    await gql(sandbox, `{ __type(name: "Query") { fields { name type { ofType { ofType { name } } } } } }`, { capture: false }),
  );
  expect(declared.__type.fields.find((f) => f.name === 'opportunitiesGroupBy')?.type.ofType.ofType.name).toBe('OpportunityGroupByConnection');
});

test('an empty groupBy is one group of everything', async () => {
  const live = sandbox.store.opportunities.all().filter((r) => r.deletedAt === null).length;
  expect(await groupsOf(`{ opportunitiesGroupBy(groupBy: []) { groupByDimensionValues totalCount } }`)).toEqual([{ groupByDimensionValues: [], totalCount: live }]);
});

test('groups ordered by an aggregate come back in that order', async () => {
  const bySum = await groupsOf(`{ opportunitiesGroupBy(groupBy: [{stage: true}], orderBy: [{aggregate: {sumAmountAmountMicros: DescNullsLast}}]) { groupByDimensionValues sumAmountAmountMicros } }`);
  const sums = bySum.map((g) => g.sumAmountAmountMicros ?? 0);
  expect(sums).toHaveLength(5); // one per stage: an order of nothing would prove nothing
  expect(sums).toEqual([...sums].sort((a, b) => b - a));
});

test('date granularities bucket at the UTC start: DAY, WEEK (Monday), QUARTER, YEAR', async () => {
  const buckets = async (granularity: string) =>
    (await groupsOf(`{ opportunitiesGroupBy(groupBy: [{closeDate: {granularity: ${granularity}, timeZone: "UTC"}}], limit: 1000) { groupByDimensionValues } }`)).map((g) => g.groupByDimensionValues[0]).filter((v): v is string => v !== null);
  // Each list must be non-empty first, or the checks over it would pass on nothing.
  const [weeks, quarters, years, days] = await Promise.all([buckets('WEEK'), buckets('QUARTER'), buckets('YEAR'), buckets('DAY')]);
  for (const list of [weeks, quarters, years, days]) expect(list.length).toBeGreaterThan(0);
  for (const day of weeks) expect(new Date(`${day}T00:00:00Z`).getUTCDay()).toBe(1);
  for (const day of quarters) expect(day).toMatch(/^\d{4}-(01|04|07|10)-01$/);
  for (const day of years) expect(day).toMatch(/^\d{4}-01-01$/);
  expect(days.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
});

test('a time zone moves bucket boundaries', async () => {
  const tokyo = await groupsOf(`{ opportunitiesGroupBy(groupBy: [{createdAt: {granularity: DAY, timeZone: "Asia/Tokyo"}}], limit: 1000) { groupByDimensionValues totalCount } }`);
  const utc = await groupsOf(`{ opportunitiesGroupBy(groupBy: [{createdAt: {granularity: DAY, timeZone: "UTC"}}], limit: 1000) { groupByDimensionValues totalCount } }`);
  const live = sandbox.store.opportunities.all().filter((r) => r.deletedAt === null);
  const tokyoDay = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
  expect(tokyo.find((g) => g.groupByDimensionValues[0] === tokyoDay(live[0]?.createdAt ?? 0))?.totalCount).toBe(live.filter((r) => tokyoDay(r.createdAt) === tokyoDay(live[0]?.createdAt ?? 0)).length);
  const sorted = (groups: Group[]) => groups.map((g) => `${g.groupByDimensionValues[0]}:${g.totalCount}`).sort();
  expect(sorted(tokyo)).not.toEqual(sorted(utc));
});

test('groups can be ordered by an aggregate and by companyId', async () => {
  const groups = await groupsOf(`{ opportunitiesGroupBy(groupBy: [{companyId: true}], orderBy: [{aggregate: {totalCount: DescNullsLast}}], limit: 5) { groupByDimensionValues totalCount } }`);
  const counts = groups.map((g) => g.totalCount);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  expect(groups).toHaveLength(5);
});

test('v0.55 has no groupBy at all', async () => {
  const reply = await gql(sandbox055, `{ opportunitiesGroupBy(groupBy: [{stage: true}]) { totalCount } }`, { capture: false });
  expect(reply.body.errors?.[0]?.message).toMatch(/^Cannot query field "opportunitiesGroupBy" on type "Query"\./);
});
