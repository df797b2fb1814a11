// Load and outage benchmark: `npx tsx scripts/bench/load.ts [--seconds 60] [--viewers 1000] [--sse 500]
// [--webhooks 50] [--down-seconds 20] [--opportunities 1000] [--phases normal,outage]`.
// Needs a build (NEXT_DIST_DIR is honoured). Starts the demo workspace and `next start` on
// loopback; N keep-alive viewers read the JSON back to back, M clients hold the live stream, and a
// CRM user moves deals W times a second (each move is a signed webhook to the app). Prints 5xx,
// JSON p50/p99, upstream calls against the budget and the app's peak RSS. The outage phase takes
// Twenty down in the middle and checks every JSON answer against an independent fresh read.
// The per-client limits would throttle a one-IP load generator: they are lifted by env here
// (EDGE_*_PER_MINUTE / _BURST, SSE_MAX_PER_CLIENT), which is the way to run it against any deploy.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

if (!process.execArgv.some((arg) => arg.includes('react-server'))) {
  const child = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const flags = z
  .object({
    seconds: z.coerce.number().int().min(10).max(600).default(60),
    viewers: z.coerce.number().int().min(1).max(5_000).default(1_000),
    sse: z.coerce.number().int().min(0).max(5_000).default(500),
    webhooks: z.coerce.number().min(0).max(500).default(50),
    'down-seconds': z.coerce.number().int().min(1).max(300).default(20),
    opportunities: z.coerce.number().int().min(10).max(200_000).default(1_000),
    phases: z.string().regex(/^(normal|outage)(,(normal|outage))*$/).default('normal,outage'),
  })
  .strict()
  .parse(Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((pair) => pair.trim().split(/\s+/))));

async function main(): Promise<void> {
  const { freePort, startNextProcess, startSandboxProcess } = await import('@/tests/e2e/support/app-process');
  const { createTwentyClient } = await import('@/lib/twenty');
  const { createCallBudget } = await import('@/lib/twenty/budget');
  const { buildSnapshotContent } = await import('@/lib/pipeline/snapshot');
  const { dealKeyerFromSecret } = await import('@/lib/pipeline/deal-key');
  const { dashboardSchema } = await import('@/lib/config/dashboard-schema');

  const KEYS = { app: 'load-app-key-8d2c6a4e1f9b3d7c5a0e', user: 'load-user-key-3b9f1d7a5c2e8f4a6d0b', secret: 'load-webhook-secret-6a1e9c3d7b', session: 'load-session-password-2f7c9e4a1b6d3e8f5a0c9b7d', health: 'load-health-token-4c8e2a6d1f' };
  const dashboard = dashboardSchema.parse({ slug: 'load', title: 'Load', currency: 'USD', rates: { EUR: '1.08' }, fields: ['name', 'amount', 'stage'], topDeals: 8 });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;

  const [sandboxPort, appPort] = [await freePort(), await freePort()];
  const config = join(tmpdir(), `pipeline-wall-load-${process.pid}.json`);
  writeFileSync(config, JSON.stringify({ dashboards: [dashboard] }));
  const sandbox = await startSandboxProcess([
    ...['--port', String(sandboxPort), '--api-key', KEYS.app, '--api-key', KEYS.user, '--rate-limit', '1000000'],
    ...['--opportunities', String(flags.opportunities), '--seed', '7', '--webhook-url', `http://127.0.0.1:${appPort}/api/webhooks/twenty`, '--webhook-secret', KEYS.secret],
  ]);
  const lifted = '10000000';
  const app = await startNextProcess({
    port: appPort,
    env: {
      TWENTY_API_URL: sandbox.url, TWENTY_API_KEY: KEYS.app, TWENTY_WEBHOOK_SECRET: KEYS.secret, SESSION_PASSWORD: KEYS.session, HEALTH_TOKEN: KEYS.health,
      DASHBOARDS_CONFIG: config, PIPELINE_WALL_DEMO: '1', NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn',
      UPSTREAM_RETRY_MIN_MS: '1000', UPSTREAM_RETRY_MAX_MS: '5000',
      // Deliveries an overloaded app misses (Twenty never retries) are repaired by the TTL refresh.
      CACHE_TTL_MS: '15000',
      ...Object.fromEntries(['JSON', 'SSE', 'WEBHOOK'].flatMap((c) => [[`EDGE_${c}_PER_MINUTE`, lifted], [`EDGE_${c}_BURST`, lifted]])),
      SSE_MAX_PER_CLIENT: '100000', SSE_MAX_TOTAL: '100000',
    },
  }).catch(async (error: unknown) => {
    await sandbox.stop();
    throw error;
  });
  const budgetPerMinute = 60; // the app's default UPSTREAM_CALLS_PER_MINUTE

  async function crm(path: string, body: unknown): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
    const response = await fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${KEYS.user}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  }
  const appCalls = async () => {
    const log = (await (await fetch(`${sandbox.url}/__sandbox/requests`, { headers: { authorization: `Bearer ${KEYS.user}` } })).json()) as { totals: Record<string, { query: number }>; requests: { keyIndex?: number; rootFields: string[] }[] };
    return { requests: log.totals.key0?.query ?? 0, rootFields: log.requests.filter((r) => r.keyIndex === 0).reduce((n, r) => n + r.rootFields.length, 0) };
  };
  const ids = ((await crm('/graphql', { query: 'query { opportunities(first: 200) { edges { node { id } } } }' })).data?.opportunities as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);

  // An independent fresh read of the CRM (the user's key, its own budget) turned into content.
  // The app names top deals with keys derived from its SESSION_PASSWORD; the fresh read does too.
  const dealKeys = dealKeyerFromSecret(KEYS.session);
  const fresh = createTwentyClient({ apiUrl: sandbox.url, apiKey: KEYS.user, budget: createCallBudget({ perMinute: 6_000 }), log: () => undefined });
  const comparable = (content: Record<string, unknown>) => JSON.stringify([content.stages, content.kpis, content.timeline, content.topDeals]);
  const freshContent = async () => comparable(buildSnapshotContent(await fresh.fetchPipelineData(dashboard, new Date()), dashboard, new Date(), { demo: true, dealKeys }));

  type Answer = { status: number; version: string | null; stale: boolean; ms: number; body: string; error?: string };
  const agent = new Agent({ keepAlive: true, maxSockets: flags.viewers });
  function getJson(): Promise<Answer> {
    const started = performance.now();
    return new Promise((resolve) => {
      const req = httpRequest(`${app.url}/api/dashboards/load`, { agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode ?? 0, version: /"version":"([^"]+)"/.exec(body)?.[1] ?? null, stale: body.includes('"stale":true'), ms: performance.now() - started, body });
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => resolve({ status: 0, version: null, stale: false, ms: performance.now() - started, body: '', error: error.code ?? error.message }));
      req.end();
    });
  }

  function openStreams(count: number) {
    const streamAgent = new Agent({ keepAlive: false, maxSockets: Infinity });
    let events = 0;
    let failed = 0;
    const requests: ClientRequest[] = [];
    const timers = Array.from({ length: count }, (_, i) =>
      // Opened over a second: a burst of connects past the listen backlog (511) stalls in SYN retries.
      setTimeout(() => {
        const req = httpRequest(`${app.url}/api/dashboards/load/events`, { agent: streamAgent }, (res) => {
          if (res.statusCode !== 200) failed += 1;
          res.on('data', (c: Buffer) => (events += c.toString().split('event: snapshot').length - 1));
          res.on('error', () => undefined);
        });
        req.on('error', () => (failed += 1));
        req.end();
        requests.push(req);
      }, Math.floor((i * 1000) / count)),
    );
    return { stats: () => ({ events, failed }), close: () => (timers.forEach(clearTimeout), requests.forEach((r) => r.destroy())) };
  }

  function peakRss() {
    let peak = 0;
    const read = () => {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))?.[1] ?? 0);
        peak = Math.max(peak, kb * 1024);
      } catch {
        // the process is gone
      }
    };
    const timer = setInterval(read, 250);
    return { stop: () => (clearInterval(timer), read(), peak) };
  }

  /** Moves seeded deals as a CRM user would; each move is one signed webhook to the app. */
  function mover(perSecond: number) {
    let ok = 0;
    let failed = 0;
    let running = true;
    let i = 0;
    const stages = ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL'];
    const timer = perSecond > 0 ? setInterval(() => {
      if (!running) return;
      const id = ids[i % ids.length];
      i += 1;
      void crm('/graphql', { query: 'mutation($id: UUID!, $data: OpportunityUpdateInput!) { updateOpportunity(id: $id, data: $data) { id } }', variables: { id, data: { stage: stages[i % stages.length], amount: { amountMicros: (1_000 + (i % 97) * 250) * 1_000_000, currencyCode: 'USD' } } } })
        .then((r) => (r.errors ? (failed += 1) : (ok += 1)), () => (failed += 1));
    }, 1000 / perSecond) : undefined;
    return { pause: () => (running = false), resume: () => (running = true), stop: () => clearInterval(timer), stats: () => ({ ok, failed }) };
  }

  async function waitForFresh(timeoutMs: number): Promise<{ ms: number; expected: string } | null> {
    const started = Date.now();
    let expected = '';
    let last = '';
    while (Date.now() - started < timeoutMs) {
      // A fresh read each time: the app may be right about a CRM that moved on since the last one.
      expected = await freshContent();
      const answer = await getJson();
      last = answer.status === 200 ? comparable(JSON.parse(answer.body) as Record<string, unknown>) : `HTTP ${answer.status}`;
      if (last === expected) return { ms: Date.now() - started, expected };
      await sleep(200);
    }
    const parts = ['stages', 'kpis', 'timeline', 'topDeals'];
    const [want, got] = [expected, last].map((t) => (t.startsWith('[') ? (JSON.parse(t) as unknown[]) : []));
    console.log(`  differs in: ${parts.filter((_, i) => JSON.stringify(want?.[i]) !== JSON.stringify(got?.[i])).join(', ') || last}`);
    return null;
  }

  async function phase(name: 'normal' | 'outage') {
    const seconds = flags.seconds;
    const rss = peakRss();
    const callsBefore = await appCalls();
    const streams = openStreams(flags.sse);
    const moves = mover(flags.webhooks);
    const latencies: number[] = [];
    const firstLatencies: number[] = [];
    const statuses = new Map<number, number>();
    const received = async () => ((await (await fetch(`${app.url}/api/health`, { headers: { authorization: `Bearer ${KEYS.health}` } })).json()) as { realtime: { received: number } }).realtime.received;
    const receivedBefore = await received();
    const outage = { blank: 0, wrong: 0, stale: 0, answers: 0, versions: new Map<string, boolean>() };
    let expectedDuringOutage: string | null = null;
    let down = false;
    let end = Date.now() + seconds * 1000;
    const errors = new Map<string, number>();
    const viewers = Array.from({ length: flags.viewers }, async (_, i) => {
      await sleep(Math.floor((i * 2000) / flags.viewers)); // ramp up over 2 s (listen backlog)
      let connected = false;
      while (Date.now() < end) {
        const answer = await getJson();
        if (answer.error) errors.set(answer.error, (errors.get(answer.error) ?? 0) + 1);
        // A viewer's first answer includes opening its connection; steady-state latency is the rest.
        if (answer.status === 200) (connected ? latencies : firstLatencies).push(answer.ms);
        connected = answer.status === 200;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (!down || !expectedDuringOutage) continue;
        if (answer.status === 0) continue; // no HTTP answer at all (connection reset): counted with the errors
        outage.answers += 1;
        if (answer.status !== 200 || !answer.version) {
          outage.blank += 1;
          continue;
        }
        if (answer.stale) outage.stale += 1;
        let right = outage.versions.get(answer.version);
        if (right === undefined) {
          right = comparable(JSON.parse(answer.body) as Record<string, unknown>) === expectedDuringOutage;
          outage.versions.set(answer.version, right);
        }
        if (!right) outage.wrong += 1;
      }
    });
    const script = (async () => {
      if (name !== 'outage') return;
      await sleep(((seconds - flags['down-seconds']) / 2 - 4) * 1000);
      moves.pause(); // Twenty down means nobody edits in it either
      const settled = await waitForFresh(25_000);
      expectedDuringOutage = settled?.expected ?? null;
      console.log(settled ? `  app matched a fresh read ${settled.ms} ms after moves paused` : '  app did not match a fresh read before the outage (outage answers not judged)');
      await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { authorization: `Bearer ${KEYS.user}` }, body: JSON.stringify({ mode: 'down' }) });
      down = true;
      await sleep(flags['down-seconds'] * 1000);
      down = false;
      await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { authorization: `Bearer ${KEYS.user}` }, body: JSON.stringify({ mode: 'none' }) });
      moves.resume();
      end = Math.max(end, Date.now() + ((seconds - flags['down-seconds']) / 2) * 1000);
    })();
    await Promise.all([...viewers, script]);
    moves.stop();
    const elapsed = (Date.now() - (end - seconds * 1000)) / 1000;
    const converged = await waitForFresh(30_000);
    const delivered = (await received()) - receivedBefore;
    streams.close();
    const callsAfter = await appCalls();
    const peak = rss.stop();
    const requests = callsAfter.requests - callsBefore.requests;
    const minutes = (Math.max(seconds, elapsed) + (converged?.ms ?? 30_000) / 1000) / 60;
    const fivexx = [...statuses.entries()].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    console.log(`\n== ${name}: ${seconds} s, ${flags.viewers} JSON viewers, ${flags.sse} SSE clients, ${flags.webhooks} moves/s`);
    const answered = latencies.length + firstLatencies.length;
    console.log(`  JSON answers ${answered} (${Math.round(answered / seconds)}/s), statuses ${JSON.stringify(Object.fromEntries(statuses))}, 5xx ${fivexx}`);
    console.log(`  JSON latency on open connections p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, max ${pct(latencies, 100).toFixed(0)} ms`);
    console.log(`  first answer incl. connect (${firstLatencies.length}) p50 ${pct(firstLatencies, 50).toFixed(0)} ms, p99 ${pct(firstLatencies, 99).toFixed(0)} ms; connection errors ${JSON.stringify(Object.fromEntries(errors))}`);
    console.log(`  SSE ${JSON.stringify(streams.stats())}; CRM moves ${JSON.stringify(moves.stats())}; webhooks received by the app ${delivered}`);
    console.log(`  upstream: ${requests} requests, ${callsAfter.rootFields - callsBefore.rootFields} root fields (budget ${budgetPerMinute}/min ≈ ${Math.round(budgetPerMinute * minutes)} for ${minutes.toFixed(1)} min)`);
    console.log(`  app peak RSS ${(peak / 1048576).toFixed(0)} MB; converged to a fresh read ${converged ? `${converged.ms} ms after the load` : 'NOT within 30 s'}`);
    if (name === 'outage') console.log(`  during the ${flags['down-seconds']} s outage: ${outage.answers} answers, blank ${outage.blank}, wrong ${outage.wrong}, marked stale ${outage.stale}`);
  }

  try {
    for (const name of flags.phases.split(',') as ('normal' | 'outage')[]) await phase(name);
  } finally {
    agent.destroy();
    await app.stop();
    await sandbox.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
