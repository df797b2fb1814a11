import { afterEach, describe, expect, test, vi } from 'vitest';
import { createSnapshotCache, localSource } from '@/lib/cache';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { createRealtimeEngine, type RealtimeEngine } from '@/lib/live/engine';
import { createMetadataWatch, type MetadataWatchOptions } from '@/lib/live/metadata-watch';
import type { PipelineData } from '@/lib/pipeline/types';
import { createCallBudget } from '@/lib/twenty/budget';
import type { MetadataPass } from '@/lib/twenty/metadata-pass';
import { board, M, oracle, record, STAGES } from './helpers';

// The metadata watch: on its own with a fake clock (its timer, overlap, interval 0), then in the
// engine against the real snapshot cache, where a stage label changed "in Twenty" reaches the
// snapshot of a watched dashboard by one refresh, and nothing else is fetched.

const dataOf = (label: string): PipelineData => ({ ...oracle([record('a', { stage: 'MEETING', amountMicros: 5n * M })], board()), stageOptions: STAGES.map((o) => (o.value === 'MEETING' ? { ...o, label } : o)) });

function watchWith(overrides: Partial<MetadataWatchOptions> & { check?: (slug: string, data: PipelineData) => Promise<string | null> }) {
  const log = { passes: 0, checked: [] as string[], requested: [] as string[] };
  const data = dataOf('Meeting');
  const watch = createMetadataWatch({
    slugs: () => ['watched', 'idle'],
    inUse: (slug) => slug === 'watched',
    dataOf: () => data,
    busy: () => false,
    canSpend: () => true,
    pass: () => {
      log.passes += 1;
      return async (slug, d) => {
        log.checked.push(slug);
        return overrides.check ? overrides.check(slug, d) : null;
      };
    },
    request: (slug) => log.requested.push(slug),
    intervalMs: 1_000,
    ...overrides,
  });
  return { watch, log, data };
}

describe('the watch on a fake clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('checks only dashboards in use, once per interval, and never overlaps a slow pass', async () => {
    vi.useFakeTimers();
    let running = 0;
    let most = 0;
    const { watch, log } = watchWith({
      check: async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 2_500)); // slower than the interval
        running -= 1;
        return null;
      },
    });
    watch.start();
    await vi.advanceTimersByTimeAsync(999);
    expect(log.passes).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(log.passes).toBe(1);
    await vi.advanceTimersByTimeAsync(7_000); // 1 s wait + 2.5 s check per pass
    expect(log.passes).toBe(3);
    expect(most).toBe(1);
    expect(new Set(log.checked)).toEqual(new Set(['watched']));
    expect(log.requested).toEqual([]);
    watch.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(log.passes).toBe(3);
  });

  test('an interval of 0 (metadata read at every load) runs no pass at all', async () => {
    vi.useFakeTimers();
    const { watch, log } = watchWith({ intervalMs: 0 });
    watch.start();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(log.passes).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('nobody watching, a refresh already due, or a budget short of calls: no pass, no call', async () => {
    expect(await watchWith({ inUse: () => false }).watch.runOnce()).toEqual([]);
    const busy = watchWith({ busy: () => true });
    expect(await busy.watch.runOnce()).toEqual([]);
    expect(busy.log.passes).toBe(0);
    const spent = watchWith({ canSpend: () => false, check: async () => 'view' });
    expect(await spent.watch.runOnce()).toEqual([]);
    expect(spent.log.passes).toBe(0);
  });

  test('a change asks for one refresh per basis: a refused refresh leaves the basis, and is not asked for again', async () => {
    const failing = watchWith({ check: async () => 'view_refused' });
    expect(await failing.watch.runOnce()).toEqual(['watched']);
    expect(await failing.watch.runOnce()).toEqual([]);
    expect(failing.log.requested).toEqual(['watched']);
    expect(failing.watch.changes()).toEqual({ view_refused: 1 });
    // Twenty unreachable during the pass: nothing asked (the loads and the reconciler handle it).
    const down = watchWith({ check: async () => Promise.reject(new Error('timeout')) });
    expect(await down.watch.runOnce()).toEqual([]);
  });
});

describe('in the engine', () => {
  let engine: RealtimeEngine | undefined;
  afterEach(() => engine?.stop());

  async function until(probe: () => boolean, label: string): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (!probe()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  test("a stage label changed in Twenty reaches a watched dashboard's snapshot with one refresh, and only its", async () => {
    const watched: DashboardConfig = board({ slug: 'watched' });
    const idle: DashboardConfig = board({ slug: 'idle' });
    let label = 'Meeting';
    const fetched: string[] = [];
    const checked: string[] = [];
    // What lib/twenty's pass does, reduced to the label: the metadata now vs the basis's.
    const pass: MetadataPass = {
      changeOf: async (dashboard, data) => {
        checked.push(dashboard.slug);
        return data.stageOptions.find((o) => o.value === 'MEETING')?.label === label ? null : 'stage_options';
      },
    };
    let passes = 0;
    engine = createRealtimeEngine({
      dashboards: new Map([watched, idle].map((d) => [d.slug, d])),
      budget: createCallBudget({ perMinute: 600 }),
      demo: false,
      debounceMs: 5,
      reconcileIntervalMs: 3_600_000,
      metadataWatch: { intervalMs: 20, pass: () => ((passes += 1), pass) },
      fetchData: async (dashboard) => {
        fetched.push(dashboard.slug);
        return { ...dataOf(label), fetchedAt: new Date().toISOString() };
      },
    });
    const live = engine;
    const cache = createSnapshotCache({ ttlMs: 3_600_000, maxAgeMs: 7_200_000, retryAfterFailureMs: 0, source: localSource((slug) => live.load(slug)), reads: live.reads });
    engine.connect(cache);
    await cache.get(watched.slug);
    await cache.get(idle.slug);
    const unsubscribe = cache.subscribe(watched.slug, () => undefined);
    engine.startReconciler();
    const meeting = () => cache.peek(watched.slug)?.stages.find((s) => s.value === 'MEETING')?.label;

    await until(() => passes >= 3, 'three passes');
    expect(fetched).toEqual(['watched', 'idle']); // nothing moved: no records query
    const checkedBefore = checked.length;
    label = 'Demo booked';
    await until(() => meeting() === 'Demo booked', 'the renamed stage on the watched snapshot');
    const after = passes;
    await until(() => passes >= after + 3, 'three more passes');
    unsubscribe();
    expect(fetched).toEqual(['watched', 'idle', 'watched']);
    // The idle dashboard (read once, long ago) is not checked any more: its label stays, at no cost.
    expect(checked.slice(checkedBefore)).not.toContain('idle');
    expect(cache.peek(idle.slug)?.stages.find((s) => s.value === 'MEETING')?.label).toBe('Meeting');
    expect(engine.stats().metadataChanges).toEqual({ stage_options: 1 });
  });
});
