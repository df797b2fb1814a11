import { describe, expect, test, vi } from 'vitest';
import { dashboardStates, healthAccess, healthDetail } from '@/lib/server/health-detail';
import { dashboardsFile, SLUG, stackPerTest } from '@/tests/unit/trust/harness';

// /api/health: strangers get {ok, build}; the operator's detail needs the HEALTH_TOKEN.

const TOKEN = 'health-token-for-unit-tests-7c1e9a';

describe('who sees the detail', () => {
  test('no token configured: nobody, whatever they send', () => {
    for (const header of [null, '', `Bearer ${TOKEN}`, 'Bearer undefined', 'Bearer ']) expect(healthAccess(header, undefined)).toBe('public');
  });

  test('token configured: the exact bearer token sees the detail; no header is the public answer; anything else is refused', () => {
    expect(healthAccess(`Bearer ${TOKEN}`, TOKEN)).toBe('detail');
    expect(healthAccess(`bearer ${TOKEN}`, TOKEN)).toBe('detail'); // the scheme is case-insensitive
    expect(healthAccess(null, TOKEN)).toBe('public');
    for (const header of ['', 'Bearer', 'Bearer ', `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN} extra`, `Bearer ${TOKEN.toUpperCase()}`]) {
      expect(healthAccess(header, TOKEN), header).toBe('refused');
    }
  });
});

describe('the detail', () => {
  const start = stackPerTest();

  test('one state per dashboard from the cache, read-only: ready, waiting (never read), stale with its reason', async () => {
    const dashboards = [
      { slug: SLUG, title: 'Pipeline', fields: ['amount', 'stage'], topDeals: 5 },
      { slug: 'quiet', title: 'Nobody looks', fields: ['amount'] },
    ];
    const { ctx, sandbox, seen } = await start({ env: { DASHBOARDS_CONFIG: dashboardsFile(dashboards) } });
    const first = await ctx.cache.get(SLUG);
    if (first.state !== 'ready') throw new Error('no first snapshot');
    const calls = ctx.twenty.callCount();
    expect(dashboardStates(ctx)).toEqual([
      { slug: SLUG, state: 'ready', staleReason: null, staleSince: null, asOf: first.snapshot.asOf },
      { slug: 'quiet', state: 'waiting', staleReason: null, staleSince: null, asOf: null },
    ]);
    expect(ctx.twenty.callCount()).toBe(calls); // asking did not load 'quiet'

    sandbox.setFault({ mode: 'revoked-key' });
    // A viewer keeps reading: the first read past the TTL refreshes, into the revoked key.
    await vi.waitFor(
      async () => {
        await ctx.cache.get(SLUG);
        expect(seen.some((s) => s.stale)).toBe(true);
      },
      { timeout: 8_000, interval: 20 },
    );
    expect((await ctx.cache.get('quiet')).state).toBe('waiting'); // its first load fails: still no numbers
    const detail = healthDetail(ctx, { open: 2, clients: 1, refused: 0, perClient: 1_000, total: 5_000 });
    expect(detail.dashboards[0]).toMatchObject({ slug: SLUG, state: 'stale', staleReason: 'auth' });
    expect(detail.dashboards[1]).toMatchObject({ slug: 'quiet', state: 'waiting', staleReason: 'auth', asOf: null });
    expect(Date.parse(detail.dashboards[1]?.staleSince ?? '')).toBeGreaterThan(0);
    expect(detail.upstream).toMatchObject({ lastError: 'auth' });
    expect(detail.realtime.streams.open).toBe(2);
    expect(Object.keys(detail).sort()).toEqual(['dashboards', 'demo', 'memory', 'realtime', 'startedAt', 'upstream']);
  });
});
