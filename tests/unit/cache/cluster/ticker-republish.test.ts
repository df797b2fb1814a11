import { expect, test } from 'vitest';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import { createdAtOf } from '@/lib/live/created-at';
import type { SandboxChange } from '@/sandbox/events';
import { buildDeliveryBody } from '@/sandbox/webhooks/body';
import { createCallBudget, createTwentyClient } from '@/lib/twenty';
import { parseWebhookPayload } from '@/lib/live/webhook/payload';
import { redisServerForFile, sleep, until } from '@/tests/unit/cache/redis/harness';
import { BOARDS, KEY, sandboxForFile, liveNodesForFile, type LiveNode } from './rig';

// Each instance keeps its own ticker, so an instance that hears a webhook often republishes a
// snapshot whose figures are unchanged and whose ticker differs. The other instances show it,
// but their realtime state still describes every figure on screen: their next webhooks must
// stay exact updates (no upstream call), not turn into refreshes.

const harness = redisServerForFile();
const sandbox = sandboxForFile();
type Node = LiveNode;
const { startNode, upstream } = liveNodesForFile(harness, sandbox);

/** The workspace's webhooks, held until the test hands each one to an instance of its choice. */
function captureDeliveries(): { take(): string[]; stop(): void } {
  let bodies: string[] = [];
  const stop = sandbox().onChange((changes: SandboxChange[]) => {
    for (const change of changes) {
      bodies.push(buildDeliveryBody(change, { targetUrl: 'http://x', workspaceId: 'w', webhookId: 'h', eventDate: new Date().toISOString(), version: 'current' }));
    }
  });
  return {
    take: () => {
      const taken = bodies;
      bodies = [];
      return taken;
    },
    stop,
  };
}

function deliver(node: Node, bodies: string[]): void {
  for (const body of bodies) {
    const parsed = parseWebhookPayload(JSON.parse(body));
    if (!parsed.ok) throw new Error('the workspace sent a delivery we cannot parse');
    node.engine.accept(parsed.event, createdAtOf(new TextEncoder().encode(body)));
  }
}

async function truth(slug: string) {
  const dashboard = BOARDS.find((b) => b.slug === slug);
  if (!dashboard) throw new Error('no dashboard');
  const twenty = createTwentyClient({ apiUrl: sandbox().url, apiKey: KEY, budget: createCallBudget({ perMinute: 100_000 }), log: () => {} });
  const now = new Date();
  const { stages, kpis } = buildSnapshotContent(await twenty.fetchPipelineData(dashboard, now), dashboard, now, { demo: false });
  return { stages, kpis };
}

const actor = { source: 'API' as const, workspaceMemberId: null, name: 'test' };
const openCount = (n: Node) => n.cache.peek('sales')?.kpis.openCount ?? -1;
const tickerIds = (n: Node) => (n.cache.peek('sales')?.ticker ?? []).map((t) => t.id).join(',');

/** One instance loads, then hears a delivery of a change its load already holds: a ticker line only. */
async function loadedThenTickerOnly(prefix: string, deliveries: ReturnType<typeof captureDeliveries>): Promise<{ a: Node; openBefore: number }> {
  // Made before anyone loads, so the load holds it; its delivery is handed over only later.
  sandbox().workspace.writes.create([{ name: 'Already counted', stage: 'SCREENING', amount: { amountMicros: 3_000_000_000, currencyCode: 'USD' } }], actor);
  const early = deliveries.take();
  expect(early).toHaveLength(1);
  const a = await startNode(prefix, `${prefix}A`);
  await a.cache.get('sales');
  const openBefore = openCount(a);
  const tickerBefore = tickerIds(a);
  deliver(a, early);
  await until(() => tickerIds(a) !== tickerBefore);
  expect(a.engine.stats().reflected).toBe(1);
  expect(openCount(a)).toBe(openBefore);
  return { a, openBefore };
}

async function expectFigures(...shown: Node[]): Promise<void> {
  const expected = await truth('sales');
  for (const n of shown) expect({ stages: n.cache.peek('sales')?.stages, kpis: n.cache.peek('sales')?.kpis }).toEqual(expected);
}

test("an instance showing a peer's ticker-only republish still applies its own webhooks exactly", async () => {
  const deliveries = captureDeliveries();
  try {
    const prefix = `tkshow${process.pid}:`;
    const loadsAtStart = upstream.loads;
    const a = await startNode(prefix, 'A');
    const b = await startNode(prefix, 'B');
    // Made before anyone loads, so the load holds it; its delivery is handed over only later.
    sandbox().workspace.writes.create([{ name: 'Already counted', stage: 'SCREENING', amount: { amountMicros: 3_000_000_000, currencyCode: 'USD' } }], actor);
    const early = deliveries.take();
    await a.cache.get('sales');
    await b.cache.get('sales');
    expect(upstream.loads - loadsAtStart).toBe(1);
    const before = openCount(a);
    // Each engine flushes once after its load; a flush on B after A's republish would put B's own
    // (empty) ticker back on both, a race between tickers that is not what this test is about.
    await sleep(50);
    await until(() => a.engine.isSettled() && b.engine.isSettled());

    // On A the delivery changes no figure but adds a ticker line: A republishes, B shows it.
    deliver(a, early);
    await until(() => tickerIds(a) !== '' && tickerIds(b) === tickerIds(a));
    expect(a.engine.stats().reflected).toBe(1);

    await sleep(5); // created strictly after every load so far
    sandbox().workspace.writes.create([{ name: 'New on B', stage: 'MEETING', amount: { amountMicros: 4_000_000_000, currencyCode: 'USD' } }], actor);
    deliver(b, deliveries.take());
    await until(() => openCount(a) === before + 1 && openCount(b) === before + 1);
    await until(() => a.engine.isSettled() && b.engine.isSettled());
    expect(b.engine.stats().applied).toBe(1);
    expect(b.engine.stats().exactUpdatesAsRefresh).toBe(0);
    expect(upstream.loads - loadsAtStart).toBe(1);
    await expectFigures(a, b);
  } finally {
    deliveries.stop();
  }
});

test("an instance that joins on a ticker-only republish (older data, same figures) applies its webhooks exactly", async () => {
  const deliveries = captureDeliveries();
  try {
    const prefix = `tkjoin${process.pid}:`;
    const loadsAtStart = upstream.loads;
    const { a, openBefore } = await loadedThenTickerOnly(prefix, deliveries);
    // Redis now holds A's republished snapshot with the data of A's load, no longer marked current.
    const c = await startNode(prefix, 'C');
    await c.cache.get('sales');
    expect(c.coordinator.stats().reused).toBe(1);
    expect(upstream.loads - loadsAtStart).toBe(1);

    await sleep(5);
    sandbox().workspace.writes.create([{ name: 'New on C', stage: 'NEW', amount: { amountMicros: 2_000_000_000, currencyCode: 'USD' } }], actor);
    deliver(c, deliveries.take());
    await until(() => openCount(a) === openBefore + 1 && openCount(c) === openBefore + 1);
    await until(() => a.engine.isSettled() && c.engine.isSettled());
    expect(c.engine.stats().applied).toBe(1);
    expect(c.engine.stats().exactUpdatesAsRefresh).toBe(0);
    expect(upstream.loads - loadsAtStart).toBe(1);
    await expectFigures(a, c);
  } finally {
    deliveries.stop();
  }
});
