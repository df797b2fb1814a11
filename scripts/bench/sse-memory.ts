// Server memory with many live viewers: `npx tsx scripts/bench/sse-memory.ts [--clients 1000]
// [--hold-seconds 30] [--moves 5] [--opportunities 150] [--twenty-version current|0.55]`.
// Needs a build (`NEXT_DIST_DIR=.next-bench npx next build`; the same NEXT_DIST_DIR is used here).
// Starts the demo workspace and the app (server.ts) as child processes, then samples the app process's
// RSS (/proc/<pid>/status) and V8 heap (a preloaded probe answers SIGUSR2 after a full GC) with
// no viewer, with N SSE clients connected, after changes fanned out to all of them, while they
// idle, and after they all left (a leak shows as memory that does not come back down).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { BENCH_HEALTH_HEADERS, startBenchStack, type BenchStack } from '@/tests/e2e/support/app-process';

const flags = z
  .object({
    clients: z.coerce.number().int().min(1).max(20_000).default(1_000),
    'hold-seconds': z.coerce.number().int().min(1).max(600).default(30),
    moves: z.coerce.number().int().min(0).max(100).default(5),
    opportunities: z.coerce.number().int().min(10).max(200_000).default(150),
    'twenty-version': z.enum(['2.21', 'current', '0.55']).default('2.21').transform((v) => (v === 'current' ? '2.21' : v)),
  })
  .strict()
  .parse(Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((pair) => pair.trim().split(/\s+/))));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).padStart(7);

// Runs inside the app process (NODE_OPTIONS --require): on SIGUSR2, a full GC, then the figures.
const PROBE = `const v8 = require('v8'); v8.setFlagsFromString('--expose-gc');
const gc = require('vm').runInNewContext('gc');
process.on('SIGUSR2', () => { gc(); require('fs').writeFileSync(process.env.PW_MEMORY_PROBE_OUT + '.' + process.pid, JSON.stringify(process.memoryUsage())); });`;

const usageSchema = z.object({ rss: z.number(), heapUsed: z.number(), heapTotal: z.number(), external: z.number(), arrayBuffers: z.number() });
type Sample = { phase: string; rssKb: number; heapUsed: number; external: number; streams: number; snapshots: number };

function rssKbOf(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? Number.NaN);
}

/** The app server process and any node process under it (Next may serve from a child). */
function processTree(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return [pid, ...children.flatMap(processTree)];
}

async function heapOf(pid: number, out: string): Promise<z.infer<typeof usageSchema>> {
  const file = `${out}.${pid}`;
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 200 && !existsSync(file); i++) await sleep(25);
  await sleep(25);
  return usageSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

type Viewer = { first: Promise<void>; close(): void };
let snapshotsReceived = 0;

/** An SSE viewer that reads (and drops) everything, counting snapshots, as a browser tab would. */
async function connect(url: string): Promise<Viewer> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
  if (!response.ok || !response.body) throw new Error(`SSE answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let seen: () => void = () => {};
  const first = new Promise<void>((resolve) => (seen = resolve));
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) return;
      const events = value.split('event: snapshot').length - 1;
      if (events > 0) {
        snapshotsReceived += events;
        seen();
      }
    }
  })();
  return { first, close: () => abort.abort() };
}

async function moveSomeDeal(stack: BenchStack, index: number): Promise<void> {
  const call = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${stack.sandboxUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.userKey}` },
      body: JSON.stringify({ query, variables }),
    });
    return z.object({ data: z.unknown() }).parse(await response.json()).data;
  };
  const page = z
    .object({ opportunities: z.object({ edges: z.array(z.object({ node: z.object({ id: z.string(), stage: z.string() }) })) }) })
    .parse(await call('query { opportunities(first: 20) { edges { node { id stage } } } }', {}));
  const deal = page.opportunities.edges[index % page.opportunities.edges.length]?.node;
  if (!deal) return;
  const stage = deal.stage === 'MEETING' ? 'PROPOSAL' : 'MEETING';
  await call('mutation M($id: UUID!, $data: OpportunityUpdateInput!) { updateOpportunity(id: $id, data: $data) { id } }', { id: deal.id, data: { stage } });
}

async function main(): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  if (!existsSync(join(distDir, 'BUILD_ID'))) throw new Error(`no build in ${distDir}: run NEXT_DIST_DIR=${distDir} npx next build first`);
  const probe = join(tmpdir(), `pipeline-wall-probe-${process.pid}.cjs`);
  const out = join(tmpdir(), `pipeline-wall-probe-${process.pid}.json`);
  writeFileSync(probe, PROBE);
  const stack = await startBenchStack({
    opportunities: flags.opportunities,
    version: flags['twenty-version'],
    appEnv: { NODE_OPTIONS: `--require ${probe}`, PW_MEMORY_PROBE_OUT: out },
  });
  const viewers: Viewer[] = [];
  const samples: Sample[] = [];
  try {
    const eventsUrl = `${stack.appUrl}/api/dashboards/${stack.slug}/events`;
    const sample = async (phase: string) => {
      const pids = processTree(stack.app.pid);
      const rssKb = pids.reduce((sum, pid) => sum + rssKbOf(pid), 0);
      const heaps = await Promise.all(pids.map((pid) => heapOf(pid, out).catch(() => null)));
      const health = z.object({ realtime: z.object({ streams: z.object({ open: z.number() }).loose().optional() }).loose().optional() }).loose();
      const streams = health.parse(await (await fetch(`${stack.appUrl}/api/health`, { headers: BENCH_HEALTH_HEADERS })).json()).realtime?.streams?.open ?? Number.NaN;
      const sum = (key: 'heapUsed' | 'external') => heaps.reduce((total, h) => total + (h?.[key] ?? 0), 0);
      samples.push({ phase, rssKb, heapUsed: sum('heapUsed'), external: sum('external'), streams, snapshots: snapshotsReceived });
    };
    // Warm: the first page view and snapshot load the code paths every viewer uses.
    for (let i = 0; i < 3; i++) await (await fetch(`${stack.appUrl}/d/${stack.slug}`)).text();
    await (await connect(eventsUrl)).first.then(() => sleep(500));
    await sample('no viewers (warm)');
    const started = performance.now();
    for (let i = 0; i < flags.clients; i += 100) {
      const batch = await Promise.all(Array.from({ length: Math.min(100, flags.clients - i) }, () => connect(eventsUrl)));
      viewers.push(...batch);
    }
    await Promise.all(viewers.map((v) => v.first));
    console.log(`${flags.clients} SSE clients connected and served their first snapshot in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await sample(`${flags.clients} connected`);
    for (let i = 0; i < flags.moves; i++) {
      await moveSomeDeal(stack, i);
      await sleep(1_500);
    }
    await sample(`after ${flags.moves} changes fanned out`);
    await sleep(flags['hold-seconds'] * 1_000);
    await sample(`idle ${flags['hold-seconds']} s (heartbeats)`);
    viewers.forEach((v) => v.close());
    await sleep(3_000);
    await sample('all disconnected');
  } finally {
    viewers.forEach((v) => v.close());
    await stack.stop();
    rmSync(probe, { force: true });
  }
  console.log('phase                              |  RSS MB | heap MB | external MB | open streams | snapshots received');
  for (const s of samples) {
    console.log(`${s.phase.padEnd(34)} | ${mb(s.rssKb * 1024)} | ${mb(s.heapUsed)} | ${mb(s.external).padStart(11)} | ${String(s.streams).padStart(12)} | ${s.snapshots}`);
  }
  const [base, connected] = samples;
  if (base && connected) {
    const perClient = ((connected.rssKb - base.rssKb) / flags.clients).toFixed(1);
    const heapPer = ((connected.heapUsed - base.heapUsed) / 1024 / flags.clients).toFixed(1);
    console.log(`per connected client: ≈ ${perClient} KB RSS, ≈ ${heapPer} KB heap`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
