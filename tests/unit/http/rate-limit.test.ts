import { expect, test } from 'vitest';
import { createRateLimiter, routeClassOf } from '@/lib/http/rate-limit';
import { createSseSlots } from '@/lib/http/sse-slots';

const rules = { json: { perMinute: 60, burst: 3 }, sse: { perMinute: 6, burst: 1 }, webhook: { perMinute: 600, burst: 100 }, unlock: { perMinute: 6, burst: 2 } };

test('a bucket allows its burst, then refuses with the seconds until the next token, then refills', () => {
  let clock = 0;
  const limiter = createRateLimiter({ rules, maxClients: 100, now: () => clock });
  expect([1, 2, 3].map(() => limiter.take('json', 'a').allowed)).toEqual([true, true, true]);
  expect(limiter.take('json', 'a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  expect(limiter.take('json', 'b').allowed).toBe(true); // another client has its own bucket
  expect(limiter.take('unlock', 'a').allowed).toBe(true); // and another class too
  clock += 1_000;
  expect(limiter.take('json', 'a').allowed).toBe(true);
  expect(limiter.take('json', 'a').allowed).toBe(false);
  clock += 60_000;
  expect([1, 2, 3, 4].map(() => limiter.take('json', 'a').allowed)).toEqual([true, true, true, false]);
});

test('slow classes say how long to wait: 6 a minute is one every 10 s', () => {
  let clock = 0;
  const limiter = createRateLimiter({ rules, maxClients: 100, now: () => clock });
  expect(limiter.take('sse', 'a').allowed).toBe(true);
  expect(limiter.take('sse', 'a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  clock += 4_000;
  expect(limiter.take('sse', 'a')).toEqual({ allowed: false, retryAfterSeconds: 6 });
});

test('memory stays bounded under a flood of distinct clients; the least recently seen go first', () => {
  const limiter = createRateLimiter({ rules, maxClients: 1_000, now: () => 0 });
  for (let i = 0; i < 3; i++) limiter.take('json', 'regular');
  for (let i = 0; i < 50_000; i++) {
    limiter.take('json', `spoofed-${i}`);
    if (i % 500 === 0) limiter.take('json', 'regular'); // keeps being seen, so it is kept
  }
  expect(limiter.size()).toBe(1_000);
  expect(limiter.take('json', 'regular').allowed).toBe(false); // its empty bucket was not forgotten
});

test('route classes: JSON, SSE, webhook, unlock; pages, assets and health are not limited here', () => {
  expect(routeClassOf('/api/dashboards/pipeline')).toBe('json');
  expect(routeClassOf('/api/dashboards/pipeline/events')).toBe('sse');
  expect(routeClassOf('/api/webhooks/twenty')).toBe('webhook');
  expect(routeClassOf('/api/unlock')).toBe('unlock');
  for (const path of ['/d/pipeline', '/tv/x', '/_next/static/a.js', '/api/health', '/']) expect(routeClassOf(path)).toBeNull();
});

test('SSE slots: a cap per client (429) and in total (503); releasing twice frees one slot', () => {
  const slots = createSseSlots({ perClient: 2, total: 3 });
  const a1 = slots.acquire('a');
  const a2 = slots.acquire('a');
  expect(slots.acquire('a')).toMatchObject({ ok: false, status: 429, error: 'too_many_streams_for_client' });
  const b1 = slots.acquire('b');
  expect(slots.acquire('c')).toMatchObject({ ok: false, status: 503, error: 'server_busy' });
  if (!a1.ok || !a2.ok || !b1.ok) throw new Error('slots refused too early');
  a1.release();
  a1.release();
  expect(slots.stats()).toMatchObject({ open: 2, clients: 2, refused: 2 });
  expect(slots.acquire('c').ok).toBe(true);
  expect(slots.acquire('d').ok).toBe(false);
  a2.release();
  b1.release();
  expect(slots.stats().clients).toBe(1);
});
