import { afterEach, expect, test } from 'vitest';
import { createSnapshotCache, localSource } from '@/lib/cache';
import { dashboardDefaults, type DashboardConfig } from '@/lib/config/dashboard-schema';
import { createRealtimeEngine, type RealtimeEngine } from '@/lib/live/engine';
import type { BoardData, PipelineData } from '@/lib/pipeline/types';
import { createCallBudget } from '@/lib/twenty/budget';
import { STAGES, board as pipelineBoard, eventOf, oracle, record } from './helpers';

// Published Twenty dashboards in the live engine: Twenty computes their figures, so a delivery on
// an object their widgets read refreshes them (a burst coalesced into one refresh); a delivery on
// another object does not; the pipeline dashboards beside them keep applying deliveries exactly.

let engines: RealtimeEngine[] = [];
afterEach(() => {
  for (const engine of engines) engine.stop();
  engines = [];
});

const boardOf = (objects: string[], value: number): BoardData => ({
  id: 'layout-1',
  name: 'Sales Dashboard',
  tabs: [{ id: 'tab-a', title: 'Overview', position: 0 }],
  widgets: [{ id: 'w1', title: 'Deals', kind: 'number', tab: 1, grid: { row: 0, column: 0, rowSpan: 2, columnSpan: 3 }, state: 'ok', points: [{ label: 'Deals', value }] }],
  fingerprint: 'fp',
  objects,
});

async function until(probe: () => boolean, label: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function rig(dashboards: DashboardConfig[], objectsOf: (slug: string) => string[]) {
  const fetches = new Map<string, number>();
  const budget = createCallBudget({ perMinute: 600 });
  const engine = createRealtimeEngine({
    dashboards: new Map(dashboards.map((d) => [d.slug, d])),
    budget,
    demo: false,
    debounceMs: 30,
    batchMs: 5,
    clockSkewMs: 0,
    reconcileIntervalMs: 3_600_000,
    fetchData: async (dashboard): Promise<PipelineData> => {
      const n = (fetches.get(dashboard.slug) ?? 0) + 1;
      fetches.set(dashboard.slug, n);
      await budget.acquire();
      if (dashboard.twentyDashboard === undefined) return { ...oracle([record('a1', { stage: 'MEETING' })], dashboard), fetchedAt: new Date().toISOString() };
      return { stageOptions: STAGES, stageOptionsSource: 'metadata', groups: [], topDeals: [], strategy: 'groupBy', fetchedAt: new Date().toISOString(), board: boardOf(objectsOf(dashboard.slug), n) };
    },
  });
  engines.push(engine);
  const cache = createSnapshotCache({ ttlMs: 3_600_000, maxAgeMs: 7_200_000, retryAfterFailureMs: 0, source: localSource((slug) => engine.load(slug)), reads: engine.reads });
  engine.connect(cache);
  return { engine, cache, fetches: (slug: string) => fetches.get(slug) ?? 0 };
}

const published = (slug: string) => dashboardDefaults({ slug, title: slug, twentyDashboard: 'Sales Dashboard' });

test('a burst of opportunity deliveries refreshes a board on opportunities once; a board on companies only and the pipeline are not refetched', async () => {
  const pipeline = pipelineBoard();
  const { engine, cache, fetches } = rig([published('deals-board'), published('accounts-board'), pipeline], (slug) => (slug === 'deals-board' ? ['opportunity'] : ['company']));
  await Promise.all(['deals-board', 'accounts-board', pipeline.slug].map((slug) => cache.get(slug)));
  expect(cache.peek('deals-board')?.widgets?.[0]?.points).toEqual([{ label: 'Deals', value: 1 }]);
  // a deal created after the fetch, then moved: the pipeline knows each prior state and applies them exactly
  const at = (i: number) => new Date(Date.now() + i).toISOString();
  engine.accept(eventOf('created', record('n1', { stage: 'NEW', createdAt: at(0), updatedAt: at(0) })));
  for (let i = 1; i < 5; i++) engine.accept(eventOf('updated', record('n1', { stage: i % 2 ? 'PROPOSAL' : 'MEETING', createdAt: at(0), updatedAt: at(i) }), ['stage']));
  await until(() => cache.peek('deals-board')?.widgets?.[0]?.points?.[0]?.value === 2 && engine.isSettled(), 'the board refreshed');
  expect(fetches('deals-board')).toBe(2);
  expect(fetches('accounts-board')).toBe(1);
  expect(fetches(pipeline.slug), JSON.stringify(engine.stats())).toBe(1);
  expect(engine.stats().refreshReasons.board).toBeGreaterThanOrEqual(1);
  // the board's snapshot carries no pipeline, and nothing of the layout's bookkeeping
  const snapshot = cache.peek('deals-board');
  expect(snapshot?.stages).toEqual([]);
  expect(snapshot?.board).toEqual({ id: 'layout-1', name: 'Sales Dashboard', tabs: [{ id: 'tab-a', title: 'Overview', position: 0 }] });
  expect(JSON.stringify(snapshot)).not.toContain('fingerprint');
});

test('a company delivery does not refresh a board (its company widgets follow the TTL)', async () => {
  const { engine, cache, fetches } = rig([published('accounts-board')], () => ['company', 'opportunity']);
  await cache.get('accounts-board');
  engine.accept({ objectName: 'company', action: 'updated', eventDate: new Date().toISOString(), updatedFields: ['name'], record: null });
  await until(() => engine.isSettled(), 'settled');
  expect(fetches('accounts-board')).toBe(1);
});

test('a repeated or older delivery refreshes no board: it changes nothing Twenty computes', async () => {
  const { engine, cache, fetches } = rig([published('deals-board')], () => ['opportunity']);
  await cache.get('deals-board');
  const at = (i: number) => new Date(Date.now() + i).toISOString();
  const newer = eventOf('updated', record('n2', { stage: 'PROPOSAL', createdAt: at(0), updatedAt: at(10) }), ['stage']);
  engine.accept(newer);
  await until(() => fetches('deals-board') === 2 && engine.isSettled(), 'the first delivery refreshed the board');
  engine.accept(newer);
  engine.accept(eventOf('updated', record('n2', { stage: 'MEETING', createdAt: at(-120_000), updatedAt: at(-60_000) }), ['stage']));
  await until(() => engine.isSettled(), 'settled');
  expect(fetches('deals-board'), JSON.stringify(engine.stats())).toBe(2);
  expect(engine.stats().ignored.duplicate + engine.stats().ignored.older).toBe(2);
});
