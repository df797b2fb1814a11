import { describe, expect, test } from 'vitest';
import { createRedisNonceStore } from '@/lib/cache/redis/nonce-store';
import { createMemoryNonceStore } from '@/lib/live/webhook/nonce-store';
import { instances, until, redisServerForFile } from './harness';

const harness = redisServerForFile();

describe('redis nonce store', () => {
  test('a nonce seen by one instance is a replay on another, until its TTL passes', async () => {
    const [a, b] = await instances(harness, 2);
    if (!a || !b) throw new Error('no instances');
    const storeA = createRedisNonceStore({ redis: a, fallback: createMemoryNonceStore(100) });
    const storeB = createRedisNonceStore({ redis: b, fallback: createMemoryNonceStore(100) });
    expect(await storeA.seen('n1', 150)).toBe(false);
    expect(await storeB.seen('n1', 150)).toBe(true);
    expect(await storeA.seen('n1', 150)).toBe(true);
    expect(await storeB.seen('n2', 150)).toBe(false);
    // A replay on every ask until its TTL passes; then it is new again (and recorded anew).
    await until(async () => !(await storeB.seen('n1', 150)));
    expect(await storeA.seen('n1', 150)).toBe(true);
  });

  test('20 instances racing on one nonce: exactly one accepts it', async () => {
    const conns = await instances(harness, 4);
    const stores = conns.map((redis) => createRedisNonceStore({ redis, fallback: createMemoryNonceStore(100) }));
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % stores.length]?.seen('race', 10_000)));
    expect(answers.filter((seen) => seen === false)).toHaveLength(1);
  });

  test('with redis down it falls back to memory (logged once) and returns to redis after', async () => {
    const server = harness.server();
    const lines: string[] = [];
    const [b] = await instances(harness, 1);
    const a = await harness.connect({ prefix: b?.prefix, lines: [] });
    if (!b) throw new Error('no instance');
    const store = createRedisNonceStore({ redis: a, fallback: createMemoryNonceStore(100), log: (l) => lines.push(l) });
    const other = createRedisNonceStore({ redis: b, fallback: createMemoryNonceStore(100) });
    await server.stop();
    await until(() => !a.isUp());
    expect(await store.seen('outage', 60_000)).toBe(false);
    expect(await store.seen('outage', 60_000)).toBe(true); // same instance: caught by memory
    expect(await store.seen('outage-2', 60_000)).toBe(false);
    expect(lines.filter((l) => l.includes('using this instance'))).toHaveLength(1);

    await server.start();
    await until(() => a.isUp() && b.isUp());
    // Recorded during the outage, only here: still caught here, but not by another instance (documented).
    expect(await store.seen('outage', 60_000)).toBe(true);
    expect(await other.seen('outage-2', 60_000)).toBe(false);
    expect(lines.at(-1)).toBe('nonce store: back on redis');
  });
});
