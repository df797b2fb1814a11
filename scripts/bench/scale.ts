// Scale benchmark: `npx tsx scripts/bench/scale.ts [--sizes 1000,10000,100000] [--instances 1,2,4]
// [--viewers 10] [--changes 10] [--interval-ms 1000] [--opportunities 2000] [--max-seconds 900]`.
// Needs a build (`NEXT_DIST_DIR=.next-bench npx next build`; the same NEXT_DIST_DIR is used here)
// and redis-server. Loopback only: every process (workspace, apps, Redis) is started and ended here.
// (i) Pipeline size: one app, no Redis; upstream calls, time to the first snapshot and the app
//     process's memory with the groupBy strategy, for each size (scale-size.ts).
// (ii) Instances: N apps on one Redis, webhooks round-robin, V SSE viewers per instance; upstream
//     calls per change and webhook-to-screen latency across all viewers (scale-instances.ts).
//     "existing" moves seeded deals (each a refresh), "fresh" moves a deal created meanwhile
//     (exact updates); deliveries round-robin over the instances, then all to one.
//     Target: calls per change do not grow with instances or viewers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { measureInstances, type InstancesRow } from './scale-instances';
import { measureSize, type SizeRow } from './scale-size';

const list = (def: string) =>
  z
    .string()
    .regex(/^\d+(,\d+)*$/, 'a comma-separated list such as 1,2,4')
    .default(def)
    .transform((v) => v.split(',').map(Number));

const flags = z
  .object({
    sizes: list('1000,10000,100000'),
    instances: list('1,2,4'),
    viewers: z.coerce.number().int().min(1).max(1_000).default(10),
    changes: z.coerce.number().int().min(1).max(200).default(10),
    'interval-ms': z.coerce.number().int().min(0).max(60_000).default(1_000),
    opportunities: z.coerce.number().int().min(100).max(200_000).default(2_000),
    'max-seconds': z.coerce.number().int().min(30).max(3_600).default(900),
  })
  .strict()
  .parse(Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((pair) => pair.trim().split(/\s+/))));

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;
const ms = (x: number) => (Number.isNaN(x) ? '—' : `${x.toFixed(0)} ms`);
const mb = (x: number) => `${x.toFixed(0)} MB`;

function printSizes(rows: SizeRow[]): void {
  console.log('\n(i) pipeline size — one app process, no Redis (memory: RSS of the app server process tree)');
  console.log('| opportunities | strategy | upstream HTTP calls | root fields | time to first snapshot | RSS idle → after | peak RSS (VmHWM) |');
  console.log('|---:|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.opportunities.toLocaleString('en-US')} | ${r.strategy} | ${r.calls} | ${r.rootFields} | ${ms(r.firstSnapshotMs)} | ${mb(r.rssBeforeMb)} → ${mb(r.rssAfterMb)} | ${mb(r.peakRssMb)} |`);
  }
}

function printInstances(rows: InstancesRow[]): void {
  console.log(`\n(ii) instances on one Redis — ${flags.viewers} SSE viewers per instance, ${flags.changes} changes per row, ${flags.opportunities} opportunities`);
  console.log('| instances | viewers | webhooks | change | upstream HTTP calls / change | snapshot refreshes (groupBy) / change | samples | timeouts | p50 | p95 | max |');
  console.log('|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const s = r.samples;
    console.log(
      `| ${r.instances} | ${r.viewers} | ${r.routing} | ${r.kind} | ${r.callsPerChange.toFixed(2)} | ${r.refreshesPerChange.toFixed(2)} | ${s.length} | ${r.timeouts} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 95))} | ${ms(Math.max(...s))} |`,
    );
  }
  for (const routing of ['round-robin', 'pinned'] as const) {
    for (const kind of ['existing', 'fresh'] as const) {
      // One instance has no routing to speak of: it belongs to both comparisons.
      const same = rows.filter((r) => r.kind === kind && (r.routing === routing || r.instances === 1));
      const refreshes = same.map((r) => `${r.instances}: ${r.refreshesPerChange.toFixed(2)}`);
      const flat = new Set(same.map((r) => r.refreshesPerChange.toFixed(2))).size === 1;
      console.log(`webhooks ${routing}, ${kind} deals: refreshes per change ${flat ? 'independent of' : 'DEPEND ON'} the instance count (${refreshes.join(', ')})`);
    }
  }
}

async function main(): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  if (!existsSync(join(distDir, 'BUILD_ID'))) throw new Error(`no build in ${distDir}: run NEXT_DIST_DIR=${distDir} npx next build first`);
  // Each measurement stops its processes in `finally`; past the time limit, they are stopped here.
  const running = new Set<() => Promise<void>>();
  const track = (stop: () => Promise<void>) => {
    running.add(stop);
    return () => void running.delete(stop);
  };
  const guard = setTimeout(() => {
    console.error(`scale: stopped after ${flags['max-seconds']} s`);
    void Promise.allSettled([...running].map((stop) => stop())).finally(() => process.exit(1));
  }, flags['max-seconds'] * 1_000);
  guard.unref();

  const sizes: SizeRow[] = [];
  for (const opportunities of flags.sizes) {
    const row = await measureSize(opportunities, track);
    sizes.push(row);
    console.log(`size ${opportunities}: ${row.calls} calls, first snapshot in ${ms(row.firstSnapshotMs)}, peak ${mb(row.peakRssMb)}`);
  }
  const instances: InstancesRow[] = [];
  for (const n of flags.instances) {
    const rows = await measureInstances({ instances: n, viewersPerInstance: flags.viewers, changes: flags.changes, intervalMs: flags['interval-ms'], opportunities: flags.opportunities }, track);
    instances.push(...rows);
    for (const r of rows) console.log(`${n} instance(s), webhooks ${r.routing}, ${r.kind}: ${r.refreshesPerChange.toFixed(2)} refreshes/change, p95 ${ms(percentile(r.samples, 95))}, ${r.timeouts} timeouts`);
  }
  console.log(`\nbuild ${distDir}; every process on 127.0.0.1`);
  printSizes(sizes);
  printInstances(instances);
  clearTimeout(guard);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
