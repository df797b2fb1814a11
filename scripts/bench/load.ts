// Load and outage benchmark: `npx tsx scripts/bench/load.ts [--seconds 60] [--viewers 1000]
// [--poll-ms 10000] [--ramp-ms <poll-ms>] [--sse 500] [--head 0] [--unlock 0] [--unlock-mb 100] [--webhooks 5]
// [--down-seconds 20] [--opportunities 1000] [--phases normal,outage] [--limits default|lifted]
// [--app-cpu 0 --load-cpu 1]`.
// Needs a build (NEXT_DIST_DIR is honoured). Starts the demo workspace and the app (server.ts) on
// loopback; N viewers from one address read the JSON (every poll-ms, as the browser's polling
// fallback does; 0: back to back), M clients hold the live stream, a CRM user moves deals W times
// a second (each move is a signed webhook to the app), and optionally H HEAD requests a second hit
// the events route and U oversized /api/unlock posts a second are mixed in. The app runs with its
// default per-address limits (`--limits lifted` lifts them). With --app-cpu/--load-cpu the app
// gets one CPU and this generator and the workspace the other (taskset). Prints how many viewers
// and streams connected and got data, statuses and 5xx, JSON p50/p99, upstream calls against the
// budget and the app's peak RSS. The outage phase takes Twenty down in the middle and checks
// every JSON answer against an independent fresh read.
import { spawnSync } from 'node:child_process';
import { z } from 'zod';

if (!process.execArgv.some((arg) => arg.includes('react-server'))) {
  const child = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const flags = z
  .object({
    seconds: z.coerce.number().int().min(10).max(600).default(60),
    viewers: z.coerce.number().int().min(1).max(5_000).default(1_000),
    'poll-ms': z.coerce.number().int().min(0).max(600_000).default(10_000),
    /** Viewers arrive over this long (default: one poll interval, i.e. steady polling; 2 s back to back). */
    'ramp-ms': z.coerce.number().int().min(0).max(600_000).optional(),
    sse: z.coerce.number().int().min(0).max(5_000).default(500),
    head: z.coerce.number().min(0).max(1_000).default(0),
    unlock: z.coerce.number().min(0).max(50).default(0),
    'unlock-mb': z.coerce.number().int().min(1).max(1_000).default(100),
    // A busy sales team; past 200/s sustained (EDGE_WEBHOOK_PER_MINUTE, per address) the app refuses deliveries (429).
    webhooks: z.coerce.number().min(0).max(500).default(5),
    'down-seconds': z.coerce.number().int().min(1).max(300).default(20),
    opportunities: z.coerce.number().int().min(10).max(200_000).default(1_000),
    phases: z.string().regex(/^(normal|outage)(,(normal|outage))*$/).default('normal,outage'),
    limits: z.enum(['default', 'lifted']).default('default'),
    'app-cpu': z.coerce.number().int().min(0).max(1_023).optional(),
    'load-cpu': z.coerce.number().int().min(0).max(1_023).optional(),
  })
  .strict()
  .refine((f) => (f['app-cpu'] === undefined) === (f['load-cpu'] === undefined), 'give both --app-cpu and --load-cpu, or neither')
  .parse(Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((pair) => pair.trim().split(/\s+/))));

async function main(): Promise<void> {
  const { KEYS, mover, startLoadStack } = await import('./load-stack');
  const { headFlood, jsonClient, listenOverflows, openStreams, pct, unlockFlood } = await import('./load-traffic');
  const { createTwentyClient } = await import('@/lib/twenty');
  const { createCallBudget } = await import('@/lib/twenty/budget');
  const { buildSnapshotContent } = await import('@/lib/pipeline/snapshot');
  const { dealKeyerFromSecret } = await import('@/lib/pipeline/deal-key');
  const { dashboardSchema } = await import('@/lib/config/dashboard-schema');

  const dashboard = dashboardSchema.parse({ slug: 'load', title: 'Load', currency: 'USD', rates: { EUR: '1.08' }, fields: ['name', 'amount', 'stage'], topDeals: 8 });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const rampMs = flags['ramp-ms'] ?? (flags['poll-ms'] > 0 ? flags['poll-ms'] : 2_000);
  const cpus = flags['app-cpu'] !== undefined && flags['load-cpu'] !== undefined ? { app: flags['app-cpu'], load: flags['load-cpu'] } : undefined;
  const stack = await startLoadStack({ dashboard, opportunities: flags.opportunities, lifted: flags.limits === 'lifted', cpus });
  const { app } = stack;
  console.log(`app ${app.url}, limits ${flags.limits}${cpus ? `; app pids ${stack.pinned.join(',')} on CPU ${cpus.app}, generator and workspace on CPU ${cpus.load}` : '; no CPU pinning'}`);
  const budgetPerMinute = 60; // the app's default UPSTREAM_CALLS_PER_MINUTE
  const ids = ((await stack.crm('/graphql', { query: 'query { opportunities(first: 200) { edges { node { id } } } }' })).data?.opportunities as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);

  // An independent fresh read of the CRM (the user's key, its own budget) turned into content,
  // with the app's deal keys (derived from its SESSION_PASSWORD).
  const dealKeys = dealKeyerFromSecret(KEYS.session);
  const fresh = createTwentyClient({ apiUrl: stack.sandbox.url, apiKey: KEYS.user, budget: createCallBudget({ perMinute: 6_000 }), log: () => undefined });
  const comparable = (content: Record<string, unknown>) => JSON.stringify([content.stages, content.kpis, content.timeline, content.topDeals]);
  const freshContent = async () => comparable(buildSnapshotContent(await fresh.fetchPipelineData(dashboard, new Date()), dashboard, new Date(), { demo: true, dealKeys }));
  const json = jsonClient(`${app.url}/api/dashboards/load`, flags.viewers);

  async function waitForFresh(timeoutMs: number): Promise<{ ms: number; expected: string } | null> {
    const started = Date.now();
    let expected = '';
    let last = '';
    while (Date.now() - started < timeoutMs) {
      // A fresh read each time: the app may be right about a CRM that moved on since the last one.
      expected = await freshContent();
      const answer = await json.get();
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
    const rss = stack.peakRss();
    const overflowsBefore = listenOverflows();
    const cpu = stack.cpuMeter();
    const callsBefore = await stack.appCalls();
    const streams = openStreams(`${app.url}/api/dashboards/load/events`, flags.sse);
    const heads = headFlood(`${app.url}/api/dashboards/load/events`, flags.head);
    const unlocks = unlockFlood(`${app.url}/api/unlock`, { perSecond: flags.unlock, bytes: flags['unlock-mb'] * 1024 * 1024 });
    const moves = mover(stack, ids, flags.webhooks);
    const latencies: number[] = [];
    const firstLatencies: number[] = [];
    const statuses = new Map<number, number>();
    const receivedBefore = (await stack.health()).realtime.received;
    const outage = { blank: 0, wrong: 0, stale: 0, answers: 0, versions: new Map<string, boolean>() };
    const reach = { answered: 0, gotData: 0 };
    let openDuring = Number.NaN;
    let expectedDuringOutage: string | null = null;
    let down = false;
    let end = Date.now() + seconds * 1000;
    const errors = new Map<string, number>();
    const viewers = Array.from({ length: flags.viewers }, async (_, i) => {
      await sleep(Math.floor((i * rampMs) / flags.viewers));
      let answered = false;
      let gotData = false;
      while (Date.now() < end) {
        const answer = await json.get();
        if (answer.error) errors.set(answer.error, (errors.get(answer.error) ?? 0) + 1);
        // A viewer's first answer includes its arrival (connecting while the streams open); later ones are steady polling.
        if (answer.status === 200) (gotData ? latencies : firstLatencies).push(answer.ms);
        answered ||= answer.status > 0;
        gotData ||= answer.status === 200;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (flags['poll-ms'] > 0) await sleep(Math.max(0, flags['poll-ms'] - answer.ms));
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
      if (answered) reach.answered += 1;
      if (gotData) reach.gotData += 1;
    });
    const sample = (async () => {
      await sleep((seconds / 2) * 1000);
      openDuring = (await stack.health()).realtime.streams.open; // mid-flood: HEAD requests must not hold slots
    })();
    const script = (async () => {
      if (name !== 'outage') return;
      await sleep(((seconds - flags['down-seconds']) / 2 - 4) * 1000);
      moves.pause(); // Twenty down means nobody edits in it either
      const settled = await waitForFresh(25_000);
      expectedDuringOutage = settled?.expected ?? null;
      console.log(settled ? `  app matched a fresh read ${settled.ms} ms after moves paused` : '  app did not match a fresh read before the outage (outage answers not judged)');
      await stack.setFault('down');
      down = true;
      await sleep(flags['down-seconds'] * 1000);
      down = false;
      await stack.setFault('none');
      moves.resume();
      end = Math.max(end, Date.now() + ((seconds - flags['down-seconds']) / 2) * 1000);
    })();
    await Promise.all([...viewers, script, sample]);
    moves.stop();
    heads.stop();
    unlocks.stop();
    const sse = streams.stats();
    const cpuShare = cpu();
    const overflows = listenOverflows() - overflowsBefore;
    const openAtEnd = (await stack.health()).realtime.streams.open;
    const elapsed = (Date.now() - (end - seconds * 1000)) / 1000;
    const converged = await waitForFresh(30_000);
    const delivered = (await stack.health()).realtime.received - receivedBefore;
    streams.close();
    const callsAfter = await stack.appCalls();
    const peak = rss.stop();
    const requests = callsAfter.requests - callsBefore.requests;
    const minutes = (Math.max(seconds, elapsed) + (converged?.ms ?? 30_000) / 1000) / 60;
    const fivexx = (counts: Record<string, number>) => Object.entries(counts).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0);
    const jsonStatuses = Object.fromEntries(statuses);
    const extra = [flags.head > 0 ? `${flags.head} HEAD/s on the events route` : '', flags.unlock > 0 ? `${flags.unlock} unlock posts/s of ${flags['unlock-mb']} MB` : ''].filter(Boolean).join(', ');
    console.log(`\n== ${name}: ${seconds} s, ${flags.viewers} JSON viewers (${flags['poll-ms'] > 0 ? `every ${flags['poll-ms']} ms` : 'back to back'}, arriving over ${rampMs} ms), ${flags.sse} SSE clients, ${flags.webhooks} moves/s${extra ? `, ${extra}` : ''}, limits ${flags.limits}, all from 127.0.0.1`);
    const answered = latencies.length + firstLatencies.length;
    console.log(`  JSON viewers: ${reach.answered}/${flags.viewers} connected, ${reach.gotData}/${flags.viewers} got data; ${answered} answers with data (${Math.round(answered / seconds)}/s), statuses ${JSON.stringify(jsonStatuses)}, 5xx ${fivexx(jsonStatuses)}`);
    const all = [...firstLatencies, ...latencies];
    console.log(`  JSON latency, all answers p50 ${pct(all, 50).toFixed(1)} ms, p99 ${pct(all, 99).toFixed(1)} ms, max ${pct(all, 100).toFixed(0)} ms; connection errors ${JSON.stringify(Object.fromEntries(errors))}`);
    console.log(`    each viewer's first answer (${firstLatencies.length}) p50 ${pct(firstLatencies, 50).toFixed(1)} ms, p99 ${pct(firstLatencies, 99).toFixed(1)} ms; later answers (${latencies.length}) p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms`);
    console.log(`  SSE clients: ${sse.connected}/${flags.sse} connected, ${sse.gotData}/${flags.sse} got data, ${sse.stillOpen} still open at the end; statuses ${JSON.stringify(sse.statuses)}, 5xx ${fivexx(sse.statuses)}; ${sse.events} snapshot events`);
    console.log(`  streams open per /api/health: mid-phase ${openDuring}, at the end ${openAtEnd} (SSE clients connected: ${sse.connected}); kernel listen-queue overflows ${overflows} (machine-wide)`);
    if (flags.head > 0) console.log(`  HEAD on the events route: ${JSON.stringify(heads.stats())}, 5xx ${fivexx(heads.stats().statuses)}`);
    if (flags.unlock > 0) {
      const u = unlocks.stats();
      console.log(`  oversized unlock posts: ${u.sent} sent, statuses ${JSON.stringify(u.statuses)}, 5xx ${fivexx(u.statuses)}; KB written before the answer p50 ${u.sentKbP50}, max ${u.sentKbMax}`);
    }
    console.log(`  CRM moves ${JSON.stringify(moves.stats())}; webhooks received by the app ${delivered}`);
    console.log(`  upstream: ${requests} requests, ${callsAfter.rootFields - callsBefore.rootFields} root fields (budget ${budgetPerMinute}/min ≈ ${Math.round(budgetPerMinute * minutes)} for ${minutes.toFixed(1)} min)`);
    console.log(`  CPU (% of one core) app ${cpuShare.app}, workspace ${cpuShare.workspace}, generator ${cpuShare.generator}`);
    console.log(`  app peak RSS ${(peak / 1048576).toFixed(0)} MB; converged to a fresh read ${converged ? `${converged.ms} ms after the load` : 'NOT within 30 s'}`);
    if (name === 'outage') console.log(`  during the ${flags['down-seconds']} s outage: ${outage.answers} answers, blank ${outage.blank}, wrong ${outage.wrong}, marked stale ${outage.stale}`);
  }

  try {
    // The wall is already serving when the viewers arrive: its first snapshot is loaded.
    if ((await json.get()).status !== 200) throw new Error('the app did not answer its first read');
    for (const name of flags.phases.split(',') as ('normal' | 'outage')[]) await phase(name);
  } finally {
    json.close();
    await stack.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
