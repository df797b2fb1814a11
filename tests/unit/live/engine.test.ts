import { afterEach, describe, expect, test } from 'vitest';
import { createSnapshotCache, localSource, type SnapshotCache } from '@/lib/cache';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { createRealtimeEngine, type RealtimeEngine } from '@/lib/live/engine';
import type { RecordState } from '@/lib/live/record-state';
import { createCallBudget } from '@/lib/twenty/budget';
import type { WebhookEvent } from '@/lib/live/webhook/payload';
import { M, board, eventOf, iso, oracle, record } from './helpers';

// The engine against the real snapshot cache and call budget; the CRM is a list of records
// behind an injected fetch (what lib/twenty would return for them).

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Rig = { engine: RealtimeEngine; cache: SnapshotCache; fetches: () => number; crm: Map<string, RecordState>; fail: { next: boolean } };

let rigs: Rig[] = [];
afterEach(() => {
  for (const rig of rigs) rig.engine.stop();
  rigs = [];
});

function rig(dashboard: DashboardConfig, opts: { fetchMs?: number; reconcileIntervalMs?: number; reconcileAfterErrorMs?: number } = {}): Rig {
  const crm = new Map<string, RecordState>(Array.from({ length: 20 }, (_, i) => [`b${i}`, record(`b${i}`, { stage: 'MEETING', amountMicros: BigInt(100 + i) * M })]));
  const budget = createCallBudget({ perMinute: 600 });
  let fetches = 0;
  const fail = { next: false };
  const engine = createRealtimeEngine({
    dashboards: new Map([[dashboard.slug, dashboard]]),
    budget,
    demo: false,
    debounceMs: 30,
    batchMs: 5,
    clockSkewMs: 0,
    reconcileIntervalMs: opts.reconcileIntervalMs ?? 3_600_000,
    reconcileAfterErrorMs: opts.reconcileAfterErrorMs ?? 3_600_000,
    fetchData: async () => {
      fetches += 1;
      await budget.acquire();
      await sleep(opts.fetchMs ?? 10);
      if (fail.next) {
        fail.next = false;
        throw new Error('CRM down');
      }
      return { ...oracle([...crm.values()], dashboard), fetchedAt: new Date().toISOString() };
    },
  });
  const cache = createSnapshotCache({ ttlMs: 3_600_000, maxAgeMs: 7_200_000, retryAfterFailureMs: 0, source: localSource((slug) => engine.load(slug)), reads: engine.reads });
  engine.connect(cache);
  const r = { engine, cache, fetches: () => fetches, crm, fail };
  rigs.push(r);
  return r;
}

const openCount = (cache: SnapshotCache, slug: string) => cache.peek(slug)?.kpis.openCount;

/** Waits on a condition (never a fixed time): the engine's timers are real. */
async function until(probe: () => boolean, label: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('coalescing', () => {
  test('1,000 deliveries in one burst cost one or two refreshes', async () => {
    const dashboard = board();
    const { engine, cache, fetches, crm } = rig(dashboard, { fetchMs: 20 });
    await cache.get(dashboard.slug);
    const before = fetches();
    for (let i = 0; i < 1_000; i++) {
      const id = `b${i % 20}`;
      const moved = { ...record(id), stage: i % 2 ? 'PROPOSAL' : 'SCREENING', amountMicros: BigInt(i) * M, updatedAt: iso(Date.now() + i) };
      crm.set(id, moved);
      engine.accept(eventOf('updated', moved, ['stage', 'amount']));
    }
    const proposals = () => cache.peek(dashboard.slug)?.stages.find((s) => s.value === 'PROPOSAL')?.count;
    await until(() => engine.isSettled() && proposals() === 10, 'the refresh');
    const refreshes = fetches() - before;
    expect(refreshes).toBeGreaterThanOrEqual(1);
    expect(refreshes).toBeLessThanOrEqual(2);
    expect(cache.peek(dashboard.slug)?.stages.find((s) => s.value === 'PROPOSAL')?.count).toBe(10);
  });

  test('deliveries spread over 300 ms: one refresh in flight, at most one queued', async () => {
    const dashboard = board();
    const { engine, cache, fetches } = rig(dashboard, { fetchMs: 50 });
    await cache.get(dashboard.slug);
    const before = fetches();
    for (let chunk = 0; chunk < 30; chunk++) {
      for (let i = 0; i < 33; i++) engine.accept(eventOf('updated', { ...record(`b${i % 20}`), stage: 'PROPOSAL', updatedAt: iso(Date.now() + chunk * 100 + i) }, ['stage']));
      await sleep(10);
    }
    await until(() => engine.isSettled(), 'the refreshes');
    // 990 deliveries over ~300 ms with 30 ms debounce and 50 ms loads: a handful, never hundreds.
    expect(fetches() - before).toBeGreaterThanOrEqual(1);
    expect(fetches() - before).toBeLessThanOrEqual(6);
  });
});

describe('exact updates need no upstream call', () => {
  test('a new deal shows at once, with a ticker line, and the version changes', async () => {
    const dashboard = board();
    const { engine, cache, fetches } = rig(dashboard);
    await cache.get(dashboard.slug);
    const first = cache.peek(dashboard.slug);
    const versions: string[] = [];
    cache.subscribe(dashboard.slug, (s) => versions.push(s.version));
    await sleep(5);
    const at = iso(Date.now() + 5);
    const created = record('new', { stage: 'PROPOSAL', amountMicros: 15_000n * M, createdAt: at, updatedAt: at });
    engine.accept(eventOf('created', created), at);
    await until(() => engine.isSettled() && versions.length > 0, 'the exact update');
    const now = cache.peek(dashboard.slug);
    expect(fetches()).toBe(1);
    expect(now?.kpis.openCount).toBe((first?.kpis.openCount ?? 0) + 1);
    expect(now?.ticker?.[0]).toMatchObject({ kind: 'created', toStage: 'PROPOSAL', amountMicros: '15000000000', dealName: 'Deal new' });
    expect(versions).toHaveLength(1);
    expect(versions[0]).not.toBe(first?.version);
    expect(engine.stats().applied).toBe(1);
  });

  test('a ticker line alone (the data already held the change) still changes the version', async () => {
    const dashboard = board();
    const { engine, cache, fetches } = rig(dashboard);
    await cache.get(dashboard.slug);
    const first = cache.peek(dashboard.slug);
    engine.accept(eventOf('updated', { ...record('b1', { amountMicros: 101n * M }), stage: 'MEETING', updatedAt: iso(Date.now() - 60_000) }, ['stage']));
    await until(() => engine.isSettled() && cache.peek(dashboard.slug)?.version !== first?.version, 'the ticker line');
    const now = cache.peek(dashboard.slug);
    expect(fetches()).toBe(1);
    expect(now?.kpis).toEqual(first?.kpis);
    expect(now?.ticker?.map((t) => t.kind)).toEqual(['moved']);
    expect(now?.version).not.toBe(first?.version);
  });

  test('a dashboard nobody has opened costs nothing', async () => {
    const dashboard = board();
    const { engine, fetches } = rig(dashboard);
    engine.accept(eventOf('updated', { ...record('b1'), stage: 'PROPOSAL', updatedAt: iso(Date.now()) }, ['stage']));
    await until(() => engine.isSettled(), 'nothing left to do');
    expect(fetches()).toBe(0);
  });

  test('a company change refreshes only dashboards that show company names', async () => {
    const withCompany = rig(board({ slug: 'with-company', fields: ['name', 'company'] }));
    const without = rig(board({ slug: 'without-company' }));
    await withCompany.cache.get('with-company');
    await without.cache.get('without-company');
    const company: WebhookEvent = { objectName: 'company', action: 'updated', eventDate: null, updatedFields: ['name'], record: null };
    withCompany.engine.accept(company);
    without.engine.accept(company);
    await until(() => withCompany.engine.isSettled() && without.engine.isSettled() && withCompany.fetches() === 2, 'the refresh');
    expect(withCompany.fetches()).toBe(2);
    expect(without.fetches()).toBe(1);
    expect(without.engine.stats().ignored.irrelevant).toBe(1);
  });

  test('the lag from arrival to snapshot is measured for exact updates and refreshes', async () => {
    const dashboard = board();
    const { engine, cache } = rig(dashboard);
    await cache.get(dashboard.slug);
    const at = iso(Date.now() + 5);
    engine.accept(eventOf('created', record('new', { createdAt: at, updatedAt: at })), at);
    engine.accept(eventOf('updated', { ...record('b2'), stage: 'PROPOSAL', updatedAt: iso(Date.now()) }, ['stage']));
    await until(() => engine.isSettled() && (engine.stats().lag?.samples ?? 0) >= 2, 'both deliveries on screen');
    const lag = engine.stats().lag;
    expect(lag?.samples).toBe(2);
    expect(lag?.maxMs).toBeLessThan(150);
    expect(engine.isSettled()).toBe(true);
  });

  test('another object is acknowledged and ignored', async () => {
    const dashboard = board();
    const { engine, cache, fetches } = rig(dashboard);
    await cache.get(dashboard.slug);
    engine.accept({ objectName: 'person', action: 'updated', eventDate: null, updatedFields: ['name'], record: null });
    await until(() => engine.isSettled(), 'nothing left to do');
    expect(fetches()).toBe(1);
    expect(engine.stats().ignored.irrelevant).toBe(1);
  });
});

describe('Twenty 2.21 deliveries', () => {
  test('one `destroyed` delivery for a bulk hard delete of three deals: a refetch shows all three gone', async () => {
    const dashboard = board();
    const { engine, cache, fetches, crm } = rig(dashboard);
    await cache.get(dashboard.slug);
    expect(openCount(cache, dashboard.slug)).toBe(20);
    const first = crm.get('b0');
    if (!first) throw new Error('no b0');
    for (const id of ['b0', 'b1', 'b2']) crm.delete(id);
    // What 2.21 sends for destroyOpportunities of three: the first record only.
    engine.accept(eventOf('destroyed', { ...first, destroyed: true }));
    await until(() => openCount(cache, dashboard.slug) === 17 && engine.isSettled(), 'the refetch');
    expect(fetches()).toBe(2);
    expect(engine.stats().refreshReasons.destroyed).toBe(1);
  });

  test('destroyed deliveries in a burst are coalesced into one or two refetches', async () => {
    const dashboard = board();
    const { engine, cache, fetches, crm } = rig(dashboard, { fetchMs: 20 });
    await cache.get(dashboard.slug);
    for (let i = 0; i < 10; i++) {
      const deal = crm.get(`b${i}`);
      if (!deal) throw new Error(`no b${i}`);
      crm.delete(`b${i}`);
      engine.accept(eventOf('destroyed', { ...deal, destroyed: true }));
    }
    await until(() => openCount(cache, dashboard.slug) === 10 && engine.isSettled(), 'the refetches');
    expect(fetches() - 1).toBeGreaterThanOrEqual(1);
    expect(fetches() - 1).toBeLessThanOrEqual(2);
  });

  test('a destroyed delivery for a deal already gone (ignored by the record memory) still refetches', async () => {
    const dashboard = board();
    const { engine, cache, fetches, crm } = rig(dashboard);
    await cache.get(dashboard.slug);
    const deal = crm.get('b5');
    if (!deal) throw new Error('no b5');
    engine.accept(eventOf('destroyed', { ...deal, destroyed: true }));
    await until(() => engine.isSettled() && fetches() === 2, 'the first refetch');
    crm.delete('b5');
    crm.delete('b6');
    engine.accept(eventOf('destroyed', { ...deal, destroyed: true })); // a second bulk destroy naming b5 again
    await until(() => engine.isSettled() && openCount(cache, dashboard.slug) === 18, 'the second refetch');
    expect(engine.stats().ignored.after_destroy).toBe(1);
    expect(fetches()).toBe(3);
  });

  test('a metadata.* delivery is acknowledged and changes nothing', async () => {
    const dashboard = board();
    const { engine, cache, fetches } = rig(dashboard);
    await cache.get(dashboard.slug);
    const version = cache.peek(dashboard.slug)?.version;
    engine.accept({ objectName: 'metadata.roleTarget', action: 'created', eventDate: '2026-11-30T16:17:49.186Z', updatedFields: null, record: null, webhookId: 'd22c0ef5-7139-40e0-bde0-aaafd4c197ac' });
    expect(engine.stats().ignored.irrelevant).toBe(1);
    expect(engine.isSettled()).toBe(true);
    expect(fetches()).toBe(1);
    expect(cache.peek(dashboard.slug)?.version).toBe(version);
  });
});

describe('reconciliation', () => {
  test('refetches a dashboard someone watches, not one nobody reads', async () => {
    const watched = board({ slug: 'watched' });
    const { cache, fetches } = rig(watched, { reconcileIntervalMs: 60 });
    rigs[0]?.engine.startReconciler();
    await cache.get(watched.slug);
    const unsubscribe = cache.subscribe(watched.slug, () => undefined);
    await until(() => fetches() >= 3, 'two reconciler refetches');
    unsubscribe();

    const idle = board({ slug: 'idle' });
    const other = rig(idle, { reconcileIntervalMs: 60 });
    other.engine.startReconciler();
    // "Never fetched" has no event to wait for: four reconcile intervals pass with nobody reading.
    await sleep(250);
    expect(other.fetches()).toBe(0);
  });

  test('soon after an upstream error, the dashboard is fetched again (webhooks are never retried)', async () => {
    const dashboard = board();
    const { cache, fetches, fail } = rig(dashboard, { reconcileAfterErrorMs: 40 });
    await cache.get(dashboard.slug);
    fail.next = true;
    cache.invalidate(dashboard.slug);
    await until(() => cache.peek(dashboard.slug)?.stale === true, 'the failed refresh');
    await until(() => cache.peek(dashboard.slug)?.stale === false, 'the refetch after the error');
    expect(fetches()).toBe(3);
  });
});

test('open count is read from the snapshot (sanity of the rig)', async () => {
  const dashboard = board();
  const { cache } = rig(dashboard);
  await cache.get(dashboard.slug);
  expect(openCount(cache, dashboard.slug)).toBe(20);
});
