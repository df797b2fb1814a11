// Webhook storm benchmark: `npx tsx scripts/bench/realtime.ts [--deliveries 1000] [--seconds 10]
// [--opportunities 2000] [--twenty-version current|0.55]`. In one process: the demo workspace
// (real HTTP), the app's context with the real Twenty client, and a loopback receiver that hands
// every signed delivery to the real POST /api/webhooks/twenty route. A CRM user makes N changes
// in S seconds; we count upstream calls and check the snapshot against a fresh fetch.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

// Modules marked `server-only` load only under the react-server condition (as in Next).
if (!process.execArgv.some((arg) => arg.includes('react-server'))) {
  const child = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const flags = z
  .object({
    deliveries: z.coerce.number().int().min(1).max(100_000).default(1_000),
    seconds: z.coerce.number().positive().max(600).default(10),
    opportunities: z.coerce.number().int().min(10).max(200_000).default(2_000),
    'twenty-version': z.enum(['2.21', 'current', '0.55']).default('2.21').transform((v) => (v === 'current' ? '2.21' : v)),
  })
  .strict()
  .parse(Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((pair) => pair.trim().split(/\s+/))));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

type SandboxHandle = Awaited<ReturnType<(typeof import('@/sandbox'))['startSandbox']>>;

/** A CRM user in a hurry: moves and re-prices existing deals, creates deals and edits, deletes, restores, destroys them. */
function stormOf(sandbox: SandboxHandle) {
  let seed = 0x5eed;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const pick = <T,>(xs: readonly T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];
  const writes = sandbox.workspace.writes;
  const stages = sandbox.workspace.metadata.stageOptions().map((o) => o.value);
  const existing = sandbox.store.opportunities.all().filter((r) => r.deletedAt === null).map((r) => r.id);
  const created: string[] = [];
  const trashed: string[] = [];
  const actor = { source: 'API', workspaceMemberId: null, name: 'bench' };
  const money = () => ({ amountMicros: Math.round(rnd() * 200_000) * 1_000_000, currencyCode: rnd() < 0.15 ? 'EUR' : 'USD' });
  const fields = () => ({ stage: pick(stages), amount: money(), closeDate: Date.now() + Math.round((rnd() - 0.2) * 300) * 86_400_000 });
  let writesMade = 0;
  return {
    expectedDeliveries: () => writesMade,
    next(): void {
      const r = rnd();
      const mine = pick(created);
      try {
        if (r < 0.35) writes.update(pick(existing) ?? '', { stage: pick(stages), amount: money() });
        else if (r < 0.4) writes.update(pick(existing) ?? '', { position: Math.round(rnd() * 1_000) });
        else if (r < 0.65 || !mine) created.push(...writes.create([{ name: `Storm deal ${writesMade}`, ...fields() }], actor).map((row) => row.id));
        else if (r < 0.9) writes.update(mine, fields());
        else if (r < 0.95) trashed.push(writes.softDelete(created.splice(created.indexOf(mine), 1)[0] ?? '').id);
        else if (r < 0.98 && trashed.length > 0) created.push(writes.restore(trashed.pop() ?? '').id);
        else if (trashed.length > 0) writes.destroy(trashed.pop() ?? '');
        else writes.update(mine, { name: `Renamed ${writesMade}` });
        writesMade += 1;
      } catch (error) {
        console.error('storm write failed', error);
      }
    },
  };
}

async function main(): Promise<void> {
  const { startSandbox } = await import('@/sandbox');
  const { canonicalJson } = await import('@/lib/pipeline/version');
  const { buildSnapshotContent } = await import('@/lib/pipeline/snapshot');
  const { dealKeyerFor } = await import('@/lib/pipeline/deal-key');
  const { createTwentyClient } = await import('@/lib/twenty');
  const { createCallBudget } = await import('@/lib/twenty/budget');

  const received: number[] = [];
  const handlerMs: number[] = [];
  const statuses = new Map<number, number>();
  const app: { route?: (request: Request) => Promise<Response> } = {};
  const receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const started = performance.now();
    const response = app.route ? await app.route(new Request(`http://127.0.0.1${req.url ?? '/'}`, { method: req.method, headers, body: Buffer.concat(chunks) })) : new Response(null, { status: 503 });
    handlerMs.push(performance.now() - started);
    received.push(Date.now());
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    res.writeHead(response.status, { 'content-type': 'application/json' });
    res.end(await response.text());
  });
  const receiverPort = await listen(receiver);

  const apiKey = `bench-${randomBytes(16).toString('hex')}`;
  const secret = randomBytes(24).toString('hex');
  const sandbox = await startSandbox({
    port: 0,
    apiKey,
    webhookSecret: secret,
    webhookUrls: [`http://127.0.0.1:${receiverPort}/api/webhooks/twenty`],
    opportunities: flags.opportunities,
    twentyVersion: flags['twenty-version'],
    rateLimit: 100,
  });
  Object.assign(process.env, { TWENTY_API_URL: sandbox.url, TWENTY_API_KEY: apiKey, TWENTY_WEBHOOK_SECRET: secret, PIPELINE_WALL_DEMO: '1' });
  const { getContext } = await import('@/lib/server/context');
  const { POST } = await import('@/app/api/webhooks/twenty/route');
  app.route = POST;
  const ctx = getContext();
  const [dashboard] = ctx.dashboards.values();
  if (!dashboard) throw new Error('no dashboard configured');

  await ctx.cache.get(dashboard.slug);
  const publishedAt: number[] = [];
  ctx.cache.subscribe(dashboard.slug, () => publishedAt.push(Date.now()));
  const callsBefore = ctx.twenty.callCount();
  const unitsBefore = ctx.budget.stats().acquired;

  const storm = stormOf(sandbox);
  const started = Date.now();
  for (let i = 0; i < flags.deliveries; i++) {
    await sleep(Math.max(0, started + (i * flags.seconds * 1000) / flags.deliveries - Date.now()));
    storm.next();
  }
  const stormEnded = Date.now();
  while (received.length < storm.expectedDeliveries() && Date.now() - stormEnded < 30_000) await sleep(50);
  const deliveredAt = Date.now();
  let quietSince = Date.now();
  while (Date.now() - quietSince < 500 && Date.now() - deliveredAt < 120_000) {
    await sleep(50);
    if (!ctx.realtime.isSettled()) quietSince = Date.now();
  }
  const settledAt = Date.now();
  const upstreamCalls = ctx.twenty.callCount() - callsBefore;
  const budgetUnits = ctx.budget.stats().acquired - unitsBefore;
  const rateLimited = sandbox.log.entries().filter((e) => e.rateLimited).length;

  const freshClient = createTwentyClient({ apiUrl: sandbox.url, apiKey, budget: createCallBudget({ perMinute: 6_000 }) });
  // The check shares the workspace's rate limit with the app; after a storm it may have to wait.
  const freshData = await freshClient.fetchPipelineData(dashboard, new Date()).catch(async (error: unknown) => {
    const waitMs = z.object({ retryAfterMs: z.number() }).safeParse(error).data?.retryAfterMs ?? 60_000;
    console.log(`fresh fetch rate-limited by the workspace; retrying in ${waitMs / 1000} s`);
    await sleep(waitMs);
    return freshClient.fetchPipelineData(dashboard, new Date());
  });
  const now = new Date();
  // Named with the app's keys (top deals and ticker lines carry keys, not record ids).
  const fresh = buildSnapshotContent(freshData, dashboard, now, { demo: true, dealKeys: dealKeyerFor(process.env.SESSION_PASSWORD) });
  const cached = ctx.cache.peek(dashboard.slug);
  const strip = (content: object) => canonicalJson({ ...content, ticker: undefined, version: undefined, asOf: undefined, stale: undefined, staleReason: undefined, staleSince: undefined });
  const exact = cached !== undefined && strip(cached) === strip(fresh);

  const stats = ctx.realtime.stats();
  console.log(JSON.stringify({ flags, strategy: cached?.strategy, stats }, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2));
  console.log(`
Webhook storm: ${flags.deliveries} CRM changes in ${flags.seconds} s on ${flags.opportunities} opportunities (Twenty ${flags['twenty-version']}, strategy ${cached?.strategy})
  deliveries received        ${received.length} (${[...statuses].map(([s, n]) => `${n}×${s}`).join(', ')})
  handler time               p50 ${ms(percentile(handlerMs, 50))}, p99 ${ms(percentile(handlerMs, 99))}, max ${ms(Math.max(...handlerMs))}
  upstream calls             ${upstreamCalls} HTTP requests = ${budgetUnits} root-field calls (what Twenty counts) in ${((settledAt - started) / 1000).toFixed(1)} s; budget ${ctx.budget.stats().perMinute}/min; one refresh per delivery: ${flags.deliveries}+
  refreshes started          ${stats.refreshesStarted} (loads ${stats.loads}, held for budget ${stats.scheduler?.heldForBudget ?? 0})
  applied exactly            ${stats.applied} deliveries (no upstream call), already in the data ${stats.reflected}
  refresh reasons            ${JSON.stringify(stats.refreshReasons)}
  snapshots published        ${publishedAt.length}
  received → in snapshot     p50 ${ms(stats.lag?.p50Ms ?? Number.NaN)}, p95 ${ms(stats.lag?.p95Ms ?? Number.NaN)}, max ${ms(stats.lag?.maxMs ?? Number.NaN)} (${stats.lag?.samples ?? 0} deliveries)
  rate-limited by workspace  ${rateLimited} (Twenty's limit: 100 calls/min)
  snapshot after storm       ${exact ? 'EXACT: equals a fresh fetch' : 'DIFFERS from a fresh fetch'}`);

  ctx.realtime.stop();
  await sandbox.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  process.exit(exact ? 0 : 1);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
