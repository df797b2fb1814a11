import { expect, test } from 'vitest';
import { createMemoryNonceStore } from '@/lib/live/webhook/nonce-store';

test('a nonce is new once, then seen until its TTL passes', async () => {
  let now = 1_000;
  const store = createMemoryNonceStore(10, () => now);
  expect(await store.seen('a', 500)).toBe(false);
  expect(await store.seen('a', 500)).toBe(true);
  now = 1_499;
  expect(await store.seen('a', 500)).toBe(true);
  now = 1_500;
  expect(await store.seen('a', 500)).toBe(false);
});

test('expired entries are dropped and the store never exceeds maxEntries', async () => {
  let now = 0;
  const store = createMemoryNonceStore(3, () => now);
  for (const nonce of ['a', 'b', 'c', 'd']) expect(await store.seen(nonce, 1_000)).toBe(false);
  // 'a' was pushed out to keep the bound; the three newest are remembered.
  expect(await store.seen('d', 1_000)).toBe(true);
  expect(await store.seen('c', 1_000)).toBe(true);
  expect(await store.seen('a', 1_000)).toBe(false);
  now = 5_000;
  expect(await store.seen('c', 1_000)).toBe(false);
});

test('maxEntries must be a positive integer', () => {
  expect(() => createMemoryNonceStore(0)).toThrow(RangeError);
});
