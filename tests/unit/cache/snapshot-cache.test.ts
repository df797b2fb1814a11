import { describe, expect, test } from 'vitest';
import type { CacheRead } from '@/lib/cache/types';
import type { Snapshot } from '@/lib/pipeline/types';
import { flush, harness } from './harness';

function snapshotOf(read: CacheRead): Snapshot {
  if (read.state !== 'ready') throw new Error(`expected a snapshot, got ${JSON.stringify(read)}`);
  return read.snapshot;
}

/** Gets a first good snapshot into the cache. */
async function primed(h: ReturnType<typeof harness>, amount = 1n) {
  const first = h.cache.get('sales');
  await h.succeed(amount);
  return snapshotOf(await first);
}

describe('single-flight', () => {
  test('100 concurrent gets cause exactly one load and all see its snapshot', async () => {
    const h = harness();
    const reads = Array.from({ length: 100 }, () => h.cache.get('sales'));
    await flush();
    expect(h.loads()).toBe(1);
    await h.succeed(5n);
    const snapshots = (await Promise.all(reads)).map(snapshotOf);
    expect(new Set(snapshots.map((s) => s.version)).size).toBe(1);
    expect(snapshots[0]?.stages[0]?.amountMicros).toBe('5');
    expect(h.loads()).toBe(1);
  });

  test('dashboards load independently', async () => {
    const h = harness();
    void h.cache.get('sales');
    void h.cache.get('board');
    await flush();
    expect(h.loads()).toBe(2);
  });
});

describe('freshness', () => {
  test('within the TTL no load; after it the current snapshot is served at once and one refresh runs', async () => {
    const h = harness();
    const first = await primed(h);
    h.advance(9_999);
    expect(snapshotOf(await h.cache.get('sales')).version).toBe(first.version);
    expect(h.loads()).toBe(1);

    h.advance(1);
    const reads = await Promise.all([h.cache.get('sales'), h.cache.get('sales'), h.cache.get('sales')]);
    expect(reads.map((r) => snapshotOf(r).version)).toEqual([first.version, first.version, first.version]);
    expect(h.loads()).toBe(2);

    await h.succeed(2n);
    const after = snapshotOf(await h.cache.get('sales'));
    expect(after.version).not.toBe(first.version);
    expect(h.loads()).toBe(2);
  });

  test('past the max age a read waits for the refresh', async () => {
    const h = harness();
    await primed(h);
    h.advance(60_000);
    let settled = false;
    const read = h.cache.get('sales').then((r) => {
      settled = true;
      return r;
    });
    await flush();
    expect(settled).toBe(false);
    await h.succeed(9n);
    expect(snapshotOf(await read).stages[0]?.amountMicros).toBe('9');
  });

  test('past the max age with the refresh failing, the last good snapshot comes back marked stale', async () => {
    const h = harness({ classify: () => 'timeout' });
    const good = await primed(h);
    h.advance(61_000);
    const read = h.cache.get('sales');
    await h.fail();
    const stale = snapshotOf(await read);
    expect(stale).toMatchObject({ version: good.version, asOf: good.asOf, stale: true, staleReason: 'timeout', staleSince: h.nowIso() });
  });
});

describe('failures', () => {
  test('a failed refresh keeps the last good snapshot, stale with reason and the time of the first failure', async () => {
    const h = harness();
    const good = await primed(h);
    h.advance(10_000);
    void h.cache.get('sales');
    const firstFailureAt = h.nowIso();
    await h.fail();
    expect(h.cache.peek('sales')).toMatchObject({ stale: true, staleReason: 'upstream_error', staleSince: firstFailureAt, version: good.version });
    expect(h.errors).toEqual([{ slug: 'sales', reason: 'upstream_error' }]);

    h.advance(10_000);
    void h.cache.get('sales');
    await h.fail();
    expect(h.cache.peek('sales')?.staleSince).toBe(firstFailureAt);
    expect(h.loads()).toBe(3);
  });

  test('no retry storm: after a failure, reads do not reload before retryAfterFailureMs', async () => {
    const h = harness({ retryAfterFailureMs: 5_000 });
    await primed(h);
    h.advance(10_000);
    void h.cache.get('sales');
    await h.fail();
    for (let i = 0; i < 20; i++) await h.cache.get('sales');
    expect(h.loads()).toBe(2);
    h.advance(5_000);
    void h.cache.get('sales');
    await flush();
    expect(h.loads()).toBe(3);
  });

  test('recovery clears the stale marks', async () => {
    const h = harness();
    await primed(h);
    h.advance(10_000);
    void h.cache.get('sales');
    await h.fail();
    h.advance(10_000);
    void h.cache.get('sales');
    await h.succeed(1n);
    expect(h.cache.peek('sales')).toMatchObject({ stale: false, staleReason: null, staleSince: null, asOf: h.nowIso() });
  });

  test('first start with the CRM down: waiting with reason and since, never a throw; then ready', async () => {
    const h = harness({ classify: (err) => (err instanceof Error && err.message === 'down' ? 'unreachable' : 'upstream_error') });
    const startedAt = h.nowIso();
    const first = h.cache.get('sales');
    await h.fail(new Error('down'));
    expect(await first).toEqual({ state: 'waiting', reason: 'unreachable', since: startedAt });
    expect(h.cache.peek('sales')).toBeUndefined();
    expect(await h.cache.get('sales')).toEqual({ state: 'waiting', reason: 'unreachable', since: startedAt });
    expect(h.loads()).toBe(1); // throttled: a viewer refreshing the page does not hit the CRM again

    h.advance(10_000);
    const second = h.cache.get('sales');
    await h.succeed(3n);
    expect((await second).state).toBe('ready');
  });

  test('a classify that throws still yields a reason', async () => {
    const h = harness({
      classify: () => {
        throw new Error('bug');
      },
    });
    const read = h.cache.get('sales');
    await h.fail();
    expect(await read).toMatchObject({ state: 'waiting', reason: 'upstream_error' });
  });
});
