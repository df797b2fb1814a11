// Webhook-to-screen latency: `npx tsx scripts/bench/latency.ts [--clients 1,100,500] [--mutations 20]
// [--interval-ms 3000] [--deal existing|fresh] [--opportunities 150] [--twenty-version current|0.55]
// [--browser 1] [--max-seconds 900]`.
// Needs a build (`NEXT_DIST_DIR=.next-bench npx next build`; the same NEXT_DIST_DIR is used here).
// Starts the demo workspace and the app (server.ts) as child processes, holds N SSE clients open, moves
// one deal K times as a CRM user, and times each client from the mutation's HTTP answer to the
// first snapshot whose stage counts show the move. With --browser 1 a Chromium page is one more
// viewer, timed from the same answer to its stage count changing in the DOM.
// --deal existing moves a seeded deal: the app cannot know its prior state, so each move costs a
// (budgeted) refresh. --deal fresh moves a deal created while the clients watch: exact updates,
// no upstream call. --interval-ms paces the moves; back-to-back moves measure the call budget.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BENCH_HEALTH_HEADERS, startBenchStack, type BenchStack } from '@/tests/e2e/support/app-process';

const flags = z
  .object({
    clients: z.string().regex(/^\d+(,\d+)*$/).default('1,100,500').transform((v) => v.split(',').map(Number)),
    mutations: z.coerce.number().int().min(1).max(500).default(20),
    opportunities: z.coerce.number().int().min(10).max(200_000).default(150),
    'twenty-version': z.enum(['2.21', 'current', '0.55']).default('2.21').transform((v) => (v === 'current' ? '2.21' : v)),
    'interval-ms': z.coerce.number().int().min(0).max(60_000).default(3_000),
    deal: z.enum(['existing', 'fresh']).default('existing'),
    browser: z.enum(['0', '1']).default('1'),
    'max-seconds': z.coerce.number().int().min(10).max(3_600).default(900),
  })
  .strict()
  .parse(Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((pair) => pair.trim().split(/\s+/))));

const STAGES = ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL'] as const;
const ROUND_TIMEOUT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;
const fmt = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(0).padStart(6));

const snapshotCounts = z.object({ stages: z.array(z.object({ value: z.string(), count: z.number() })) });
type Counts = Map<string, number>;
const countsOf = (data: string): Counts => new Map(snapshotCounts.parse(JSON.parse(data)).stages.map((s) => [s.value, s.count]));

/** Decides once per snapshot version whether it shows the move (every client gets the same bytes). */
type Expectation = { matches(version: string, data: string): boolean };

function expectation(want: Counts): Expectation {
  const verdicts = new Map<string, boolean>();
  return {
    matches(version, data) {
      let verdict = verdicts.get(version);
      if (verdict === undefined) {
        const counts = countsOf(data);
        verdict = [...want].every(([stage, count]) => counts.get(stage) === count);
        verdicts.set(version, verdict);
      }
      return verdict;
    },
  };
}

type SseClient = { firstSnapshot: Promise<string>; reflectedAt: number | null; watch(e: Expectation | null): void; close(): void };

/** A plain HTTP SSE reader; the arrival time is taken before any parsing. */
async function connect(url: string): Promise<SseClient> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
  if (!response.ok || !response.body) throw new Error(`SSE ${url} answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let resolveFirst: (data: string) => void = () => {};
  const client: SseClient & { expect: Expectation | null } = {
    firstSnapshot: new Promise<string>((resolve) => (resolveFirst = resolve)),
    reflectedAt: null,
    expect: null,
    watch(e) {
      client.expect = e;
      client.reflectedAt = null;
    },
    close: () => abort.abort(),
  };
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) return;
      const at = performance.now();
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
        if (!block.includes('event: snapshot')) continue;
        const version = /^id: (.*)$/m.exec(block)?.[1] ?? '';
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
        resolveFirst(data);
        if (client.expect && client.reflectedAt === null && client.expect.matches(version, data)) client.reflectedAt = at;
      }
    }
  })();
  return client;
}

/** One GraphQL call as a CRM user (its own API key, like Twenty's UI). */
async function crm(stack: BenchStack, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(`${stack.sandboxUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.userKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = z.object({ data: z.unknown(), errors: z.array(z.unknown()).optional() }).parse(await response.json());
  if (body.errors?.length) throw new Error(`CRM call failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const idOf = (path: string[]) => (data: unknown): string => {
  let node: unknown = data;
  for (const key of path) node = Array.isArray(node) ? (node as unknown[])[Number(key)] : z.record(z.string(), z.unknown()).parse(node)[key];
  return z.string().parse(node);
};

const moveDeal = (stack: BenchStack, id: string, stage: string) =>
  crm(stack, 'mutation M($id: UUID!, $data: OpportunityUpdateInput!) { updateOpportunity(id: $id, data: $data) { id } }', { id, data: { stage } });

const createDeal = async (stack: BenchStack) =>
  idOf(['createOpportunity', 'id'])(
    await crm(stack, 'mutation C($data: OpportunityCreateInput!) { createOpportunity(data: $data) { id } }', {
      data: { name: 'Latency bench deal', stage: 'NEW', amount: { amountMicros: 10_000_000_000, currencyCode: 'USD' } },
    }),
  );

const seededDealInNew = async (stack: BenchStack) =>
  idOf(['opportunities', 'edges', '0', 'node', 'id'])(await crm(stack, 'query { opportunities(filter: { stage: { in: [NEW] } }, first: 1) { edges { node { id } } } }', {}));

type BrowserViewer = { expect(stage: string, count: number): Promise<void>; seenAt(timeoutMs: number): Promise<number | null>; close(): Promise<void> };

/** One real Chromium page on the dashboard; it stamps the wall-clock time its DOM shows the move. */
async function startBrowserViewer(url: string): Promise<BrowserViewer> {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid="connection-state"][data-state="live"]');
  return {
    // Scripts go in as text: tsx's name-keeping helpers do not exist inside the page.
    expect: (stage, count) =>
      page.evaluate(`(() => {
        window.__pwSeen = null;
        const check = () => {
          const cell = document.querySelector('[data-testid="stage-row"][data-stage=${JSON.stringify(stage)}] [data-testid="stage-count"]');
          if (cell && cell.getAttribute('data-value') === ${JSON.stringify(String(count))}) window.__pwSeen = Date.now();
          else requestAnimationFrame(check);
        };
        check();
      })()`),
    async seenAt(timeoutMs) {
      const handle = await page.waitForFunction('window.__pwSeen || false', undefined, { timeout: Math.max(1, timeoutMs) }).catch(() => null);
      return handle ? Number(await handle.jsonValue()) : null;
    },
    close: () => browser.close(),
  };
}

type RoundResult = { clients: number; samples: number[]; timeouts: number; browser: number[] };

/** The bench deal and how many moves it has made: it walks NEW → SCREENING → MEETING → PROPOSAL → NEW… */
type BenchDeal = { id: string; moves: number };

async function measure(stack: BenchStack, deal: BenchDeal, n: number, viewer: BrowserViewer | null): Promise<RoundResult> {
  const eventsUrl = `${stack.appUrl}/api/dashboards/${stack.slug}/events`;
  const clients: SseClient[] = [];
  // In batches: a burst of 500 connects at once only measures the accept queue.
  for (let i = 0; i < n; i += 50) clients.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => connect(eventsUrl)))));
  const [first] = await Promise.all(clients.map((c) => c.firstSnapshot));
  let counts = countsOf(first ?? '');
  if (flags.deal === 'fresh') {
    // Created while everyone watches, after the app's last fetch: its moves apply exactly.
    const want: Counts = new Map([['NEW', (counts.get('NEW') ?? 0) + 1]]);
    clients.forEach((c) => c.watch(expectation(want)));
    Object.assign(deal, { id: await createDeal(stack), moves: 0 });
    const until = performance.now() + ROUND_TIMEOUT_MS;
    while (clients.some((c) => c.reflectedAt === null) && performance.now() < until) await sleep(20);
    counts = new Map([...counts, ...want]);
  }
  const result: RoundResult = { clients: n, samples: [], timeouts: 0, browser: [] };
  for (let k = 0; k < flags.mutations; k++) {
    const from = STAGES[deal.moves % STAGES.length] ?? 'NEW';
    const to = STAGES[(deal.moves + 1) % STAGES.length] ?? 'SCREENING';
    deal.moves++;
    const want: Counts = new Map([[from, (counts.get(from) ?? 0) - 1], [to, (counts.get(to) ?? 0) + 1]]);
    const e = expectation(want);
    clients.forEach((c) => c.watch(e));
    await viewer?.expect(to, want.get(to) ?? 0);
    const sentAt = performance.now();
    await moveDeal(stack, deal.id, to);
    const answeredAt = performance.now();
    const answeredWall = Date.now();
    const deadline = answeredAt + ROUND_TIMEOUT_MS;
    while (clients.some((c) => c.reflectedAt === null) && performance.now() < deadline) await sleep(5);
    for (const c of clients) {
      if (c.reflectedAt === null) result.timeouts++;
      else result.samples.push(c.reflectedAt - answeredAt);
    }
    const seen = await viewer?.seenAt(Math.max(0, deadline - performance.now()));
    if (seen) result.browser.push(seen - answeredWall);
    counts = new Map([...counts, ...want]);
    await sleep(Math.max(250, flags['interval-ms'] - (performance.now() - sentAt)));
  }
  clients.forEach((c) => c.close());
  await sleep(1_000);
  return result;
}

async function main(): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  if (!existsSync(join(distDir, 'BUILD_ID'))) throw new Error(`no build in ${distDir}: run NEXT_DIST_DIR=${distDir} npx next build first`);
  const stack = await startBenchStack({ opportunities: flags.opportunities, version: flags['twenty-version'] });
  const guard = setTimeout(() => {
    console.error(`latency: stopped after ${flags['max-seconds']} s`);
    void stack.stop().finally(() => process.exit(1));
  }, flags['max-seconds'] * 1_000);
  let viewer: BrowserViewer | null = null;
  try {
    const deal: BenchDeal = { id: await seededDealInNew(stack), moves: 0 };
    if (flags.browser === '1') viewer = await startBrowserViewer(`${stack.appUrl}/d/${stack.slug}`);
    console.log(
      `build ${distDir} · Twenty ${flags['twenty-version']} · ${flags.opportunities} deals · ${flags.deal} deal · ${flags.mutations} moves per row, one every ${flags['interval-ms']} ms`,
    );
    console.log('SSE clients | samples | timeouts |  p50 ms |  p95 ms |  p99 ms |  max ms | Chromium page p50 / p95 ms');
    const rows: RoundResult[] = [];
    for (const n of flags.clients) {
      const r = await measure(stack, deal, n, viewer);
      rows.push(r);
      const s = r.samples;
      const page = r.browser.length ? `${fmt(percentile(r.browser, 50))} / ${fmt(percentile(r.browser, 95))}` : '—';
      console.log(`${String(n).padStart(11)} | ${String(s.length).padStart(7)} | ${String(r.timeouts).padStart(8)} | ${fmt(percentile(s, 50))}  | ${fmt(percentile(s, 95))}  | ${fmt(percentile(s, 99))}  | ${fmt(Math.max(...s))}  | ${page}`);
    }
    // Why the numbers are what they are: exact updates cost no upstream call, refreshes do.
    const health = (await (await fetch(`${stack.appUrl}/api/health`, { headers: BENCH_HEALTH_HEADERS })).json()) as { realtime?: Record<string, unknown>; upstream?: Record<string, unknown> };
    const { exactUpdates, refreshesStarted, refreshReasons, scheduler } = health.realtime ?? {};
    console.log(`engine: exact updates ${String(exactUpdates)}, refreshes ${String(refreshesStarted)} ${JSON.stringify(refreshReasons)} scheduler ${JSON.stringify(scheduler)}`);
    console.log(`upstream: ${JSON.stringify(health.upstream)}`);
    const largest = rows.at(-1);
    if (largest) {
      const p95 = percentile(largest.samples, 95);
      console.log(`target p95 < 1000 ms at ${largest.clients} clients: ${p95 < 1000 && largest.timeouts === 0 ? 'met' : 'NOT met'} (${p95.toFixed(0)} ms)`);
    }
  } finally {
    clearTimeout(guard);
    await viewer?.close();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
