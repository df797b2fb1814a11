import { z } from 'zod';
import { groupByCalls, startCluster, type Cluster } from '@/tests/e2e/support/cluster';
import { openSnapshotStream, type SnapshotStream, type StreamedSnapshot } from '@/tests/e2e/support/cluster-stream';

// Part (ii) of scripts/bench/scale.ts: N instances of the built app behind one Redis, Twenty's
// deliveries spread round-robin over them by a load balancer (then all sent to one), V SSE
// viewers on every instance. A CRM user makes K changes; per change we count the instances'
// upstream calls and time every viewer on every instance from the mutation's answer to the first
// snapshot showing the change.

export type ChangeKind = 'existing' | 'fresh';
/** How the load balancer spreads Twenty's deliveries: over every instance, or all to one. */
export type Routing = 'round-robin' | 'pinned';
export type InstancesRow = {
  instances: number;
  viewers: number;
  routing: Routing;
  kind: ChangeKind;
  changes: number;
  callsPerChange: number;
  refreshesPerChange: number;
  samples: number[];
  timeouts: number;
};
export type InstancesOptions = { instances: number; viewersPerInstance: number; changes: number; intervalMs: number; opportunities: number };

const STAGES = ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL'] as const;
const ROUND_TIMEOUT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const idsPage = z.object({ opportunities: z.object({ edges: z.array(z.object({ node: z.object({ id: z.string() }) })) }) });

/** The instances' calls once none has come for a second (a refresh in flight has finished). */
async function settledCallCount(cluster: Cluster): Promise<{ all: number; refreshes: number }> {
  let calls = await cluster.appCalls();
  for (let quietSince = Date.now(); Date.now() - quietSince < 1_000; ) {
    await sleep(200);
    const now = await cluster.appCalls();
    if (now.length !== calls.length) quietSince = Date.now();
    calls = now;
  }
  return { all: calls.length, refreshes: groupByCalls(calls) };
}

type Counts = Map<string, number>;
const moved = (counts: Counts, from: string, to: string): Counts => new Map([...counts, [from, (counts.get(from) ?? 0) - 1], [to, (counts.get(to) ?? 0) + 1]]);
const shows = (want: Counts) => (s: StreamedSnapshot) => [...want].every(([stage, n]) => s.counts.get(stage) === n);

/** Runs one mutation and times every viewer to the first snapshot (after it) that shows `want`. */
async function timedChange(streams: SnapshotStream[], want: Counts, mutate: () => Promise<unknown>): Promise<(number | null)[]> {
  const since = streams.map((s) => s.snapshots.length);
  await mutate();
  const answeredAt = performance.now();
  return Promise.all(
    streams.map((s, i) =>
      s.waitFor(shows(want), { sinceIndex: since[i], timeoutMs: ROUND_TIMEOUT_MS }).then(
        (hit) => hit.at - answeredAt,
        () => null,
      ),
    ),
  );
}

type Round = { kind: ChangeKind; routing: Routing };

async function round(cluster: Cluster, streams: SnapshotStream[], { kind, routing }: Round, opts: InstancesOptions, counts: Counts): Promise<{ row: InstancesRow; counts: Counts }> {
  const { crm } = cluster;
  const row: InstancesRow = { instances: opts.instances, viewers: streams.length, routing, kind, changes: opts.changes, callsPerChange: 0, refreshesPerChange: 0, samples: [], timeouts: 0 };
  const record = (latencies: (number | null)[]) => {
    for (const ms of latencies) if (ms === null) row.timeouts += 1;
    else row.samples.push(ms);
  };
  let freshId = '';
  if (kind === 'fresh') {
    // Created while everyone watches (not counted): its later moves are exact updates.
    counts = new Map([...counts, ['NEW', (counts.get('NEW') ?? 0) + 1]]);
    await timedChange(streams, counts, async () => (freshId = (await crm.createDeal({ name: 'Scale bench deal', stage: 'NEW', amount: { amountMicros: 5_000_000_000, currencyCode: 'USD' } })).id));
  }
  // Seeded deals the app has had no webhook for: each move is a refresh (unknown prior state).
  const seeded = kind === 'existing' ? idsPage.parse(await crm.graphql('/graphql', `query { opportunities(filter: { stage: { in: [NEW] } }, first: ${opts.changes}) { edges { node { id } } } }`)) : undefined;
  const before = await settledCallCount(cluster);
  for (let k = 0; k < opts.changes; k++) {
    const started = performance.now();
    const from = kind === 'fresh' ? (STAGES[k % STAGES.length] ?? 'NEW') : 'NEW';
    const to = kind === 'fresh' ? (STAGES[(k + 1) % STAGES.length] ?? 'SCREENING') : 'SCREENING';
    const id = kind === 'fresh' ? freshId : (seeded?.opportunities.edges[k]?.node.id ?? '');
    counts = moved(counts, from, to);
    record(await timedChange(streams, counts, () => crm.updateDeal(id, { stage: to })));
    await sleep(Math.max(0, opts.intervalMs - (performance.now() - started)));
  }
  const after = await settledCallCount(cluster);
  row.callsPerChange = (after.all - before.all) / opts.changes;
  row.refreshesPerChange = (after.refreshes - before.refreshes) / opts.changes;
  return { row, counts };
}

/** `track` is told how to stop the processes while they run (the caller's time limit uses it). */
export async function measureInstances(opts: InstancesOptions, track: (stop: () => Promise<void>) => () => void): Promise<InstancesRow[]> {
  const cluster = await startCluster({
    instances: opts.instances,
    opportunities: opts.opportunities,
    rateLimit: 100_000,
    // Only changes drive refreshes; the budget is lifted so it never holds a refresh back.
    env: { CACHE_TTL_MS: '300000', STAGE_OPTIONS_TTL_MS: '300000', UPSTREAM_CALLS_PER_MINUTE: '6000', LOG_LEVEL: 'error' },
  });
  const untrack = track(cluster.stop);
  const streams: SnapshotStream[] = [];
  try {
    await cluster.waitForBusListeners(opts.instances);
    for (const app of cluster.apps) {
      for (let v = 0; v < opts.viewersPerInstance; v++) streams.push(await openSnapshotStream(`${app.url}/api/dashboards/pipeline/events`));
    }
    const firsts = await Promise.all(streams.map((s) => s.waitFor(() => true, { timeoutMs: 60_000 })));
    let counts: Counts = new Map(firsts[0]?.counts ?? []);
    const rows: InstancesRow[] = [];
    // With one instance both routings are the same thing.
    for (const routing of opts.instances > 1 ? (['round-robin', 'pinned'] as const) : (['round-robin'] as const)) {
      const first = cluster.apps[0];
      cluster.relay.route(routing === 'pinned' && first ? [first.url] : cluster.apps.map((app) => app.url));
      for (const kind of ['existing', 'fresh'] as const) {
        const result = await round(cluster, streams, { kind, routing }, opts, counts);
        rows.push(result.row);
        counts = result.counts;
      }
    }
    return rows;
  } finally {
    for (const s of streams) s.close();
    untrack();
    await cluster.stop();
  }
}
