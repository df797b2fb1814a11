import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dashboardDefaults, type DashboardConfig } from '@/lib/config/dashboard-schema';
import type { FetchStrategy } from '@/lib/pipeline/types';
import { startSandbox, type Sandbox } from '@/lib/sandbox/index';
import { snapshotMonthWindow } from '@/lib/time/zoned';
import { createCallBudget } from '@/lib/twenty/budget';
import { createTwentyClient, type TwentyClientOptions } from '@/lib/twenty/client';
import { applyDashboardFilter, canonical, readEveryDeal, truthFolded, truthGroups, truthTopDealIds, type RawDeal } from './helpers/truth';

// Over real HTTP against the demo workspace in both versions: every strategy gives the groups
// computed independently from every record, and only queries are ever sent.

const KEY = 'integration-key';
const ANCHOR = '2027-03-15';
const NOW = new Date('2027-03-15T12:00:00Z');
const OPPORTUNITIES = 600;

const dashboards: DashboardConfig[] = [
  dashboardDefaults({ slug: 'plain', title: 'Plain' }),
  dashboardDefaults({
    slug: 'new-york',
    title: 'NY',
    timeZone: 'America/New_York',
    period: 'month',
    rates: { EUR: '1.08' },
    fields: ['name', 'amount', 'company'],
    topDeals: 5,
  }),
  dashboardDefaults({
    slug: 'tokyo-filtered',
    title: 'Tokyo',
    timeZone: 'Asia/Tokyo',
    period: 'year',
    currency: 'EUR',
    rates: { GBP: '1.17' },
    lostStages: ['NEW'],
    filter: { stages: ['NEW', 'SCREENING', 'PROPOSAL', 'CUSTOMER'], closeDate: { relative: 'last-12-months' }, minAmountMicros: '20000000000' },
  }),
];

type Run = { version: 'current' | '0.55'; label: string; options: Partial<TwentyClientOptions>; strategy: FetchStrategy };
const runs: Run[] = [
  { version: 'current', label: 'groupBy, local months', options: {}, strategy: 'groupBy' },
  { version: 'current', label: 'groupBy, UTC months + boundary query', options: { useGroupByTimeZone: false }, strategy: 'groupBy' },
  { version: 'current', label: 'aggregates (aliases refused)', options: { forceStrategy: 'aggregate' }, strategy: 'aggregate' },
  { version: 'current', label: 'paging', options: { forceStrategy: 'paging' }, strategy: 'paging' },
  { version: '0.55', label: 'aggregates, detected', options: {}, strategy: 'aggregate' },
  { version: '0.55', label: 'paging', options: { forceStrategy: 'paging' }, strategy: 'paging' },
];

const sandboxes = new Map<string, Sandbox>();
const everyDeal = new Map<string, RawDeal[]>();

beforeAll(async () => {
  for (const version of ['current', '0.55'] as const) {
    const sandbox = await startSandbox({ port: 0, apiKey: KEY, twentyVersion: version, opportunities: OPPORTUNITIES, seed: 11, anchor: ANCHOR, rateLimit: 1_000_000 });
    sandboxes.set(version, sandbox);
    everyDeal.set(version, await readEveryDeal(sandbox.url, KEY));
  }
});
afterAll(async () => {
  await Promise.all([...sandboxes.values()].map((s) => s.close()));
});

function sandbox(version: string): Sandbox {
  const s = sandboxes.get(version);
  if (!s) throw new Error(version);
  return s;
}

function client(version: string, options: Partial<TwentyClientOptions> = {}) {
  return createTwentyClient({ apiUrl: sandbox(version).url, apiKey: KEY, budget: createCallBudget({ perMinute: 100_000 }), log: () => {}, ...options });
}

test('both versions hold the same seeded deals', () => {
  expect(everyDeal.get('current')).toHaveLength(everyDeal.get('0.55')?.length ?? -1);
  expect(everyDeal.get('current')?.length).toBeGreaterThan(OPPORTUNITIES * 0.9);
});

describe.each(dashboards.map((d) => [d.slug, d] as const))('dashboard %s', (_, dashboard) => {
  test.each(runs.map((r) => [r.version, r.label, r] as const))('%s, %s: groups and top deals equal the independent truth', async (version, __, run) => {
    const deals = applyDashboardFilter(everyDeal.get(version) ?? [], dashboard, NOW);
    const truth = truthGroups(deals, dashboard.timeZone);
    const data = await client(version, run.options).fetchPipelineData(dashboard, NOW);
    expect(data.strategy).toBe(run.strategy);
    if (run.strategy === 'aggregate') {
      const { first, last } = snapshotMonthWindow(NOW, dashboard.timeZone, dashboard.period);
      expect(canonical(data.groups)).toEqual(canonical(truthFolded(truth, first, last)));
    } else {
      expect(canonical(data.groups)).toEqual(canonical(truth));
    }
    expect(data.topDeals.map((d) => d.id)).toEqual(truthTopDealIds(deals, dashboard, dashboard.topDeals));
    expect(data.stageOptionsSource).toBe('metadata');
    expect(data.stageOptions.map((o) => o.value)).toEqual(['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER']);
  });
});

test('top deals carry only the allowed fields', async () => {
  const dashboard = dashboards[1];
  if (!dashboard) throw new Error('dashboard');
  const data = await client('current').fetchPipelineData(dashboard, NOW);
  for (const deal of data.topDeals) {
    expect(deal.closeDate).toBeNull();
    expect(deal.updatedAt).toMatch(/^\d{4}-/);
  }
  expect(data.topDeals.some((d) => d.companyName !== null && d.name !== null && d.amountMicros !== null)).toBe(true);
});

describe('upstream calls', () => {
  test('groupBy: a handful on the first refresh, one per refresh after, and only queries', async () => {
    const s = sandbox('current');
    s.log.clear();
    const twenty = client('current');
    const dashboard = dashboards[1];
    if (!dashboard) throw new Error('dashboard');
    await twenty.fetchPipelineData(dashboard, NOW);
    const first = twenty.callCount();
    expect(first).toBeLessThanOrEqual(6);
    await twenty.fetchPipelineData(dashboard, NOW);
    expect(twenty.callCount() - first).toBe(1);
    const entries = s.log.entries();
    expect(entries.length).toBe(twenty.callCount());
    expect(entries.every((e) => e.operationType === 'query' && e.authorized)).toBe(true);
  });

  test('v0.55 aggregates: totals in one aliased request, month detail paged, all queries', async () => {
    const s = sandbox('0.55');
    s.log.clear();
    const twenty = client('0.55');
    const dashboard = dashboards[0];
    if (!dashboard) throw new Error('dashboard');
    await twenty.fetchPipelineData(dashboard, NOW);
    const entries = s.log.entries();
    expect(entries.every((e) => e.operationType === 'query')).toBe(true);
    const aliased = entries.filter((e) => e.rootFields.length > 1 && e.rootFields.every((f) => f === 'opportunities'));
    expect(aliased).toHaveLength(1);
    expect(twenty.callCount()).toBeLessThan(Math.ceil(OPPORTUNITIES / 60) + 6);
  });

  test('current: a refused repeated root field is learned once, then one request per total', async () => {
    const s = sandbox('current');
    s.log.clear();
    const twenty = client('current', { forceStrategy: 'aggregate' });
    const dashboard = dashboards[0];
    if (!dashboard) throw new Error('dashboard');
    await twenty.fetchPipelineData(dashboard, NOW);
    const afterFirst = s.log.entries().filter((e) => e.rootFields.length > 1 && e.rootFields.every((f) => f === 'opportunities')).length;
    s.log.clear();
    await twenty.fetchPipelineData(dashboard, NOW);
    const afterSecond = s.log.entries().filter((e) => e.rootFields.length > 1 && e.rootFields.every((f) => f === 'opportunities')).length;
    expect(afterFirst).toBe(1);
    expect(afterSecond).toBe(0);
  });
});

describe('failures over HTTP', () => {
  const dashboard = dashboardDefaults({ slug: 'f', title: 'F' });

  test('a wrong key is auth, and the key is not in the message', async () => {
    const err = await client('current', { apiKey: 'wrong-key-123' }).fetchPipelineData(dashboard, NOW).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'auth' });
    expect(String((err as Error).message)).not.toContain('wrong-key-123');
  });

  test.each([
    ['down', { mode: 'down' }, {}, 'unreachable'],
    ['slow', { mode: 'slow', ms: 1500 }, { timeoutMs: 300 }, 'timeout'],
    ['http-500', { mode: 'http-500' }, {}, 'upstream_error'],
    ['malformed-json', { mode: 'malformed-json' }, {}, 'upstream_error'],
    ['revoked-key', { mode: 'revoked-key' }, {}, 'auth'],
    ['rate-limited', { mode: 'rate-limited' }, {}, 'rate_limited'],
  ] as const)('fault %s is %s', async (_, fault, options, kind) => {
    for (const version of ['current', '0.55'] as const) {
      const s = sandbox(version);
      s.setFault(fault);
      try {
        const budget = createCallBudget({ perMinute: 100_000 });
        const twenty = createTwentyClient({ apiUrl: s.url, apiKey: KEY, budget, log: () => {}, ...options });
        const err = await twenty.fetchPipelineData(dashboard, NOW).catch((e: unknown) => e);
        expect(err, version).toMatchObject({ kind });
        if (kind === 'rate_limited') expect(budget.stats().pausedUntil, version).not.toBeNull();
      } finally {
        s.setFault({ mode: 'none' });
      }
    }
  });
});
