import { describe, expect, test } from 'vitest';
import { dashboardDefaults } from '@/lib/config/dashboard-schema';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import type { OwnerDealGroup, OwnerSummary } from '@/lib/pipeline/types';
import { requestProblems } from './helpers/request-rules';
import { KEY, NOW, startSandboxesForFile } from './helpers/sandboxes';
import { applyDashboardFilter, canonical, truthGroups, type RawDeal } from './helpers/truth';

// Owners over real HTTP against the demo workspace (behind strict221): the owners' buckets of
// groupBy and of paging equal the buckets computed here from every record with its ownerId; the
// names are the members' own; the leaderboard adds up to the KPIs; on 0.55 (no owner field)
// nothing about owners is read and one warning names the dashboard.

const { client, sandbox, everyDeal, lastRequests } = startSandboxesForFile();

const BOARD = dashboardDefaults({
  slug: 'owners',
  title: 'Owners',
  timeZone: 'America/New_York',
  rates: { EUR: '1.08' },
  lostStages: ['NEW'],
  fields: ['amount', 'owner'],
  topDeals: 5,
});

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${sandbox('2.21').url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  return ((await response.json()) as { data: T }).data;
}

async function ownerOf(): Promise<Map<string, string | null>> {
  const owners = new Map<string, string | null>();
  let after: string | null = null;
  for (;;) {
    type Page = { opportunities: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; ownerId: string | null } }[] } };
    const page: Page = await graphql<Page>('query($after: String) { opportunities(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id ownerId } } } }', { after });
    for (const { node } of page.opportunities.edges) owners.set(node.id, node.ownerId);
    if (!page.opportunities.pageInfo.hasNextPage) return owners;
    after = page.opportunities.pageInfo.endCursor;
  }
}

function truthByOwner(deals: RawDeal[], owners: Map<string, string | null>): string[] {
  const byOwner = new Map<string | null, RawDeal[]>();
  for (const deal of deals) {
    const owner = owners.get(deal.id) ?? null;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), deal]);
  }
  return [...byOwner.entries()].flatMap(([owner, list]) => canonical(truthGroups(list, BOARD.timeZone)).map((line) => `${owner}|${line}`)).sort();
}

const lines = (groups: OwnerDealGroup[]) => groups.map((g) => `${g.ownerId}|${g.stage}|${g.currencyCode}|${g.closeMonth}|${g.count}|${g.amountMicros}`).sort();
const withoutCounts = (truth: string[]) => truth.map((line) => line.split('|').slice(0, 6).join('|')).sort();

function sumOf(owners: OwnerSummary[], part: 'open' | 'won') {
  return { count: owners.reduce((n, o) => n + o[part].count, 0), amountMicros: owners.reduce((n, o) => n + BigInt(o[part].amountMicros), 0n).toString() };
}

describe.each(['groupBy', 'paging'] as const)('2.21, %s', (strategy) => {
  test("owners' buckets equal every record's, names are the members', and the board adds up to the KPIs", async () => {
    const owners = await ownerOf();
    const truth = truthByOwner(applyDashboardFilter(everyDeal('2.21'), BOARD, NOW), owners);
    const data = await client('2.21', { forceStrategy: strategy }).fetchPipelineData(BOARD, NOW);
    expect(data.strategy).toBe(strategy);
    if (!data.owners) throw new Error('no owners');
    expect(lines(data.owners.groups)).toEqual(withoutCounts(truth));
    expect(new Set(data.owners.groups.map((g) => g.ownerId)).size).toBeGreaterThan(2);
    expect(lastRequests().refused).toEqual([]);
    expect(lastRequests().sent.flatMap(requestProblems)).toEqual([]);

    type Members = { workspaceMembers: { edges: { node: { id: string; name: { firstName: string; lastName: string } } }[] } };
    const members = await graphql<Members>('{ workspaceMembers(first: 100) { edges { node { id name { firstName lastName } } } } }');
    const nameOf = new Map(members.workspaceMembers.edges.map(({ node }) => [node.id, `${node.name.firstName} ${node.name.lastName}`]));
    expect(Object.keys(data.owners.names).sort()).toEqual([...new Set(data.owners.groups.flatMap((g) => (g.ownerId ? [g.ownerId] : [])))].sort());
    for (const [id, name] of Object.entries(data.owners.names)) expect(name).toBe(nameOf.get(id));

    const content = buildSnapshotContent(data, BOARD, NOW, { demo: false });
    const board = content.owners ?? [];
    expect(board.at(-1)?.id).toBeNull();
    expect(sumOf(board, 'won').count).toBeGreaterThan(0);
    expect(sumOf(board, 'open')).toEqual({ count: content.kpis.openCount, amountMicros: content.kpis.openValue.amountMicros });
    expect(sumOf(board, 'won')).toEqual({ count: content.kpis.wonThisPeriod.count, amountMicros: content.kpis.wonThisPeriod.amountMicros });
  });
});

test('2.21 groupBy: owners ride on the one groupBy; the names cost one call, kept for the next refresh', async () => {
  const plain = client('2.21');
  await plain.fetchPipelineData({ ...BOARD, fields: ['amount'] }, NOW);
  const before = plain.callCount();
  await plain.fetchPipelineData({ ...BOARD, fields: ['amount'] }, NOW);
  const perRefresh = plain.callCount() - before;

  const withOwners = client('2.21');
  await withOwners.fetchPipelineData(BOARD, NOW);
  const start = withOwners.callCount();
  const data = await withOwners.fetchPipelineData(BOARD, NOW);
  expect(data.strategy).toBe('groupBy');
  expect(withOwners.callCount() - start).toBe(perRefresh);
  const document = lastRequests().sent.map((r) => r.query ?? '').find((q) => q.includes('opportunitiesGroupBy'));
  expect(document).toContain('ownerId: true');
});

test('a dashboard without "owner" reads no owner and its snapshot carries none', async () => {
  const board = { ...BOARD, fields: ['name', 'amount', 'stage', 'closeDate', 'company'] as typeof BOARD.fields };
  const data = await client('2.21').fetchPipelineData(board, NOW);
  expect(data.owners).toBeUndefined();
  expect(lastRequests().sent.some((r) => /ownerId|workspaceMembers/.test(r.query ?? ''))).toBe(false);
  expect(buildSnapshotContent(data, board, NOW, { demo: false })).not.toHaveProperty('owners');
});

test.each([
  ['0.55', {}, /owners need Twenty 1\.16 or later/],
  ['2.21', { forceStrategy: 'aggregate' as const }, /aggregate strategy reads no owners/],
] as const)('%s %o: no owners, one warning naming the dashboard, the rest unchanged', async (version, options, reason) => {
  const logged: Record<string, unknown>[] = [];
  const twenty = client(version, { ...options, log: (l) => logged.push(l) });
  const data = await twenty.fetchPipelineData(BOARD, NOW);
  await twenty.fetchPipelineData(BOARD, NOW);
  expect(data.owners).toBeUndefined();
  const warnings = logged.filter((l) => l.event === 'twenty.owners_unavailable');
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatchObject({ level: 'warn', dashboard: 'owners', reason: expect.stringMatching(reason) });
  const plain = await client(version, options).fetchPipelineData({ ...BOARD, fields: ['amount'] }, NOW);
  expect(data.groups).toEqual(plain.groups);
  if (version === '0.55') expect(lastRequests().sent.some((r) => /ownerId|workspaceMembers/.test(r.query ?? ''))).toBe(false);
});
