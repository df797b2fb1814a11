// Snapshot cost benchmark: `npx tsx scripts/bench/snapshot.ts [--sizes 1000,10000,100000]`.
// For each size, a demo workspace in this process (real HTTP, generous rate limit) and a fresh
// Twenty client per strategy — groupBy, aggregate and paging on the 2.21 workspace, aggregate on
// v0.55: upstream calls and wall time to the first PipelineData, plus what the same pass would
// take at a 60 calls/min budget. The 2.21 strategies must show identical numbers (exit 1 if not).
import { spawnSync } from 'node:child_process';
import { z } from 'zod';
import type { SnapshotContent } from '@/lib/pipeline/types';

// lib/twenty holds the API key and is marked `server-only`, which loads only under the
// react-server condition (as inside Next).
if (!process.execArgv.some((arg) => arg.includes('react-server'))) {
  const child = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const flags = z
  .object({
    sizes: z
      .string()
      .regex(/^\d+(,\d+)*$/, 'sizes is a comma-separated list such as 1000,10000')
      .default('1000,10000,100000')
      .transform((s) => s.split(',').map(Number)),
    seed: z.coerce.number().int().default(1),
  })
  .strict()
  .parse(Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((pair) => pair.trim().split(/\s+/))));

const KEY = 'bench-key';
const NOW = new Date('2027-03-15T12:00:00Z');
const BUDGET_RATE = 60;

type Row = { size: number; version: string; strategy: string; calls: number; tokens: number; ms: number; groups: number; nextCalls: number; atBudget: string };

/** At the budget's pace; a token is a root field, which is what Twenty's limits count. */
function minutes(tokens: number): string {
  const m = tokens / BUDGET_RATE;
  return m < 1 ? `${Math.round(m * 60)} s` : `${m.toFixed(1)} min`;
}

/** What a viewer sees (every figure, the average deal included), whatever the strategy. */
function signature(content: SnapshotContent): string {
  return JSON.stringify({ ...content, strategy: 'any' });
}

async function main() {
  const { startSandbox } = await import('@/sandbox/index');
  const { createTwentyClient } = await import('@/lib/twenty/client');
  const { createCallBudget } = await import('@/lib/twenty/budget');
  const { dashboardDefaults } = await import('@/lib/config/dashboard-schema');
  const { buildSnapshotContent } = await import('@/lib/pipeline/snapshot');
  const dashboard = dashboardDefaults({ slug: 'bench', title: 'Bench', timeZone: 'Europe/Berlin', rates: { EUR: '1.08' } });
  const rows: Row[] = [];

  for (const size of flags.sizes) {
    const byStrategy = new Map<string, string>();
    const plan = [
      { version: '2.21', label: 'groupBy', options: {} },
      { version: '2.21', label: 'aggregate', options: { forceStrategy: 'aggregate' as const } },
      { version: '2.21', label: 'paging', options: { forceStrategy: 'paging' as const } },
      { version: '0.55', label: 'aggregate (v0.55)', options: {} },
    ] as const;
    for (const { version, label, options } of plan) {
      const sandbox = await startSandbox({ port: 0, apiKey: KEY, twentyVersion: version, opportunities: size, seed: flags.seed, anchor: '2027-03-15', rateLimit: 100_000_000 });
      try {
        // A budget far above the sandbox's pace, so the figure is the work, not the throttle.
        const budget = createCallBudget({ perMinute: 1e9, burst: 1e9, maxWaitMs: 0 });
        const started = performance.now();
        const client = createTwentyClient({ apiUrl: sandbox.url, apiKey: KEY, budget, timeoutMs: 120_000, log: () => {}, ...options });
        const data = await client.fetchPipelineData(dashboard, NOW);
        const ms = performance.now() - started;
        const calls = client.callCount();
        const tokens = budget.stats().acquired;
        // A later refresh: capabilities and (within their TTL) stage options are already known.
        await client.fetchPipelineData(dashboard, NOW);
        const nextCalls = client.callCount() - calls;
        if (version === '2.21') byStrategy.set(label, signature(buildSnapshotContent(data, dashboard, NOW, { demo: false })));
        rows.push({ size, version, strategy: data.strategy, calls, tokens, ms, groups: data.groups.length, nextCalls, atBudget: minutes(tokens) });
        console.log(`${size} opportunities, ${label}: ${calls} calls (${tokens} root fields), ${ms.toFixed(0)} ms, ${data.groups.length} groups`);
      } finally {
        await sandbox.close();
      }
    }
    const same = new Set(byStrategy.values()).size === 1;
    console.log(`${size} opportunities: groupBy, aggregate and paging numbers ${same ? 'identical' : 'DIFFER'}`);
    if (!same) process.exitCode = 1;
  }

  console.log('\n| opportunities | server | strategy | HTTP calls (first) | root fields | time to first PipelineData | at 60/min | calls per later refresh |');
  console.log('|---:|---|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const size = r.size.toLocaleString('en-US');
    console.log(`| ${size} | ${r.version} | ${r.strategy} | ${r.calls} | ${r.tokens} | ${r.ms.toFixed(0)} ms | ${r.atBudget} | ${r.nextCalls} |`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
