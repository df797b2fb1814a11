import { describe, expect, test } from 'vitest';
import type { SnapshotCache } from '@/lib/cache';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import { createdAtOf } from '@/lib/live/created-at';
import type { SandboxChange } from '@/sandbox/events';
import { buildDeliveryBody } from '@/sandbox/webhooks/body';
import { createCallBudget, createTwentyClient } from '@/lib/twenty';
import { parseWebhookPayload } from '@/lib/live/webhook/payload';
import { redisServerForFile, sleep, until } from '@/tests/unit/cache/redis/harness';
import { BOARDS, KEY, sandboxForFile, liveNodesForFile, type LiveNode } from './rig';

// Two instances wired exactly as lib/server/context.ts should wire them in cluster mode:
// realtime engine + coordinator + snapshot cache, webhooks delivered to one instance at a time.

const harness = redisServerForFile();
const sandbox = sandboxForFile();
type Node = LiveNode;
const { startNode, upstream } = liveNodesForFile(harness, sandbox);

/** The CRM's webhooks, each delivered to whichever instance `target` names at that moment. */
function deliverTo(target: () => Node): () => void {
  const s = sandbox();
  return s.onChange((changes: SandboxChange[]) => {
    for (const change of changes) {
      const body = buildDeliveryBody(change, { targetUrl: 'http://x', workspaceId: 'w', webhookId: 'h', eventDate: new Date().toISOString(), version: 'current' });
      const parsed = parseWebhookPayload(JSON.parse(body));
      if (parsed.ok) target().engine.accept(parsed.event, createdAtOf(new TextEncoder().encode(body)));
    }
  });
}

async function truth(slug: string) {
  const dashboard = BOARDS.find((b) => b.slug === slug);
  if (!dashboard) throw new Error('no dashboard');
  const twenty = createTwentyClient({ apiUrl: sandbox().url, apiKey: KEY, budget: createCallBudget({ perMinute: 100_000 }), log: () => {} });
  const now = new Date();
  const { stages, kpis } = buildSnapshotContent(await twenty.fetchPipelineData(dashboard, now), dashboard, now, { demo: false });
  return { stages, kpis };
}

const figures = (cache: SnapshotCache, slug: string) => {
  const s = cache.peek(slug);
  return s && { stages: s.stages, kpis: s.kpis };
};

describe('cluster with the realtime engine', () => {
  test('a webhook on the instance that did not load applies exactly there and reaches the other; a stale instance refreshes instead', async () => {
    const prefix = `rt${process.pid}:`;
    const a = await startNode(prefix, 'A');
    const b = await startNode(prefix, 'B');
    await a.cache.get('sales');
    await b.cache.get('sales');
    expect(upstream.loads).toBe(1);
    // B took A's snapshot but built its own realtime state from the same data (no upstream call).
    expect(b.engine.stats().loads).toBe(1);

    let target = b;
    const stop = deliverTo(() => target);
    const actor = { source: 'API' as const, workspaceMemberId: null, name: 'test' };
    const openCount = (n: Node) => n.cache.peek('sales')?.kpis.openCount ?? -1;
    try {
      const before = openCount(a);
      await sleep(5); // created strictly after the load
      sandbox().workspace.writes.create([{ name: 'New on B', stage: 'MEETING', amount: { amountMicros: 42_000_000_000, currencyCode: 'USD' } }], actor);
      await until(() => openCount(a) === before + 1 && openCount(b) === before + 1);
      expect(a.cache.peek('sales')?.version).toBe(b.cache.peek('sales')?.version);
      expect(upstream.loads).toBe(1);
      expect(b.engine.stats().applied).toBe(1);
      expect(figures(a.cache, 'sales')).toEqual(await truth('sales'));

      // A shows B's exact update but its own realtime state predates it: a webhook on A must not
      // be applied to that older state. It becomes one refresh, and both end on the CRM's numbers.
      target = a;
      sandbox().workspace.writes.create([{ name: 'New on A', stage: 'NEW', amount: { amountMicros: 7_000_000_000, currencyCode: 'USD' } }], actor);
      await until(() => openCount(a) === before + 2 && openCount(b) === before + 2);
      await until(() => a.engine.isSettled() && b.engine.isSettled());
      // One refresh for the whole cluster (normally A's exact update turned into a refresh).
      expect(upstream.loads).toBe(2);
      const expected = await truth('sales');
      expect(figures(a.cache, 'sales')).toEqual(expected);
      expect(figures(b.cache, 'sales')).toEqual(expected);
    } finally {
      stop();
    }
  });
});
