import { expect, test } from 'vitest';
import { retryDelayMs } from '@/lib/cache/backoff';
import { flush, harness } from './harness';

test('retry delays double from min to max, and a retry hint from the CRM wins when longer', () => {
  const backoff = { minMs: 1_000, maxMs: 8_000, random: () => 0, hintOf: (err: unknown) => (err instanceof RangeError ? 30_000 : undefined) };
  expect([1, 2, 3, 4, 5, 9].map((n) => retryDelayMs(backoff, n, new Error('x')))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  expect(retryDelayMs(backoff, 1, new RangeError('rate limited'))).toBe(30_000);
  expect(retryDelayMs({ ...backoff, random: () => 1 }, 1, new Error('x'))).toBe(1_200);
});

test('with backoff, neither viewers nor invalidations reload before the delay; an invalidation is deferred to its end', async () => {
  const h = harness({ retryBackoff: { minMs: 5_000, maxMs: 40_000, random: () => 0 }, ttlMs: 1_000 });
  void h.cache.get('sales');
  await h.succeed(100n);
  h.advance(1_000);
  void h.cache.get('sales');
  await h.fail();
  expect(h.loads()).toBe(2);
  h.advance(4_000);
  await h.cache.get('sales');
  h.cache.invalidate('sales');
  for (let i = 0; i < 20; i++) h.cache.invalidate('sales');
  await flush();
  expect(h.loads()).toBe(2); // still inside the 5 s backoff; the deferred load waits on a real timer
  h.advance(1_000);
  await h.cache.get('sales');
  expect(h.loads()).toBe(3);
  await h.fail();
  h.advance(9_000); // second failure: 10 s
  await h.cache.get('sales');
  expect(h.loads()).toBe(3);
  h.advance(1_000);
  await h.cache.get('sales');
  expect(h.loads()).toBe(4);
  await h.succeed(100n);
  expect(h.errors.map((e) => e.reason)).toEqual(['upstream_error', 'upstream_error']);
});

test('a deferred invalidation fires by itself when the backoff ends (no viewer needed)', async () => {
  let clock = 0;
  const h = harness({ retryBackoff: { minMs: 50, maxMs: 50, random: () => 0 }, ttlMs: 10, now: () => clock });
  const tick = setInterval(() => (clock += 10), 10);
  try {
    void h.cache.get('sales');
    await h.succeed(1n);
    clock += 20;
    void h.cache.get('sales');
    await h.fail();
    h.cache.invalidate('sales');
    expect(h.loads()).toBe(2);
    const deadline = Date.now() + 2_000;
    while (h.loads() < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(h.loads()).toBe(3);
  } finally {
    clearInterval(tick);
  }
});
