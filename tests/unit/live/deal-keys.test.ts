import { afterEach, expect, test } from 'vitest';
import { createSnapshotCache, localSource, type SnapshotCache } from '@/lib/cache';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { dealKeyerFromSecret, type DealKeyer } from '@/lib/pipeline/deal-key';
import type { Snapshot } from '@/lib/pipeline/types';
import { createRealtimeEngine, type RealtimeEngine } from '@/lib/live/engine';
import type { RecordState } from '@/lib/live/record-state';
import { createCallBudget } from '@/lib/twenty/budget';
import { M, board, eventOf, iso, oracle, record } from './helpers';

// Top deals keep their identity on the wire across loads and exact webhook updates, under an
// opaque key instead of Twenty's record id; two instances with the same secret agree on it.

const SECRET = 'a-session-password-for-unit-tests-only-0123';
const ids = Array.from({ length: 12 }, (_, i) => `0f1e2d3c-4b5a-4968-8776-${String(i).padStart(12, '0')}`);

type Rig = { engine: RealtimeEngine; cache: SnapshotCache; crm: Map<string, RecordState>; fetches: () => number };
const engines: RealtimeEngine[] = [];
afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
});

function rig(dashboard: DashboardConfig, keys: DealKeyer): Rig {
  const crm = new Map(ids.map((id, i) => [id, record(id, { name: `Renewal ${i}`, stage: 'MEETING', amountMicros: BigInt(100 + i) * M })]));
  let fetches = 0;
  const budget = createCallBudget({ perMinute: 600 });
  const engine = createRealtimeEngine({
    dashboards: new Map([[dashboard.slug, dashboard]]),
    budget,
    demo: false,
    batchMs: 5,
    clockSkewMs: 0,
    reconcileIntervalMs: 3_600_000,
    dealKeys: keys,
    fetchData: async () => {
      fetches += 1;
      return { ...oracle([...crm.values()], dashboard), fetchedAt: new Date().toISOString() };
    },
  });
  engines.push(engine);
  const cache = createSnapshotCache({ ttlMs: 3_600_000, maxAgeMs: 7_200_000, source: localSource((slug) => engine.load(slug)), reads: engine.reads });
  engine.connect(cache);
  return { engine, cache, crm, fetches: () => fetches };
}

async function snapshotOf(cache: SnapshotCache, slug: string): Promise<Snapshot> {
  const read = await cache.get(slug);
  if (read.state !== 'ready') throw new Error('no snapshot');
  return read.snapshot;
}

async function settled(engine: RealtimeEngine): Promise<void> {
  await expect.poll(() => engine.isSettled(), { timeout: 2_000, interval: 5 }).toBe(true);
}

test('an exact update keeps each row under the same key, and no record id reaches a snapshot', async () => {
  const dashboard = board({ fields: ['name', 'amount'], topDeals: 5 });
  const keys = dealKeyerFromSecret(SECRET);
  const { engine, cache, crm, fetches } = rig(dashboard, keys);
  const first = await snapshotOf(cache, dashboard.slug);
  expect(first.topDeals.map((d) => d.id)).toEqual(ids.slice(-5).reverse().map((id) => keys(dashboard.slug, id)));
  const loads = fetches();

  // A listed deal is renamed, and a new deal comes in above every other: both applied from the webhook.
  const renamed = ids[9] ?? '';
  const created = '0f1e2d3c-4b5a-4968-8776-999999999999';
  const later = Date.now() + 1_000;
  const rename = { ...record(renamed), ...crm.get(renamed), name: 'Renamed', updatedAt: iso(later) };
  const fresh = record(created, { name: 'Newcomer', stage: 'MEETING', amountMicros: 900n * M, createdAt: iso(later), updatedAt: iso(later) });
  crm.set(renamed, rename);
  crm.set(created, fresh);
  engine.accept(eventOf('updated', rename, ['name']));
  engine.accept(eventOf('created', fresh), fresh.createdAt);
  await expect.poll(() => cache.peek(dashboard.slug)?.topDeals[0]?.id, { timeout: 2_000, interval: 5 }).toBe(keys(dashboard.slug, created));
  await settled(engine);
  expect(fetches()).toBe(loads); // exact: no refetch
  const after = await snapshotOf(cache, dashboard.slug);
  expect(after.topDeals.find((d) => d.id === keys(dashboard.slug, renamed))?.name).toBe('Renamed');
  // A fresh load of the same CRM gives the very same list, keys included.
  cache.invalidate(dashboard.slug);
  await expect.poll(() => fetches(), { timeout: 2_000, interval: 5 }).toBe(loads + 1);
  await settled(engine);
  expect((await snapshotOf(cache, dashboard.slug)).topDeals).toEqual(after.topDeals);
  for (const snapshot of [first, after]) {
    const wire = JSON.stringify(snapshot);
    for (const id of [...ids, created]) expect(wire).not.toContain(id);
  }
});

test('two instances with the same secret name every deal the same way; without stages the ticker names none', async () => {
  const dashboard = board({ fields: ['amount'], topDeals: 5 });
  const a = rig(dashboard, dealKeyerFromSecret(SECRET));
  const b = rig(dashboard, dealKeyerFromSecret(SECRET));
  const [first, second] = [await snapshotOf(a.cache, dashboard.slug), await snapshotOf(b.cache, dashboard.slug)];
  expect(first.topDeals).toEqual(second.topDeals);
  expect(first.version).toBe(second.version);

  const moved = { ...record(ids[11] ?? ''), ...a.crm.get(ids[11] ?? ''), stage: 'PROPOSAL', updatedAt: iso(Date.now() + 1_000) };
  for (const { engine, crm } of [a, b]) {
    crm.set(moved.id, moved);
    engine.accept(eventOf('updated', moved, ['stage']));
  }
  await expect.poll(() => a.cache.peek(dashboard.slug)?.ticker?.length, { timeout: 2_000, interval: 5 }).toBe(1);
  await expect.poll(() => b.cache.peek(dashboard.slug)?.ticker?.length, { timeout: 2_000, interval: 5 }).toBe(1);
  const [lineA, lineB] = [a.cache.peek(dashboard.slug)?.ticker?.[0], b.cache.peek(dashboard.slug)?.ticker?.[0]];
  expect(lineA?.id).toBe(lineB?.id);
  expect(Object.keys(lineA ?? {}).sort()).toEqual(['amountMicros', 'at', 'currencyCode', 'id', 'kind']);
  const wire = JSON.stringify(a.cache.peek(dashboard.slug));
  expect(wire).not.toContain(moved.id);
  expect(wire).not.toContain('"fromStage"');
  expect(wire).not.toContain('"toStage"');
});
