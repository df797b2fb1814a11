import { afterAll, describe, expect, test } from 'vitest';
import type { SnapshotContent } from '@/lib/pipeline/types';
import { redisServerForFile, sleep, until } from '@/tests/unit/cache/redis/harness';
import { BOARDS, lastHeard, sandboxForFile, sandboxLoad, startInstances, stopInstances, versionOn, type Instance, type Upstream } from './rig';

// Four instances on one real redis-server and one real demo workspace (over HTTP).

const harness = redisServerForFile();
const sandbox = sandboxForFile();
const started: Instance[][] = [];
afterAll(async () => {
  await Promise.all(started.map(stopInstances));
});

async function four(upstream: Upstream, opts: Parameters<typeof startInstances>[3] = {}): Promise<Instance[]> {
  const instances = await startInstances(harness, 4, sandboxLoad(sandbox(), upstream), opts);
  started.push(instances);
  return instances;
}

function addBigDeal(): void {
  const s = sandbox();
  s.workspace.writes.create([{ name: `Whale ${Math.random()}`, stage: 'MEETING', amount: { amountMicros: 987_000_000_000, currencyCode: 'USD' } }], {
    source: 'API',
    workspaceMemberId: null,
    name: 'test',
  });
}

describe('cluster coordinator (4 instances, real Redis, real demo workspace)', () => {
  test('first reads everywhere: one upstream load, one version on every instance', async () => {
    const upstream: Upstream = { loads: 0, failNext: 0 };
    const instances = await four(upstream);
    const reads = await Promise.all(instances.map((i) => i.cache.get('sales')));
    expect(upstream.loads).toBe(1);
    const versions = new Set(reads.map((r) => (r.state === 'ready' ? r.snapshot.version : 'waiting')));
    expect(versions.size).toBe(1);
    expect(versions.has('waiting')).toBe(false);
    const totals = instances.map((i) => i.coordinator.stats());
    expect(totals.reduce((n, s) => n + s.upstreamLoads, 0)).toBe(1);
    expect(totals.reduce((n, s) => n + s.waitedForPeer + s.reused, 0)).toBe(3);
  });

  test('one invalidation on one instance: exactly one upstream load, every subscriber gets the new version', async () => {
    const upstream: Upstream = { loads: 0, failNext: 0 };
    const instances = await four(upstream);
    await Promise.all(instances.map((i) => i.cache.get('sales')));
    const before = versionOn(instances[0] as Instance, 'sales');
    const loadsBefore = upstream.loads;

    addBigDeal();
    instances[2]?.cache.invalidate('sales');
    await until(() => instances.every((i) => lastHeard(i, 'sales')?.version !== before && lastHeard(i, 'sales') !== undefined));
    await sleep(200); // nothing else may follow
    expect(upstream.loads - loadsBefore).toBe(1);
    const after = new Set(instances.map((i) => versionOn(i, 'sales')));
    expect(after.size).toBe(1);
    expect(after.has(before)).toBe(false);
    for (const i of instances) expect(i.heard.get('sales')?.filter((s) => s.version !== before)).toHaveLength(1);
  });

  test('an exact update on one instance reaches the others with no upstream load', async () => {
    const upstream: Upstream = { loads: 0, failNext: 0 };
    const instances = await four(upstream);
    await Promise.all(instances.map((i) => i.cache.get('sales')));
    const [a] = instances;
    const current = a?.cache.peek('sales');
    if (!a || !current) throw new Error('no snapshot');
    const { version: _v, stale: _s, staleReason: _r, staleSince: _ss, asOf: _a, ...content } = current;
    void [_v, _s, _r, _ss, _a];
    const updated: SnapshotContent = { ...content, title: 'Sales (updated exactly)' };
    const loads = upstream.loads;
    const snapshot = a.cache.set('sales', updated);
    await until(() => instances.every((i) => i.cache.peek('sales')?.version === snapshot.version));
    expect(instances.every((i) => lastHeard(i, 'sales')?.title === 'Sales (updated exactly)')).toBe(true);
    expect(upstream.loads).toBe(loads);
    // A TTL reload elsewhere must not count that exact update as a fresh load (loadedAt is kept).
    expect(instances.reduce((n, i) => n + i.coordinator.stats().adoptedFromBus, 0)).toBe(3);
  });

  test('TTL expiry on all instances at once: one upstream load per dashboard', async () => {
    const upstream: Upstream = { loads: 0, failNext: 0 };
    const instances = await four(upstream, { ttlMs: 150 });
    await Promise.all(instances.flatMap((i) => BOARDS.map((b) => i.cache.get(b.slug))));
    expect(upstream.loads).toBe(2);
    await sleep(200);
    await Promise.all(instances.flatMap((i) => BOARDS.map((b) => i.cache.get(b.slug))));
    await until(() => instances.every((i) => i.coordinator.stats().upstreamLoads + i.coordinator.stats().reused + i.coordinator.stats().waitedForPeer >= 4));
    expect(upstream.loads).toBe(4);
  });

  test('a failed upstream refresh is shared: waiting instances go stale with its reason instead of each retrying', async () => {
    const upstream: Upstream = { loads: 0, failNext: 0 };
    const instances = await four(upstream);
    await Promise.all(instances.map((i) => i.cache.get('emea')));
    sandbox().setFault({ mode: 'revoked-key' });
    try {
      const loads = upstream.loads;
      instances[0]?.cache.invalidate('emea');
      await until(() => instances.every((i) => i.cache.peek('emea')?.stale === true));
      expect(instances.map((i) => i.cache.peek('emea')?.staleReason)).toEqual(['auth', 'auth', 'auth', 'auth']);
      expect(upstream.loads - loads).toBe(1);
      expect(instances.reduce((n, i) => n + i.coordinator.stats().peerFailures, 0)).toBe(3);
    } finally {
      sandbox().setFault({ mode: 'none' });
    }
  });
});
