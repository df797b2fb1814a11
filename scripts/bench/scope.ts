// What a sales-floor dashboard costs upstream: `npx tsx scripts/bench/scope.ts [--opportunities 100000]
// [--refreshes 3]`. Needs a build (`NEXT_DIST_DIR=.next-bench npx next build`; the same NEXT_DIST_DIR
// is used here). Two runs in this process, each on its own demo workspace (Twenty 2.21, same seed):
// the baseline, a dashboard with no view, owners, goal or trend; then the sales floor, scoped by the
// saved view "Big deals", with owners, a goal and the created trend. For each: the app's upstream
// calls and root fields (budget tokens) and the time to its first snapshot; then, per refresh (a
// seeded deal in the view moved by a CRM user: its prior state is unknown, so it costs a refresh),
// the calls, root fields and time from the mutation's answer to the new snapshot.
import { z } from 'zod';
import { startBenchStack, type BenchStack } from '@/tests/e2e/support/app-process';

const flags = z
  .object({
    opportunities: z.coerce.number().int().min(100).max(200_000).default(100_000),
    refreshes: z.coerce.number().int().min(1).max(20).default(3),
  })
  .strict()
  .parse(Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((pair) => pair.trim().split(/\s+/))));

const BASELINE = { currency: 'USD', rates: { EUR: '1.08' }, fields: ['name', 'amount', 'stage'] };
const SALES_FLOOR = { ...BASELINE, twentyView: 'Big deals', fields: ['name', 'amount', 'stage', 'owner'], goal: { amount: '5000000' }, trend: true, weekStart: 'monday' };

type Calls = { calls: number; rootFields: number; described: string[] };
type Run = { name: string; strategy: string; first: Calls & { ms: number }; refreshes: (Calls & { ms: number })[] };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const requestLog = z.object({ requests: z.array(z.object({ endpoint: z.string(), rootFields: z.array(z.string()), keyIndex: z.number().optional() })) });
const snapshotBody = z.object({ version: z.string(), strategy: z.string(), stages: z.array(z.object({ value: z.string(), count: z.number() })) });
const countOf = (body: z.infer<typeof snapshotBody>, stage: string) => body.stages.find((s) => s.value === stage)?.count ?? 0;
const dealsPage = z.object({ opportunities: z.object({ edges: z.array(z.object({ node: z.object({ id: z.string(), stage: z.string() }) })) }) });

async function appCalls(stack: BenchStack): Promise<Calls> {
  const response = await fetch(`${stack.sandboxUrl}/__sandbox/requests`, { headers: { authorization: `Bearer ${stack.userKey}` } });
  const mine = requestLog.parse(await response.json()).requests.filter((r) => r.keyIndex === 0);
  const described = mine.map((r) => `${r.endpoint} ${r.rootFields.join('+') || '(introspection)'}`);
  return { calls: mine.length, rootFields: mine.reduce((n, r) => n + r.rootFields.length, 0), described };
}

/** The app's calls once none has come for 3 s (a refresh in flight has finished). */
async function settledCalls(stack: BenchStack): Promise<Calls> {
  let calls = await appCalls(stack);
  for (let quietSince = Date.now(); Date.now() - quietSince < 3_000; ) {
    await sleep(200);
    const now = await appCalls(stack);
    if (now.calls !== calls.calls) quietSince = Date.now();
    calls = now;
  }
  return calls;
}

async function snapshot(stack: BenchStack): Promise<z.infer<typeof snapshotBody> | null> {
  const response = await fetch(`${stack.appUrl}/api/dashboards/${stack.slug}`);
  if (response.status === 503) return null;
  if (response.status !== 200) throw new Error(`snapshot: HTTP ${response.status} ${await response.text()}`);
  return snapshotBody.parse(await response.json());
}

async function crm(stack: BenchStack, query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
  const response = await fetch(`${stack.sandboxUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.userKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = z.object({ data: z.unknown(), errors: z.array(z.object({ message: z.string() })).optional() }).parse(await response.json());
  if (body.errors?.length) throw new Error(`CRM: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data;
}

const delta = (after: Calls, before: Calls): Calls => ({ calls: after.calls - before.calls, rootFields: after.rootFields - before.rootFields, described: after.described.slice(before.calls) });

async function measure(name: string, dashboard: Record<string, unknown>): Promise<Run> {
  const stack = await startBenchStack({ opportunities: flags.opportunities, version: '2.21', dashboard, appEnv: { LOG_LEVEL: 'error' } });
  try {
    const started = performance.now();
    let body = await snapshot(stack);
    while (!body) {
      if (performance.now() - started > 300_000) throw new Error('no first snapshot within 300 s');
      await sleep(20);
      body = await snapshot(stack);
    }
    const first = { ...(await settledCalls(stack)), ms: performance.now() - started };
    // Seeded deals inside "Big deals" (PROPOSAL, ≥ 100,000 USD), so both dashboards must refresh.
    const page = dealsPage.parse(
      await crm(stack, `query { opportunities(filter: { stage: { in: [PROPOSAL] }, amount: { amountMicros: { gte: 200000000000 } } }, first: ${flags.refreshes}) { edges { node { id stage } } } }`),
    );
    const refreshes: Run['refreshes'] = [];
    for (const { node } of page.opportunities.edges) {
      const before = await settledCalls(stack);
      // The move shows once CUSTOMER counts one more deal (a ticker line alone also changes the version).
      const won = countOf(body, 'CUSTOMER') + 1;
      await crm(stack, `mutation Move($id: UUID!) { updateOpportunity(id: $id, data: { stage: CUSTOMER }) { id } }`, { id: node.id });
      const answered = performance.now();
      while (countOf(body, 'CUSTOMER') !== won) {
        if (performance.now() - answered > 60_000) throw new Error('no new snapshot within 60 s of a move');
        await sleep(20);
        body = (await snapshot(stack)) ?? body;
      }
      const ms = performance.now() - answered;
      refreshes.push({ ...delta(await settledCalls(stack), before), ms });
    }
    console.log(`${name}: first snapshot ${first.described.join(', ')}; refreshes ${refreshes.map((r) => r.described.join(', ')).join(' | ')}`);
    return { name, strategy: body.strategy, first, refreshes };
  } finally {
    await stack.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

function print(runs: Run[]): void {
  console.log(`\nTwenty 2.21 demo workspace, ${flags.opportunities.toLocaleString('en-US')} opportunities; refreshes: median of ${flags.refreshes}`);
  console.log('| dashboard | strategy | first snapshot: calls | root fields | time | per refresh: calls | root fields | move → new snapshot |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const r of runs) {
    const med = (pick: (x: Calls & { ms: number }) => number) => median(r.refreshes.map(pick));
    console.log(
      `| ${r.name} | ${r.strategy} | ${r.first.calls} | ${r.first.rootFields} | ${r.first.ms.toFixed(0)} ms | ${med((x) => x.calls)} | ${med((x) => x.rootFields)} | ${med((x) => x.ms).toFixed(0)} ms |`,
    );
  }
  const [base, floor] = runs;
  if (base && floor) {
    const ratio = (a: number, b: number) => (b === 0 ? '—' : `${(a / b).toFixed(2)}×`);
    console.log(`\nsales floor / baseline: first snapshot ${ratio(floor.first.ms, base.first.ms)} the time, ${ratio(floor.first.calls, base.first.calls)} the calls; per refresh ${ratio(median(floor.refreshes.map((x) => x.ms)), median(base.refreshes.map((x) => x.ms)))} the time`);
  }
}

async function main(): Promise<void> {
  const runs = [await measure('baseline', BASELINE), await measure('sales floor (view, owners, goal, trend)', SALES_FLOOR)];
  print(runs);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
