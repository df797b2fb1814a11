import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '@/lib/sandbox/index';
import type { OpportunityRow } from '@/lib/sandbox/records/types';
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

// The document the dashboard's client sends (lib/twenty), plus `limit`.
const CLIENT_QUERY = `query($filter: OpportunityFilterInput, $limit: Int) {
  opportunitiesGroupBy(groupBy: [{stage: true}, {amount: {currencyCode: true}}, {closeDate: {granularity: MONTH}}], filter: $filter, limit: $limit) {
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

test('groups follow stage option order by default, and the filter applies first', async () => {
  const groups = await groupsOf(`query($filter: OpportunityFilterInput) { opportunitiesGroupBy(groupBy: [{stage: true}], filter: $filter) { groupByDimensionValues totalCount } }`, {
    filter: { amount: { currencyCode: { eq: 'USD' } } },
  });
  expect(groups.map((g) => g.groupByDimensionValues[0])).toEqual(['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER']);
  const usdNew = sandbox.store.opportunities.all().filter((r) => r.deletedAt === null && r.stage === 'NEW' && r.currencyCode === 'USD').length;
  expect(groups[0]?.totalCount).toBe(usdNew);
});

test('date granularities bucket at the UTC start: DAY, WEEK (Monday), QUARTER, YEAR', async () => {
  const buckets = async (granularity: string) =>
    (await groupsOf(`{ opportunitiesGroupBy(groupBy: [{closeDate: {granularity: ${granularity}}}], limit: 1000) { groupByDimensionValues } }`)).map((g) => g.groupByDimensionValues[0]).filter((v): v is string => v !== null);
  for (const day of await buckets('WEEK')) expect(new Date(`${day}T00:00:00Z`).getUTCDay()).toBe(1);
  for (const day of await buckets('QUARTER')) expect(day).toMatch(/^\d{4}-(01|04|07|10)-01$/);
  for (const day of await buckets('YEAR')) expect(day).toMatch(/^\d{4}-01-01$/);
  expect((await buckets('DAY')).every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
});

test('a time zone moves bucket boundaries', async () => {
  const tokyo = await groupsOf(`{ opportunitiesGroupBy(groupBy: [{createdAt: {granularity: DAY, timeZone: "Asia/Tokyo"}}], limit: 1000) { groupByDimensionValues totalCount } }`);
  const utc = await groupsOf(`{ opportunitiesGroupBy(groupBy: [{createdAt: {granularity: DAY}}], limit: 1000) { groupByDimensionValues totalCount } }`);
  const live = sandbox.store.opportunities.all().filter((r) => r.deletedAt === null);
  const tokyoDay = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
  expect(tokyo.find((g) => g.groupByDimensionValues[0] === tokyoDay(live[0]?.createdAt ?? 0))?.totalCount).toBe(live.filter((r) => tokyoDay(r.createdAt) === tokyoDay(live[0]?.createdAt ?? 0)).length);
  expect(tokyo).not.toEqual(utc);
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
