import { test, expect } from './support/fixtures';
import { groupByCalls, startCluster, type Cluster } from './support/cluster';
import { describeCalls, expectShowing, JSON_ROUTE, jsonCounts, openLive, seededDealIn, settledCalls, STAGES, truthCounts, type StageCounts } from './support/cluster-checks';
import { replayDelivery } from './support/cluster-relay';
import { openSnapshotStream } from './support/cluster-stream';

// Scale-out, end to end with real processes: one redis-server, one demo workspace whose webhooks
// reach instance A, and two app instances (A and B) on the same REDIS_URL. A change in the CRM
// reaches screens on both instances for one upstream refresh in all; a delivery replayed to the
// other instance is refused; a Redis restart breaks neither. The cache TTL is long, so only
// changes drive refreshes. It starts its own processes, so it runs in one project only.

test.describe.configure({ mode: 'serial' });
test.skip(({ twentyVersion }) => twentyVersion !== '2.21', 'starts its own cluster; one run (Twenty 2.21) is enough');

let cluster: Cluster | undefined;

test.beforeAll(async ({ twentyVersion }) => {
  if (twentyVersion !== '2.21') return;
  test.setTimeout(120_000);
  cluster = await startCluster({ instances: 2, env: { CACHE_TTL_MS: '300000', STAGE_OPTIONS_TTL_MS: '300000' } });
  await cluster.waitForBusListeners(2);
  // Twenty has one webhook URL per workspace: here it is instance A's.
  cluster.relay.route([instance(0)]);
});

test.afterAll(async () => {
  await cluster?.stop();
});

function running(): Cluster {
  if (!cluster) throw new Error('cluster not started');
  return cluster;
}

function instance(index: 0 | 1): string {
  const app = running().apps[index];
  if (!app) throw new Error(`no instance ${index}`);
  return app.url;
}

test('both instances serve the same snapshot, cacheable by a CDN: same ETag, and a 304 from either', async ({ request }) => {
  const [a, b] = [instance(0), instance(1)];
  await expect.poll(async () => new Set(await Promise.all([a, b].map(async (url) => (await request.get(`${url}${JSON_ROUTE}`)).headers()['etag']))).size).toBe(1);
  for (const url of [a, b]) {
    const json = await request.get(`${url}${JSON_ROUTE}`);
    expect(json.status()).toBe(200);
    expect(json.headers()['cache-control']).toMatch(/^public, .*s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(json.headers()['etag']).toMatch(/^"[A-Za-z0-9._-]+-fresh"$/);
  }
  const etag = (await request.get(`${a}${JSON_ROUTE}`)).headers()['etag'] ?? '';
  const revalidated = await request.get(`${b}${JSON_ROUTE}`, { headers: { 'if-none-match': etag } });
  expect(revalidated.status()).toBe(304);
  expect(await revalidated.text()).toBe('');
});

test('a deal moved in the CRM reaches the pages on both instances, for one upstream refresh in all', async ({ context }) => {
  test.setTimeout(90_000);
  const { crm, relay } = running();
  const [pageA, pageB] = [await openLive(context, instance(0)), await openLive(context, instance(1))];
  const before = await truthCounts(crm);
  await expectShowing([pageA, pageB], before);

  // A seeded deal the app has never had a webhook for: its prior state is unknown, so this change
  // cannot be applied exactly; it costs one snapshot refresh, which one instance makes for both.
  const id = await seededDealIn(crm, 'NEW');
  const callsBefore = (await settledCalls(running())).length;
  const delivered = relay.deliveries.length;
  const moved: StageCounts = { ...before, NEW: (before.NEW ?? 0) - 1, SCREENING: (before.SCREENING ?? 0) + 1 };
  // Besides the pages, a plain SSE client on each instance times the change's arrival.
  const streams = await Promise.all([instance(0), instance(1)].map((url) => openSnapshotStream(`${url}${JSON_ROUTE}/events`)));
  try {
    await Promise.all(streams.map((s) => s.waitFor(() => true)));
    await crm.updateDeal(id, { stage: 'SCREENING' });
    const answeredAt = performance.now();
    const arrivals = await Promise.all(streams.map((s) => s.waitFor((snap) => STAGES.every((stage) => snap.counts.get(stage) === moved[stage]), { timeoutMs: 15_000 })));
    console.log(`[cluster] the move reached SSE clients on A and B ${arrivals.map((x) => `${Math.round(x.at - answeredAt)} ms`).join(' and ')} after the CRM's answer`);
    await expectShowing([pageA, pageB], moved);
  } finally {
    for (const stream of streams) stream.close();
  }
  expect(relay.deliveries.slice(delivered).map((d) => [d.target, d.status])).toEqual([[instance(0), 202]]);
  const refresh = (await settledCalls(running())).slice(callsBefore);
  console.log(`[cluster] move of a seeded deal: ${refresh.length} calls (${describeCalls(refresh)})`);
  expect(groupByCalls(refresh)).toBe(1);

  // A deal created now: its changes can be applied exactly (zero calls), at most one refresh.
  const createdBefore = (await settledCalls(running())).length;
  const fresh = await crm.createDeal({ name: 'Cluster e2e fresh', stage: 'MEETING', amount: { amountMicros: 2_000_000_000, currencyCode: 'USD' } });
  await expectShowing([pageA, pageB], { ...moved, MEETING: (moved.MEETING ?? 0) + 1 });
  await crm.updateDeal(fresh.id, { stage: 'PROPOSAL' });
  const final: StageCounts = { ...moved, PROPOSAL: (moved.PROPOSAL ?? 0) + 1 };
  await expectShowing([pageA, pageB], final);
  expect(await truthCounts(crm)).toEqual(final);
  const exact = (await settledCalls(running())).slice(createdBefore);
  console.log(`[cluster] create + move of a fresh deal: ${exact.length} calls (${describeCalls(exact)})`);
  expect(groupByCalls(exact)).toBeLessThanOrEqual(1);
});

test('a webhook delivery replayed to the other instance is refused as a replay', async ({ request }) => {
  const { crm, relay } = running();
  const [a, b] = [instance(0), instance(1)];
  const id = await seededDealIn(crm, 'MEETING');
  await crm.updateDeal(id, { stage: 'PROPOSAL' });
  const delivery = await relay.waitFor((d) => d.body.toString('utf8').includes(id));
  expect(delivery.target).toBe(a);
  expect(delivery.status).toBe(202);
  // Both instances settled on the change (same figures as the CRM, same snapshot) before the replay.
  const truth = await truthCounts(crm);
  for (const url of [a, b]) await expect.poll(() => jsonCounts(url)).toEqual(truth);
  await settledCalls(running());
  await expect.poll(async () => new Set(await Promise.all([a, b].map(async (url) => (await request.get(`${url}${JSON_ROUTE}`)).headers()['etag']))).size).toBe(1);
  const etagOnB = (await request.get(`${b}${JSON_ROUTE}`)).headers()['etag'];

  // The same bytes and signature headers, to B: valid signature, fresh timestamp, nonce seen on A.
  const replayed = await replayDelivery(delivery, b);
  expect(replayed.status).toBe(401);
  expect(await replayed.json()).toEqual({ error: 'replay' });
  const again = await replayDelivery(delivery, a);
  expect(again.status).toBe(401);
  // Had either instance acted on a replay, its refresh would show in the workspace's log: wait
  // until the app's calls have settled, then B must still serve the same snapshot.
  await settledCalls(running());
  expect((await request.get(`${b}${JSON_ROUTE}`)).headers()['etag']).toBe(etagOnB);
});

test('a Redis restart breaks neither instance: both keep serving, and agree again once it is back', async ({ context, request }) => {
  test.setTimeout(90_000);
  const { crm, redis } = running();
  const [a, b] = [instance(0), instance(1)];
  const [pageA, pageB] = [await openLive(context, a), await openLive(context, b)];
  await expectShowing([pageA, pageB], await truthCounts(crm));

  await redis.stop('SIGKILL');
  expect(redis.isRunning()).toBe(false);
  // Through the outage, once both instances have logged that Redis is gone: JSON answers, pages
  // stay live, and webhooks still apply on A.
  await expect.poll(() => running().apps.filter((app) => /redis down: /.test(app.output())).length).toBe(2);
  for (const url of [a, b]) expect((await request.get(`${url}${JSON_ROUTE}`)).status()).toBe(200);
  const during = await seededDealIn(crm, 'PROPOSAL');
  await crm.updateDeal(during, { stage: 'CUSTOMER' });
  const afterOutageChange = await truthCounts(crm);
  await expectShowing([pageA], afterOutageChange);
  for (const page of [pageA, pageB]) await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live');

  const callsBeforeRestart = (await settledCalls(running())).length;
  await redis.start();
  await running().waitForBusListeners(2);
  // B missed the change (the bus was down); the resync after reconnect brings it level, with one
  // refresh for both instances.
  await expectShowing([pageA, pageB], afterOutageChange, 15_000);
  const resync = (await settledCalls(running())).slice(callsBeforeRestart);
  console.log(`[cluster] resync after the Redis restart: ${resync.length} calls (${describeCalls(resync)})`);
  expect(groupByCalls(resync)).toBe(1);

  const after = await seededDealIn(crm, 'SCREENING');
  await crm.updateDeal(after, { stage: 'MEETING' });
  const final = await truthCounts(crm);
  await expectShowing([pageA, pageB], final);
  for (const url of [a, b]) expect((await request.get(`${url}${JSON_ROUTE}`)).status()).toBe(200);
  for (const page of [pageA, pageB]) await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live');
});
