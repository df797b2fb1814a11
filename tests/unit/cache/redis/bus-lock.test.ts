import { describe, expect, test } from 'vitest';
import { createBus, type BusEvent } from '@/lib/cache/redis/bus';
import { createRefreshLock } from '@/lib/cache/redis/lock';
import { instances, until, redisServerForFile } from './harness';

const harness = redisServerForFile();

describe('bus (pub/sub across connections)', () => {
  test('an event published by one instance reaches the others, never its own sender', async () => {
    const [a, b, c] = await instances(harness, 3);
    if (!a || !b || !c) throw new Error('no instances');
    const buses = [createBus(a, 'A'), createBus(b, 'B'), createBus(c, 'C')];
    await Promise.all(buses.map((bus) => bus.start()));
    const heard: Record<string, BusEvent[]> = { A: [], B: [], C: [] };
    buses.forEach((bus, i) => bus.subscribe((e) => heard['ABC'[i] ?? '']?.push(e)));

    const receivers = await buses[0]?.publish({ type: 'changed', slug: 'sales', version: 'v1' });
    expect(receivers).toBe(3); // the sender's own subscriber receives it too, and drops it
    await buses[1]?.publish({ type: 'invalidate', slug: 'sales', generation: 4 });
    // A last event from C as a barrier: Redis delivers a channel's messages to each subscriber in
    // publish order, so once A and B have it, any echo of their own would have arrived before.
    await buses[2]?.publish({ type: 'changed', slug: 'barrier', version: 'v2' });
    await until(() => heard.A?.at(-1)?.slug === 'barrier' && heard.B?.at(-1)?.slug === 'barrier' && heard.C?.length === 2);
    expect(heard.A).toEqual([{ type: 'invalidate', slug: 'sales', generation: 4, origin: 'B' }, { type: 'changed', slug: 'barrier', version: 'v2', origin: 'C' }]);
    expect(heard.B).toEqual([{ type: 'changed', slug: 'sales', version: 'v1', origin: 'A' }, { type: 'changed', slug: 'barrier', version: 'v2', origin: 'C' }]);
    expect(heard.C?.map((e) => e.origin)).toEqual(['A', 'B']);
    await Promise.all(buses.map((bus) => bus.stop()));
  });

  test('malformed messages on the channel are ignored', async () => {
    const [a, b] = await instances(harness, 2);
    if (!a || !b) throw new Error('no instances');
    const bus = createBus(b, 'B');
    await bus.start();
    const heard: BusEvent[] = [];
    bus.subscribe((e) => heard.push(e));
    const channel = `${a.prefix}bus`;
    await a.client.publish(channel, 'not json');
    await a.client.publish(channel, JSON.stringify({ type: 'changed', slug: '', version: 'x', origin: 'A' }));
    await a.client.publish(channel, JSON.stringify({ type: 'changed', slug: 's', version: 'ok', origin: 'A' }));
    await until(() => heard.length === 1);
    expect(heard[0]).toMatchObject({ version: 'ok' });
    await bus.stop();
  });
});

describe('refresh lock', () => {
  test('20 concurrent contenders on 4 connections: exactly one wins', async () => {
    const conns = await instances(harness, 4);
    const locks = conns.map((c) => createRefreshLock(c));
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => locks[i % locks.length]?.acquire('sales', 5_000)));
    const winners = tokens.filter((t): t is string => typeof t === 'string');
    expect(winners).toHaveLength(1);
    expect(await locks[1]?.isHeld('sales')).toBe(true);
  });

  test('only the holder releases it; it expires by itself if the holder dies', async () => {
    const [a, b] = await instances(harness, 2);
    if (!a || !b) throw new Error('no instances');
    const lockA = createRefreshLock(a);
    const lockB = createRefreshLock(b);
    const token = await lockA.acquire('sales', 5_000);
    if (token === null) throw new Error('lock not taken');
    expect(await lockB.release('sales', 'not-the-token')).toBe(false);
    expect(await lockB.acquire('sales', 5_000)).toBeNull();
    expect(await lockA.release('sales', token)).toBe(true);
    expect(await lockA.release('sales', token)).toBe(false);

    expect(await lockA.acquire('short', 60)).not.toBeNull();
    expect(await lockB.acquire('short', 60)).toBeNull();
    // Nobody releases it: it must expire by itself.
    await until(async () => !(await lockB.isHeld('short')));
    expect(await lockB.acquire('short', 60)).not.toBeNull();
  });

  test('a holder whose lock expired cannot release the next holder', async () => {
    const [a, b] = await instances(harness, 2);
    if (!a || !b) throw new Error('no instances');
    const stale = await createRefreshLock(a).acquire('x', 40);
    await until(async () => !(await createRefreshLock(b).isHeld('x')));
    const fresh = await createRefreshLock(b).acquire('x', 5_000);
    expect(stale).not.toBeNull();
    expect(fresh).not.toBeNull();
    expect(await createRefreshLock(a).release('x', stale ?? '')).toBe(false);
    expect(await createRefreshLock(b).isHeld('x')).toBe(true);
  });
});
