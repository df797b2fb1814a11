import { describe, expect, test } from 'vitest';
import type { FetchStrategy } from '@/lib/pipeline/types';
import { snapshotMonthWindow } from '@/lib/time/zoned';
import type { TwentyClientOptions } from '@/lib/twenty/client';
import { DASHBOARDS, NOW, OPPORTUNITIES, dashboard, startSandboxesForFile, type Version } from './helpers/sandboxes';
import { applyDashboardFilter, canonical, truthFolded, truthGroups, truthTopDealIds } from './helpers/truth';

// Over real HTTP against the demo workspace in both versions: every strategy gives the groups
// computed independently from every record (aggregates: with months outside the window folded).

type Run = { version: Version; label: string; options: Partial<TwentyClientOptions>; strategy: FetchStrategy };
const runs: Run[] = [
  { version: 'current', label: 'groupBy, local months', options: {}, strategy: 'groupBy' },
  { version: 'current', label: 'groupBy, UTC months + boundary query', options: { useGroupByTimeZone: false }, strategy: 'groupBy' },
  { version: 'current', label: 'aggregates (aliases refused)', options: { forceStrategy: 'aggregate' }, strategy: 'aggregate' },
  { version: 'current', label: 'paging', options: { forceStrategy: 'paging' }, strategy: 'paging' },
  { version: '0.55', label: 'aggregates, detected', options: {}, strategy: 'aggregate' },
  { version: '0.55', label: 'aggregates, month detail by aggregates', options: { monthDetail: 'aggregates' }, strategy: 'aggregate' },
  { version: '0.55', label: 'paging', options: { forceStrategy: 'paging' }, strategy: 'paging' },
];

const { client, everyDeal } = startSandboxesForFile();

test('both versions hold the same seeded deals', () => {
  expect(everyDeal('current')).toHaveLength(everyDeal('0.55').length);
  expect(everyDeal('current').length).toBeGreaterThan(OPPORTUNITIES * 0.9);
});

describe.each(DASHBOARDS.map((d) => [d.slug, d] as const))('dashboard %s', (_, board) => {
  test.each(runs.map((r) => [r.version, r.label, r] as const))('%s, %s: groups and top deals equal the independent truth', async (version, __, run) => {
    const deals = applyDashboardFilter(everyDeal(version), board, NOW);
    const truth = truthGroups(deals, board.timeZone);
    const data = await client(version, run.options).fetchPipelineData(board, NOW);
    expect(data.strategy).toBe(run.strategy);
    if (run.strategy === 'aggregate') {
      const { first, last } = snapshotMonthWindow(NOW, board.timeZone, board.period);
      expect(canonical(data.groups)).toEqual(canonical(truthFolded(truth, first, last)));
    } else {
      expect(canonical(data.groups)).toEqual(canonical(truth));
    }
    expect(data.topDeals.map((d) => d.id)).toEqual(truthTopDealIds(deals, board, board.topDeals));
    expect(data.stageOptionsSource).toBe('metadata');
    expect(data.stageOptions.map((o) => o.value)).toEqual(['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER']);
  });
});

test('top deals carry only the allowed fields', async () => {
  const data = await client('current').fetchPipelineData(dashboard(1), NOW);
  for (const deal of data.topDeals) {
    expect(deal.closeDate).toBeNull();
    expect(deal.updatedAt).toMatch(/^\d{4}-/);
  }
  expect(data.topDeals.some((d) => d.companyName !== null && d.name !== null && d.amountMicros !== null)).toBe(true);
});

describe('a server that refuses introspection', () => {
  /** Forwards to the sandbox over HTTP, except introspection, which gets a validation refusal. */
  const refusingIntrospection: typeof fetch = async (input, init) => {
    if (typeof init?.body === 'string' && init.body.includes('__schema')) {
      const body = { errors: [{ message: 'GraphQL introspection has been disabled', locations: [{ line: 1, column: 1 }] }] };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return fetch(input, init);
  };

  test.each([
    { version: 'current', outcome: 'groupBy probed, 50-group cut detected, aggregates used' },
    { version: '0.55', outcome: 'groupBy probed and refused, aggregates used' },
  ] as const)('$version: $outcome', async ({ version }) => {
    const board = dashboard(1);
    const lines: Record<string, unknown>[] = [];
    const twenty = client(version, { fetch: refusingIntrospection, log: (l) => lines.push(l) });
    const data = await twenty.fetchPipelineData(board, NOW);
    expect(data.strategy).toBe('aggregate');
    const truth = truthGroups(applyDashboardFilter(everyDeal(version), board, NOW), board.timeZone);
    const { first, last } = snapshotMonthWindow(NOW, board.timeZone, board.period);
    // Without introspection nobody vouches for countNotEmptyAmount: only paged groups carry it.
    const noCount = { amountCount: false };
    expect(canonical(data.groups, noCount)).toEqual(canonical(truthFolded(truth, first, last), noCount));
    expect(lines.some((l) => l.event === 'twenty.introspection_refused')).toBe(true);
    expect(lines.some((l) => l.event === 'twenty.strategy_fallback')).toBe(true);
  });
});

