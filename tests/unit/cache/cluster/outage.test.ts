import { afterAll, describe, expect, test } from 'vitest';
import { redisServerForFile, until } from '@/tests/unit/cache/redis/harness';
import { sandboxForFile, sandboxLoad, startInstances, stopInstances, versionOn, type Instance, type Upstream } from './rig';

// Redis dies under four running instances and comes back on the same port, empty.

const harness = redisServerForFile();
const sandbox = sandboxForFile();
let instances: Instance[] = [];
afterAll(async () => {
  await stopInstances(instances);
});

describe('cluster through a Redis outage (real redis-server killed and restarted)', () => {
  test('instances keep serving and load directly while Redis is down, then resync to one snapshot', async () => {
    const upstream: Upstream = { loads: 0, failNext: 0 };
    instances = await startInstances(harness, 4, sandboxLoad(sandbox(), upstream));
    await Promise.all(instances.map((i) => i.cache.get('sales')));
    expect(upstream.loads).toBe(1);
    const v0 = versionOn(instances[0] as Instance, 'sales');

    await harness.server().stop();
    await until(() => instances.every((i) => !i.redis.isUp()));
    const reads = await Promise.all(instances.map((i) => i.cache.get('sales')));
    expect(reads.map((r) => (r.state === 'ready' ? r.snapshot.version : null))).toEqual([v0, v0, v0, v0]);

    // A change in the CRM, announced to instance 0 only: it reloads on its own, no crash, no wait.
    sandbox().workspace.writes.create([{ name: 'Outage deal', stage: 'PROPOSAL', amount: { amountMicros: 555_000_000_000, currencyCode: 'USD' } }], { source: 'API', workspaceMemberId: null, name: 'test' });
    const first = instances[0] as Instance;
    const startedAt = Date.now();
    first.cache.invalidate('sales');
    await until(() => versionOn(first, 'sales') !== v0);
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(first.coordinator.stats().directLoads).toBe(1);
    expect(instances.slice(1).map((i) => versionOn(i, 'sales'))).toEqual([v0, v0, v0]);
    const v1 = versionOn(first, 'sales');
    const loadsBeforeResync = upstream.loads;

    await harness.server().start();
    await until(() => instances.every((i) => i.redis.isUp()), 10_000);
    await until(() => instances.every((i) => versionOn(i, 'sales') === v1), 10_000);
    await until(() => instances.every((i) => i.coordinator.stats().resyncs === 1));
    // One refresh through the lock for the whole cluster, not one per instance.
    expect(upstream.loads - loadsBeforeResync).toBe(1);
    for (const i of instances) {
      expect(i.lines.filter((l) => l.startsWith('redis down:'))).toHaveLength(1);
      expect(i.lines.filter((l) => l === 'redis back')).toHaveLength(1);
      expect(i.lines.filter((l) => l.startsWith('cluster: redis unavailable'))).toHaveLength(1);
    }

    // And the bus works again: an invalidation after the outage reaches everyone.
    sandbox().workspace.writes.create([{ name: 'After outage', stage: 'MEETING', amount: { amountMicros: 321_000_000_000, currencyCode: 'USD' } }], { source: 'API', workspaceMemberId: null, name: 'test' });
    const loads = upstream.loads;
    instances[3]?.cache.invalidate('sales');
    await until(() => instances.every((i) => versionOn(i, 'sales') !== v1));
    expect(upstream.loads - loads).toBe(1);
    expect(new Set(instances.map((i) => versionOn(i, 'sales'))).size).toBe(1);
  });
});
