import { describe, expect, test } from 'vitest';
import type { Snapshot } from '@/lib/pipeline/types';
import { content, flush, harness } from './harness';

async function primed(h: ReturnType<typeof harness>, amount = 1n): Promise<Snapshot> {
  const first = h.cache.get('sales');
  await h.succeed(amount);
  const read = await first;
  if (read.state !== 'ready') throw new Error('not primed');
  return read.snapshot;
}

describe('versions', () => {
  test('identical content keeps the version while asOf moves on; different content changes it', async () => {
    const h = harness();
    const first = await primed(h, 1n);
    h.advance(10_000);
    void h.cache.get('sales');
    await h.succeed(1n);
    const same = h.cache.peek('sales');
    expect(same?.version).toBe(first.version);
    expect(same?.asOf).not.toBe(first.asOf);
    expect(same?.asOf).toBe(h.nowIso());

    h.advance(10_000);
    void h.cache.get('sales');
    await h.succeed(2n);
    expect(h.cache.peek('sales')?.version).not.toBe(first.version);
  });
});

describe('subscribers', () => {
  test('notified on a new version and on stale changes, not on identical refreshes', async () => {
    const h = harness();
    const seen: Array<Pick<Snapshot, 'version' | 'stale'>> = [];
    const unsubscribe = h.cache.subscribe('sales', (s) => seen.push({ version: s.version, stale: s.stale }));
    const first = await primed(h, 1n);
    expect(seen).toEqual([{ version: first.version, stale: false }]);

    const refresh = async (outcome: 'same' | 'new' | 'fail') => {
      h.advance(10_000);
      void h.cache.get('sales');
      if (outcome === 'fail') await h.fail();
      else await h.succeed(outcome === 'same' ? 1n : 2n);
    };
    await refresh('same');
    expect(seen).toHaveLength(1);
    await refresh('fail');
    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual({ version: first.version, stale: true });
    await refresh('fail'); // still stale for the same reason: nothing new
    expect(seen).toHaveLength(2);
    await refresh('same'); // recovered: stale state changed even though the version did not
    expect(seen[2]).toEqual({ version: first.version, stale: false });
    await refresh('new');
    expect(seen).toHaveLength(4);

    unsubscribe();
    await refresh('same');
    h.cache.set('sales', content(77n));
    expect(seen).toHaveLength(4);
  });

  test('a throwing subscriber does not stop the others', async () => {
    const h = harness();
    const calls: string[] = [];
    h.cache.subscribe('sales', () => {
      throw new Error('closed stream');
    });
    h.cache.subscribe('sales', () => calls.push('second'));
    await primed(h);
    expect(calls).toEqual(['second']);
  });
});

describe('invalidate', () => {
  test('refreshes at once, in the background', async () => {
    const h = harness();
    await primed(h, 1n);
    h.cache.invalidate('sales');
    await flush();
    expect(h.loads()).toBe(2);
    await h.succeed(4n);
    expect(h.cache.peek('sales')?.stages[0]?.amountMicros).toBe('4');
  });

  test('a burst of invalidations during one load costs at most one more load', async () => {
    const h = harness();
    await primed(h, 1n);
    h.cache.invalidate('sales');
    await flush();
    for (let i = 0; i < 50; i++) h.cache.invalidate('sales');
    await flush();
    expect(h.loads()).toBe(2);
    await h.succeed(2n);
    expect(h.loads()).toBe(3);
    await h.succeed(3n);
    expect(h.loads()).toBe(3);
    expect(h.pendingCount()).toBe(0);
    expect(h.cache.peek('sales')?.stages[0]?.amountMicros).toBe('3');
  });

  test('an unknown slug is ignored', async () => {
    const h = harness();
    h.cache.invalidate('nobody-asked');
    await flush();
    expect(h.loads()).toBe(0);
  });
});

describe('set', () => {
  test('stamps a version, notifies only when it changed, and keeps the TTL clock for reconciliation', async () => {
    const h = harness();
    const seen: string[] = [];
    h.cache.subscribe('sales', (s) => seen.push(s.version));
    const first = await primed(h, 1n);
    h.advance(1_000);
    const same = h.cache.set('sales', content(1n));
    expect(same.version).toBe(first.version);
    expect(seen).toHaveLength(1);
    const changed = h.cache.set('sales', content(5n));
    expect(changed.version).not.toBe(first.version);
    expect(changed.asOf).toBe(h.nowIso());
    expect(seen).toEqual([first.version, changed.version]);
    expect(h.cache.peek('sales')).toBe(changed);

    h.advance(9_000); // TTL counted from the last load, not from set()
    void h.cache.get('sales');
    await flush();
    expect(h.loads()).toBe(2);
  });

  test('a load that started before set() does not overwrite the exact update', async () => {
    const h = harness();
    const seen: string[] = [];
    h.cache.subscribe('sales', (s) => seen.push(s.stages[0]?.amountMicros ?? '?'));
    await primed(h, 1n);
    h.advance(10_000);
    void h.cache.get('sales');
    await flush();
    h.cache.set('sales', content(8n));
    await h.succeed(1n); // read before the change
    expect(h.cache.peek('sales')?.stages[0]?.amountMicros).toBe('8');
    expect(seen).toEqual(['1', '8']); // no flicker back to the old figure
    expect(h.loads()).toBe(2);
  });

  test('that superseded load still clears a stale state', async () => {
    const h = harness();
    await primed(h, 1n);
    h.advance(10_000);
    void h.cache.get('sales');
    await h.fail();
    h.advance(10_000);
    void h.cache.get('sales');
    await flush();
    h.cache.set('sales', content(8n));
    expect(h.cache.peek('sales')?.stale).toBe(true);
    await h.succeed(1n);
    expect(h.cache.peek('sales')).toMatchObject({ stale: false, staleSince: null });
    expect(h.cache.peek('sales')?.stages[0]?.amountMicros).toBe('8');
  });
});
