import { expect, test } from 'vitest';
import { createCallBudget } from '@/lib/twenty/budget';
import { TwentyError } from '@/lib/twenty/errors';

function fakeClock(start = 1_000_000) {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
    sleeps,
  };
}

test('a burst passes at once, then calls are paced at the per-minute rate', async () => {
  const clock = fakeClock();
  const budget = createCallBudget({ perMinute: 60, burst: 3, now: clock.now, sleep: clock.sleep });
  for (let i = 0; i < 3; i++) await budget.acquire();
  expect(clock.sleeps).toEqual([]);
  await budget.acquire();
  await budget.acquire();
  expect(clock.sleeps).toEqual([1000, 1000]);
  expect(budget.stats()).toMatchObject({ acquired: 5, waitedMs: 2000, rejected: 0 });
});

test('the default burst keeps any minute under Twenty\'s 100 calls at 60/min', async () => {
  const clock = fakeClock();
  const budget = createCallBudget({ perMinute: 60, now: clock.now, sleep: clock.sleep });
  const start = clock.now();
  let calls = 0;
  while (clock.now() - start < 60_000) {
    await budget.acquire();
    calls++;
  }
  expect(budget.stats().burst).toBe(20);
  expect(calls).toBeLessThanOrEqual(81);
  expect(calls).toBeGreaterThanOrEqual(79);
});

test('concurrent callers queue instead of all waiting for the same token', async () => {
  const clock = fakeClock();
  const waits: number[] = [];
  const budget = createCallBudget({
    perMinute: 60,
    burst: 1,
    now: clock.now,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  await Promise.all([budget.acquire(), budget.acquire(), budget.acquire()]);
  expect(waits).toEqual([1000, 2000]);
});

test('a wait beyond maxWaitMs is refused as rate_limited and costs no token', async () => {
  const clock = fakeClock();
  const budget = createCallBudget({ perMinute: 6, burst: 1, maxWaitMs: 5000, now: clock.now, sleep: clock.sleep });
  await budget.acquire();
  const refused = await budget.acquire().catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(TwentyError);
  expect(refused).toMatchObject({ kind: 'rate_limited', retryAfterMs: 10_000 });
  clock.advance(10_000);
  await budget.acquire();
  expect(budget.stats()).toMatchObject({ acquired: 2, rejected: 1 });
});

test('pauseUntil holds every call until Twenty\'s retry time', async () => {
  const clock = fakeClock();
  const budget = createCallBudget({ perMinute: 600, burst: 10, now: clock.now, sleep: clock.sleep });
  budget.pauseUntil(clock.now() + 12_000);
  expect(budget.stats().pausedUntil).toBe(clock.now() + 12_000);
  await budget.acquire();
  expect(clock.sleeps).toEqual([12_000]);
  expect(budget.stats().pausedUntil).toBeNull();
});

test('a pause longer than maxWaitMs is refused with the time left', async () => {
  const clock = fakeClock();
  const budget = createCallBudget({ perMinute: 60, maxWaitMs: 1000, now: clock.now, sleep: clock.sleep });
  budget.pauseUntil(clock.now() + 60_000);
  await expect(budget.acquire()).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 60_000 });
});

test('options are validated', () => {
  expect(() => createCallBudget({ perMinute: 0 })).toThrow();
});

test('a request with several root fields costs one token each, and may exceed the burst', async () => {
  const clock = fakeClock();
  const budget = createCallBudget({ perMinute: 60, burst: 5, now: clock.now, sleep: clock.sleep });
  await budget.acquire(3);
  expect(clock.sleeps).toEqual([]);
  await budget.acquire(8);
  // 2 tokens left, 8 needed: wait for 6 more at one a second.
  expect(clock.sleeps).toEqual([6000]);
  expect(budget.stats().acquired).toBe(11);
});
