import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createRefreshScheduler } from '@/lib/live/refresh-scheduler';
import { createCallBudget } from '@/lib/twenty/budget';

// Simulated time: refreshes "take" one budget call and finish at once.

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-06-15T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(perMinute: number, callsPerRefresh = 1) {
  const budget = createCallBudget({ perMinute, burst: 5 });
  const started: number[] = [];
  const loading = new Set<string>();
  const scheduler = createRefreshScheduler({
    debounceMs: 150,
    budget,
    isLoading: (slug) => loading.has(slug),
    callsPerRefresh: () => callsPerRefresh,
    start: (slug) => {
      started.push(Date.now());
      for (let i = 0; i < callsPerRefresh; i++) void budget.acquire();
      scheduler.loadFinished(slug);
    },
  });
  return { budget, scheduler, started, loading };
}

describe('refresh scheduler', () => {
  test('a burst is debounced into one refresh', () => {
    const { scheduler, started } = setup(60);
    for (let i = 0; i < 1_000; i++) scheduler.request('sales');
    vi.advanceTimersByTime(1_000);
    expect(started).toHaveLength(1);
  });

  test('a request during a load queues exactly one more refresh', () => {
    const { scheduler, started, loading } = setup(60);
    scheduler.request('sales');
    vi.advanceTimersByTime(200);
    loading.add('sales');
    for (let i = 0; i < 50; i++) scheduler.request('sales');
    vi.advanceTimersByTime(1_000);
    expect(started).toHaveLength(1);
    loading.delete('sales');
    scheduler.loadFinished('sales');
    vi.advanceTimersByTime(1_000);
    expect(started).toHaveLength(2);
    expect(scheduler.isPending('sales')).toBe(false);
  });

  test('a steady storm never spends more than the budget, and nobody is made to wait', () => {
    const { budget, scheduler, started } = setup(60);
    // 10 requests a second for 3 minutes: unthrottled that would be ~1,200 refreshes.
    for (let t = 0; t < 180_000; t += 100) {
      scheduler.request('sales');
      vi.advanceTimersByTime(100);
    }
    vi.advanceTimersByTime(10_000);
    const stats = budget.stats();
    expect(started.length).toBeLessThanOrEqual(5 + 60 * 3 + 10);
    expect(started.length).toBeGreaterThan(150);
    expect(stats.waitedMs).toBe(0);
    expect(stats.rejected).toBe(0);
    expect(scheduler.stats().heldForBudget).toBeGreaterThan(0);
    // In any 60 s window, at most burst + rate refreshes start.
    for (const start of started) expect(started.filter((s) => s >= start && s < start + 60_000).length).toBeLessThanOrEqual(65);
  });

  test('a refresh costing several calls waits until all of them are free', () => {
    const { budget, scheduler, started } = setup(60, 4);
    for (let t = 0; t < 60_000; t += 100) {
      scheduler.request('sales');
      vi.advanceTimersByTime(100);
    }
    expect(started.length).toBeLessThanOrEqual(Math.ceil((5 + 60) / 4) + 1);
    expect(budget.stats().waitedMs).toBe(0);
  });

  test('a rate-limit pause from Twenty holds refreshes back', () => {
    const { budget, scheduler, started } = setup(60);
    budget.pauseUntil(Date.now() + 30_000);
    scheduler.request('sales');
    vi.advanceTimersByTime(29_000);
    expect(started).toHaveLength(0);
    vi.advanceTimersByTime(2_000);
    expect(started).toHaveLength(1);
  });
});
