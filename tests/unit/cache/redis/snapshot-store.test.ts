import { describe, expect, test } from 'vitest';
import { createSnapshotStore } from '@/lib/cache/redis/snapshot-store';
import { loaded } from './content';
import { instances, redisServerForFile } from './harness';

const harness = redisServerForFile();

describe('snapshot store (real redis-server)', () => {
  test('round trip keeps content, version and PipelineData bigints exact', async () => {
    const [a, b] = await instances(harness, 2);
    if (!a || !b) throw new Error('no instances');
    const written = loaded('sales', 123_456_789_012_345_678_901n);
    const result = await createSnapshotStore(a).write('sales', { ...written, generation: 0, storedAt: 1_000, loadedAt: 1_000, origin: 'A' });
    expect(result).toEqual({ stored: true, generation: 0 });

    const read = await createSnapshotStore(b).read('sales');
    expect(read?.content).toEqual(written.content);
    expect(read?.version).toBe(written.version);
    expect(read?.origin).toBe('A');
    expect(read?.storedAt).toBe(1_000);
    expect(read?.data).toEqual(written.data);
    expect(read?.dataIsCurrent).toBe(true);
    expect(read?.data?.groups[0]?.amountMicros).toBe(123_456_789_012_345_678_901n);
    expect(read?.data?.topDeals[0]?.amountMicros).toBe(9_007_199_254_740_993_000n);
    expect(read?.data?.groups[1]).not.toHaveProperty('amountCount');
    expect(read?.content.ticker?.[0]?.kind).toBe('moved');
  });

  test('unknown slug reads as null; a corrupt entry reads as null instead of throwing', async () => {
    const [a] = await instances(harness, 1);
    if (!a) throw new Error('no instance');
    const store = createSnapshotStore(a);
    expect(await store.read('nobody')).toBeNull();
    await a.client.hset(`${a.prefix}snap:broken`, 'gen', '0', 'stored', '1', 'body', '{"content":{"slug":"broken"}}');
    expect(await store.read('broken')).toBeNull();
  });

  test('an older snapshot never overwrites a newer one (asOf within a generation, then generation)', async () => {
    const [a, b] = await instances(harness, 2);
    if (!a || !b) throw new Error('no instances');
    const storeA = createSnapshotStore(a);
    const storeB = createSnapshotStore(b);
    const newer = loaded('sales', 2n, '2027-03-15T12:00:05.000Z');
    const older = loaded('sales', 1n, '2027-03-15T12:00:01.000Z');
    expect((await storeA.write('sales', { ...newer, generation: 0, storedAt: 5, loadedAt: 5, origin: 'A' })).stored).toBe(true);
    expect((await storeB.write('sales', { ...older, generation: 0, storedAt: 6, loadedAt: 6, origin: 'B' })).stored).toBe(false);
    expect((await storeB.read('sales'))?.version).toBe(newer.version);

    // An invalidation makes the next generation: a load answering it wins even with an earlier asOf…
    expect(await storeB.bumpGeneration('sales')).toBe(1);
    expect((await storeB.write('sales', { ...older, generation: 1, storedAt: 7, loadedAt: 7, origin: 'B' })).stored).toBe(true);
    // …and a slow load that started before the invalidation can no longer land.
    const slow = loaded('sales', 3n, '2027-03-15T12:00:09.000Z');
    expect((await storeA.write('sales', { ...slow, generation: 0, storedAt: 8, loadedAt: 8, origin: 'A' })).stored).toBe(false);
    expect((await storeA.read('sales'))?.version).toBe(older.version);
    // An exact update takes the current generation.
    const exact = loaded('sales', 4n, '2027-03-15T12:00:10.000Z');
    const write = { content: exact.content, version: exact.version, generation: 'current' as const, storedAt: 9, loadedAt: 'previous' as const, origin: 'A' };
    expect(await storeA.write('sales', write)).toEqual({ stored: true, generation: 1 });
    const afterExact = await storeB.read('sales');
    expect(afterExact?.generation).toBe(1);
    expect(afterExact?.storedAt).toBe(9);
    expect(afterExact?.loadedAt).toBe(7); // an exact update is not a load: the TTL clock keeps running
    expect(afterExact?.version).toBe(exact.version);
    // It brings no data: the last load's is kept, flagged as older than the content.
    expect(afterExact?.data).toEqual(older.data);
    expect(afterExact?.dataIsCurrent).toBe(false);
  });

  test('20 racing writers: the newest asOf is what stays', async () => {
    const conns = await instances(harness, 4);
    const writes = Array.from({ length: 20 }, (_, i) => {
      const conn = conns[i % conns.length];
      if (!conn) throw new Error('no connection');
      const at = new Date(Date.parse('2027-03-15T12:00:00Z') + ((i * 7) % 20) * 1000).toISOString();
      return { conn, record: loaded('race', BigInt(i + 1), at), at };
    });
    await Promise.all(writes.map(({ conn, record }, i) => createSnapshotStore(conn).write('race', { ...record, generation: 0, storedAt: i, loadedAt: i, origin: String(i) })));
    const newest = writes.reduce((best, w) => (w.at > best.at ? w : best));
    const first = conns[0];
    if (!first) throw new Error('no connection');
    expect((await createSnapshotStore(first).read('race'))?.version).toBe(newest.record.version);
  });

  test('a refresh failure is remembered briefly and cleared by the next stored success', async () => {
    const [a, b] = await instances(harness, 2);
    if (!a || !b) throw new Error('no instances');
    await createSnapshotStore(a).markFailed('sales', { kind: 'rate_limited', at: 42 }, 5_000);
    expect(await createSnapshotStore(b).lastFailure('sales')).toEqual({ kind: 'rate_limited', at: 42 });
    await createSnapshotStore(a).write('sales', { ...loaded('sales', 1n), generation: 0, storedAt: 43, loadedAt: 43, origin: 'A' });
    expect(await createSnapshotStore(b).lastFailure('sales')).toBeNull();
  });
});
