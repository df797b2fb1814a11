import { describe, expect, test } from 'vitest';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import type { FetchStrategy } from '@/lib/pipeline/types';
import { snapshotMonthWindow } from '@/lib/pipeline/zoned';
import type { TwentyClientOptions } from '@/lib/twenty/client';
import { requestProblems } from './helpers/request-rules';
import { DASHBOARDS, NOW, OPPORTUNITIES, dashboard, startSandboxesForFile, type Version } from './helpers/sandboxes';
import { applyDashboardFilter, canonical, truthFolded, truthGroups, truthTopDealIds } from './helpers/truth';

// Over real HTTP against the demo workspace in both versions (behind strict221, which answers
// what real 2.21 refuses with its captured refusal and scrambles group order): every strategy
// gives the groups computed independently from every record (aggregates: with months outside the
// window folded), priced counts included, and every request is one 2.21 accepts.

type Run = { version: Version; label: string; options: Partial<TwentyClientOptions>; strategy: FetchStrategy };
const runs: Run[] = [
  { version: '2.21', label: 'groupBy, local months', options: {}, strategy: 'groupBy' },
  { version: '2.21', label: 'aggregates (aliases refused)', options: { forceStrategy: 'aggregate' }, strategy: 'aggregate' },
  { version: '2.21', label: 'aggregates, month detail by aggregates', options: { forceStrategy: 'aggregate', monthDetail: 'aggregates' }, strategy: 'aggregate' },
  { version: '2.21', label: 'paging', options: { forceStrategy: 'paging' }, strategy: 'paging' },
  { version: '0.55', label: 'aggregates, detected', options: {}, strategy: 'aggregate' },
  { version: '0.55', label: 'aggregates, month detail by aggregates', options: { monthDetail: 'aggregates' }, strategy: 'aggregate' },
  { version: '0.55', label: 'paging', options: { forceStrategy: 'paging' }, strategy: 'paging' },
];

const { client, everyDeal, lastRequests } = startSandboxesForFile();

test('both versions hold the same seeded deals', () => {
  expect(everyDeal('2.21')).toHaveLength(everyDeal('0.55').length);
  expect(everyDeal('2.21').length).toBeGreaterThan(OPPORTUNITIES * 0.9);
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
    const { sent, refused } = lastRequests();
    expect(refused).toEqual([]);
    expect(sent.flatMap(requestProblems)).toEqual([]);
  });

  test.each(['2.21', '0.55'] as const)('%s: every strategy shows the same numbers, average deal included', async (version) => {
    const strategies: FetchStrategy[] = version === '2.21' ? ['groupBy', 'aggregate', 'paging'] : ['aggregate', 'paging'];
    const contents = [];
    for (const strategy of strategies) {
      const data = await client(version, { forceStrategy: strategy }).fetchPipelineData(board, NOW);
      const content = buildSnapshotContent(data, board, NOW, { demo: false });
      expect(content.strategy).toBe(strategy);
      contents.push({ ...content, strategy: 'any' });
    }
    for (const content of contents.slice(1)) expect(content).toEqual(contents[0]);
  });
});


test('the demo workspace holds unpriced deals of every kind, so the average is really tested', () => {
  const deals = everyDeal('2.21');
  expect(deals.some((d) => d.amountMicros === null && d.currencyCode === null)).toBe(true);
  expect(deals.some((d) => d.amountMicros === null && d.currencyCode !== null)).toBe(true);
});

test('top deals carry only the allowed fields', async () => {
  const data = await client('2.21').fetchPipelineData(dashboard(1), NOW);
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

  test('2.21, introspection refused: its shape is assumed and groupBy works with it', async () => {
    const board = dashboard(1);
    const lines: Record<string, unknown>[] = [];
    const data = await client('2.21', { fetch: refusingIntrospection, log: (l) => lines.push(l) }).fetchPipelineData(board, NOW);
    expect(data.strategy).toBe('groupBy');
    const truth = truthGroups(applyDashboardFilter(everyDeal('2.21'), board, NOW), board.timeZone);
    expect(canonical(data.groups)).toEqual(canonical(truth));
    expect(lines.some((l) => l.event === 'twenty.introspection_refused')).toBe(true);
    expect(lastRequests().refused).toEqual([]);
  });

  test('0.55: groupBy probed and refused, aggregates used', async () => {
    const board = dashboard(1);
    const lines: Record<string, unknown>[] = [];
    const data = await client('0.55', { fetch: refusingIntrospection, log: (l) => lines.push(l) }).fetchPipelineData(board, NOW);
    expect(data.strategy).toBe('aggregate');
    const truth = truthGroups(applyDashboardFilter(everyDeal('0.55'), board, NOW), board.timeZone);
    const { first, last } = snapshotMonthWindow(NOW, board.timeZone, board.period);
    expect(canonical(data.groups)).toEqual(canonical(truthFolded(truth, first, last)));
    expect(lines.some((l) => l.event === 'twenty.introspection_refused')).toBe(true);
    expect(lines.some((l) => l.event === 'twenty.strategy_fallback')).toBe(true);
  });
});

