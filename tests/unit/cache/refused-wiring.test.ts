import { expect, test, vi } from 'vitest';
import { dashboardStates, healthDetail } from '@/lib/server/health-detail';
import { dashboardsFile, stackPerTest } from '@/tests/unit/trust/harness';

// The app's real wiring on a demo workspace: one dashboard whose settings this workspace refuses
// (a stage it does not have) next to a good one. The good one is live, the upstream is `ok`, the
// refused one is marked on its own, and the operator gets one line naming it and what was said.

const start = stackPerTest();

test('a refused dashboard does not drag the upstream state or the other dashboards down', async () => {
  const dashboards = [
    { slug: 'pipeline', title: 'Pipeline', fields: ['amount', 'stage'], topDeals: 5 },
    { slug: 'won-only', title: 'Won only', filter: { stages: ['WON'] } },
  ];
  const { ctx, logs } = await start({ env: { DASHBOARDS_CONFIG: dashboardsFile(dashboards), STAGE_OPTIONS_TTL_MS: '100', UPSTREAM_RETRY_MIN_MS: '100' } });
  const since = Date.now();
  expect((await ctx.cache.get('won-only')).state).toBe('refused');
  expect((await ctx.cache.get('pipeline')).state).toBe('ready');
  // Viewers keep asking until it has been retried twice; every answer says the same thing.
  const answers = new Set<string>();
  await vi.waitFor(
    async () => {
      answers.add((await ctx.cache.get('won-only')).state);
      expect(ctx.realtime.stats().loadFailures).toBeGreaterThanOrEqual(3);
    },
    { timeout: 5_000, interval: 20 },
  );
  expect([...answers]).toEqual(['refused']);
  // Retried (each retry refused again), but at the cadence however often viewers ask: after the
  // first, no more than one per 100 ms.
  expect(ctx.realtime.stats().loadFailures).toBeLessThanOrEqual(1 + Math.ceil((Date.now() - since) / 100));
  const upstream = ctx.upstream.status();
  expect(upstream).toMatchObject({ state: 'ok', lastError: null, consecutiveFailures: 0 });
  expect(ctx.cache.status('won-only')).toMatchObject({ state: 'refused', reason: 'rejected' });
  expect(ctx.cache.status('pipeline')).toMatchObject({ state: 'ready' });
  const lines = logs.lines();
  const refused = lines.filter((l) => l.event === 'dashboard.refused');
  expect(refused).toHaveLength(1);
  expect(refused[0]).toMatchObject({ slug: 'won-only', twenty: expect.stringContaining('filter.stages') });
  expect(lines.filter((l) => l.event === 'upstream.state')).toEqual([]);
  // The operator's health detail lists it; its upstream stays ok.
  expect(dashboardStates(ctx)).toEqual([
    expect.objectContaining({ slug: 'pipeline', state: 'ready' }),
    { slug: 'won-only', state: 'refused', staleReason: 'rejected', staleSince: expect.any(String), asOf: null },
  ]);
  expect(healthDetail(ctx, { open: 0, clients: 0, refused: 0, perClient: 1, total: 1 }).upstream.state).toBe('ok');
});
