import { describe, expect, test } from 'vitest';
import { dashboardDefaults } from '@/lib/config/dashboard-schema';
import { snapshotMonthWindow } from '@/lib/pipeline/zoned';
import { createCallBudget } from '@/lib/twenty/budget';
import { createTwentyClient } from '@/lib/twenty/client';
import { KEY, NOW, dashboard, startSandboxesForFile } from './helpers/sandboxes';

// Over real HTTP against the demo workspace: what each strategy costs upstream, that only
// queries are ever sent, and how failures are classified.

const { client, everyDeal, sandbox } = startSandboxesForFile();

describe('upstream calls', () => {
  test('groupBy: a handful on the first refresh, one per refresh after, and only queries', async () => {
    const s = sandbox('2.21');
    s.log.clear();
    const twenty = client('2.21');
    const board = dashboard(1);
    await twenty.fetchPipelineData(board, NOW);
    const first = twenty.callCount();
    expect(first).toBeLessThanOrEqual(6);
    await twenty.fetchPipelineData(board, NOW);
    expect(twenty.callCount() - first).toBe(1);
    const entries = s.log.entries();
    expect(entries.length).toBe(twenty.callCount());
    expect(entries.every((e) => e.operationType === 'query' && e.authorized)).toBe(true);
  });

  test('v0.55 aggregates: totals in aliased requests of at most 20, currencies discovered, all queries', async () => {
    const s = sandbox('0.55');
    s.log.clear();
    const twenty = client('0.55');
    const board = dashboard(0);
    const data = await twenty.fetchPipelineData(board, NOW);
    const entries = s.log.entries();
    expect(entries.every((e) => e.operationType === 'query')).toBe(true);
    const deals = everyDeal('0.55');
    const currencies = new Set(deals.flatMap((d) => (d.currencyCode ? [d.currencyCode] : [])));
    expect(currencies.size).toBeGreaterThan(1);
    expect(new Set(data.groups.flatMap((g) => (g.currencyCode ? [g.currencyCode] : [])))).toEqual(currencies);
    // stage × (each currency + none), plus the rest and the window totals.
    const totals = 5 * (currencies.size + 1) + 2;
    const aliased = entries.filter((e) => e.rootFields.length > 1 && e.rootFields.every((f) => f === 'opportunities'));
    expect(aliased.map((e) => e.rootFields.length).reduce((a, b) => a + b, 0)).toBe(totals);
    expect(aliased.every((e) => e.rootFields.length <= 20)).toBe(true);
    const { range } = snapshotMonthWindow(NOW, board.timeZone, board.period);
    const inWindow = deals.filter((d) => d.closeDate !== null && Date.parse(d.closeDate) >= range.from.getTime() && Date.parse(d.closeDate) < range.to.getTime());
    // 2 introspection + 1 metadata + discovery pages + totals + the window's pages + 1 top deals.
    const discovery = entries.length - 4 - aliased.length - Math.ceil(inWindow.length / 60);
    expect(discovery).toBeGreaterThanOrEqual(1);
    expect(discovery).toBeLessThanOrEqual(currencies.size);
    expect(twenty.callCount()).toBe(entries.length);
  });

  test('2.21: a refused repeated root field is learned once, then one request per total', async () => {
    const s = sandbox('2.21');
    s.log.clear();
    const twenty = client('2.21', { forceStrategy: 'aggregate' });
    const board = dashboard(0);
    await twenty.fetchPipelineData(board, NOW);
    const afterFirst = s.log.entries().filter((e) => e.rootFields.length > 1 && e.rootFields.every((f) => f === 'opportunities')).length;
    s.log.clear();
    await twenty.fetchPipelineData(board, NOW);
    const afterSecond = s.log.entries().filter((e) => e.rootFields.length > 1 && e.rootFields.every((f) => f === 'opportunities')).length;
    expect(afterFirst).toBe(1);
    expect(afterSecond).toBe(0);
  });
});

describe('failures over HTTP', () => {
  const board = dashboardDefaults({ slug: 'f', title: 'F' });

  test('a wrong key is auth, and the key is not in the message', async () => {
    const err = await client('2.21', { apiKey: 'wrong-key-123' }).fetchPipelineData(board, NOW).catch((e: unknown) => e);
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
    for (const version of ['2.21', '0.55'] as const) {
      const s = sandbox(version);
      s.setFault(fault);
      try {
        const budget = createCallBudget({ perMinute: 100_000 });
        const twenty = createTwentyClient({ apiUrl: s.url, apiKey: KEY, budget, log: () => {}, ...options });
        const err = await twenty.fetchPipelineData(board, NOW).catch((e: unknown) => e);
        expect(err, version).toMatchObject({ kind });
        if (kind === 'rate_limited') expect(budget.stats().pausedUntil, version).not.toBeNull();
      } finally {
        s.setFault({ mode: 'none' });
      }
    }
  });
});
