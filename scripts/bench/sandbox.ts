// Demo-workspace benchmark: seed time and memory for 10k/100k deals, then requests a second for a
// 60-record page and a stage × currency groupBy on 100k deals, sequential and 16 at a time.
// Run: npx tsx scripts/bench/sandbox.ts   (load generator and server share this one process)
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startSandbox } from '@/sandbox/index';
import { Workspace } from '@/sandbox/workspace';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const API_KEY = 'bench-key';
const PHASE_MS = 3_000;
const MB = 1024 * 1024;

const PAGE = `query Page($after: String) { opportunities(first: 60, after: $after) {
  totalCount edges { cursor node { id name stage amount { amountMicros currencyCode } closeDate companyId } }
  pageInfo { hasNextPage endCursor } } }`;
const GROUP_BY = `query { opportunitiesGroupBy(groupBy: [{ stage: true }, { amount: { currencyCode: true } }]) {
  groupByDimensionValues totalCount sumAmountAmountMicros } }`;

function measureSeed(opportunities: number): void {
  gc();
  const before = process.memoryUsage();
  const started = performance.now();
  const workspace = new Workspace({ version: '2.21', seed: 1, anchor: new Date('2026-11-26T00:00:00Z'), opportunities });
  const ms = performance.now() - started;
  gc();
  const after = process.memoryUsage();
  const rows = workspace.store.opportunities.all().length;
  console.log(
    `seed ${opportunities.toLocaleString('en')} deals: ${ms.toFixed(0)} ms, heap +${((after.heapUsed - before.heapUsed) / MB).toFixed(1)} MB ` +
      `(${(((after.heapUsed - before.heapUsed) / rows) | 0)} B/deal), RSS ${(after.rss / MB).toFixed(0)} MB`,
  );
}

async function load(url: string, query: string, concurrency: number): Promise<string> {
  const latencies: number[] = [];
  let failures = 0;
  const deadline = performance.now() + PHASE_MS;
  const body = JSON.stringify({ query });
  async function worker(): Promise<void> {
    while (performance.now() < deadline) {
      const started = performance.now();
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' }, body });
      const json = (await response.json()) as { errors?: unknown };
      if (json.errors) failures += 1;
      latencies.push(performance.now() - started);
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(1);
  return `${(latencies.length / seconds).toFixed(0).padStart(5)} req/s  p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  (${latencies.length} requests, ${failures} errors)`;
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  measureSeed(10_000);
  measureSeed(100_000);
  const sandbox = await startSandbox({ port: 0, apiKey: API_KEY, opportunities: 100_000, rateLimit: 10_000_000, anchor: '2026-11-26' });
  try {
    for (const [name, query] of [['60-record page', PAGE], ['groupBy stage x currency', GROUP_BY]] as const) {
      await load(sandbox.url, query, 4); // warm-up
      console.log(`100k deals, ${name.padEnd(24)} sequential: ${await load(sandbox.url, query, 1)}`);
      console.log(`100k deals, ${name.padEnd(24)} 16 at once: ${await load(sandbox.url, query, 16)}`);
    }
  } finally {
    await sandbox.close();
  }
}

void main();
