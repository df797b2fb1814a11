import { afterAll, beforeAll } from 'vitest';
import { createSnapshotCache, type LoadedContent, type SnapshotCache } from '@/lib/cache';
import { createClusterSource, type ClusterSource, type ClusterSourceOptions } from '@/lib/cache/cluster/coordinator';
import { createRealtimeEngine, type RealtimeEngine } from '@/lib/live/engine';
import { dashboardDefaults, type DashboardConfig } from '@/lib/config/dashboard-schema';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import type { Snapshot } from '@/lib/pipeline/types';
import type { RedisConnection } from '@/lib/cache/redis/connection';
import { startSandbox, type Sandbox } from '@/sandbox/index';
import { classifyStaleReason } from '@/lib/server/stale-reason';
import { createCallBudget, createTwentyClient } from '@/lib/twenty';
import type { RedisHarness } from '@/tests/unit/cache/redis/harness';

// N app "instances" in one process, as the app would build them: each with its own Redis
// connections, its own Twenty client and its own snapshot cache, loading from one real demo
// workspace over HTTP. `upstream.loads` counts the real loads across all instances.

export const KEY = 'cluster-key';
export const BOARDS: DashboardConfig[] = [
  dashboardDefaults({ slug: 'sales', title: 'Sales', fields: ['name', 'amount', 'stage'], topDeals: 5 }),
  dashboardDefaults({ slug: 'emea', title: 'EMEA', currency: 'EUR', rates: { USD: '0.92' } }),
];

export type Instance = {
  id: string;
  redis: RedisConnection;
  coordinator: ClusterSource;
  cache: SnapshotCache;
  /** Everything this instance's subscribers heard, per slug. */
  heard: Map<string, Snapshot[]>;
  lines: string[];
};

export function sandboxForFile(): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: KEY, opportunities: 400, seed: 7, rateLimit: 1_000_000 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return () => {
    if (!sandbox) throw new Error('sandbox not started');
    return sandbox;
  };
}

export type Upstream = { loads: number; failNext: number };

export function sandboxLoad(sandbox: Sandbox, upstream: Upstream): (slug: string) => Promise<LoadedContent> {
  const twenty = createTwentyClient({ apiUrl: sandbox.url, apiKey: KEY, budget: createCallBudget({ perMinute: 100_000 }), log: () => {} });
  return async (slug) => {
    const dashboard = BOARDS.find((b) => b.slug === slug);
    if (!dashboard) throw new Error(`unknown dashboard ${slug}`);
    upstream.loads += 1;
    const now = new Date();
    const data = await twenty.fetchPipelineData(dashboard, now);
    return { ...buildSnapshotContent(data, dashboard, now, { demo: false }), asOf: data.fetchedAt };
  };
}

export type RigOptions = Partial<Omit<ClusterSourceOptions, 'redis' | 'instanceId' | 'loader'>> & { ttlMs?: number };

export async function startInstances(
  harness: RedisHarness,
  count: number,
  load: (slug: string) => Promise<LoadedContent>,
  opts: RigOptions = {},
): Promise<Instance[]> {
  const prefix = `c${process.pid}-${Math.random().toString(36).slice(2, 8)}:`;
  const ttlMs = opts.ttlMs ?? 60_000;
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const id = `I${i}`;
      const lines: string[] = [];
      const redis = await harness.connect({ prefix, lines });
      const coordinator = createClusterSource({ reuseWithinMs: ttlMs, pollMs: 20, ...opts, redis, instanceId: id, loader: { load }, log: (l) => lines.push(l) });
      const cache = createSnapshotCache({ source: coordinator, ttlMs, maxAgeMs: 600_000, retryAfterFailureMs: 0, classify: classifyStaleReason });
      await coordinator.start();
      const heard = new Map<string, Snapshot[]>();
      for (const board of BOARDS) {
        const list: Snapshot[] = [];
        heard.set(board.slug, list);
        cache.subscribe(board.slug, (s) => list.push(s));
      }
      return { id, redis, coordinator, cache, heard, lines };
    }),
  );
}

export async function stopInstances(instances: Instance[]): Promise<void> {
  await Promise.all(instances.map((i) => i.coordinator.stop()));
}

export const versionOn = (instance: Instance, slug: string) => instance.cache.peek(slug)?.version;
export const lastHeard = (instance: Instance, slug: string) => instance.heard.get(slug)?.at(-1);

/** One instance with the live engine, wired as lib/server/context.ts wires it in cluster mode. */
export type LiveNode = { engine: RealtimeEngine; coordinator: ClusterSource; cache: SnapshotCache };

export async function startLiveNode(harness: RedisHarness, sandbox: Sandbox, prefix: string, id: string, upstream: { loads: number }): Promise<LiveNode> {
  const redis = await harness.connect({ prefix });
  const budget = createCallBudget({ perMinute: 100_000 });
  const twenty = createTwentyClient({ apiUrl: sandbox.url, apiKey: KEY, budget, log: () => {} });
  const engine = createRealtimeEngine({
    dashboards: new Map(BOARDS.map((b) => [b.slug, b])),
    fetchData: (dashboard, now) => {
      upstream.loads += 1;
      return twenty.fetchPipelineData(dashboard, now);
    },
    budget,
    demo: false,
    debounceMs: 20,
    batchMs: 5,
    clockSkewMs: 0,
    reconcileIntervalMs: 3_600_000,
  });
  const coordinator = createClusterSource({ redis, instanceId: id, reuseWithinMs: 60_000, pollMs: 20, loader: engine });
  const cache = createSnapshotCache({ source: coordinator, reads: engine.reads, ttlMs: 60_000, maxAgeMs: 600_000, retryAfterFailureMs: 0, classify: classifyStaleReason });
  engine.connect(cache);
  await coordinator.start();
  return { engine, coordinator, cache };
}

/** Live nodes for one test file: started on demand, all stopped after the file; `upstream.loads` counts real loads. */
export function liveNodesForFile(harness: RedisHarness, sandbox: () => Sandbox): { startNode(prefix: string, id: string): Promise<LiveNode>; upstream: { loads: number } } {
  const nodes: LiveNode[] = [];
  const upstream = { loads: 0 };
  afterAll(async () => {
    for (const n of nodes) n.engine.stop();
    await Promise.all(nodes.map((n) => n.coordinator.stop()));
  });
  return {
    upstream,
    async startNode(prefix, id) {
      const node = await startLiveNode(harness, sandbox(), prefix, id, upstream);
      nodes.push(node);
      return node;
    },
  };
}
