// JSON at framework speed: `npm run bench:json [-- --seconds 5 --rounds 4 --connections 32
// --opportunities 1000]`. Builds nothing: it runs the current build (`npx next build`; the same
// NEXT_DIST_DIR is used here) on the demo workspace, as the e2e harness starts it, and measures
// side by side in one run, over keep-alive connections: a static file of the app (/icon.svg) and
// GET /api/dashboards/<slug> (200 with the whole snapshot). The two take turns (ABBA) so drift
// from other work on the machine falls on both alike. Prints requests/s of each and JSON/static;
// the target is 75 % or more. Exit 1 when an answer is not a 200.
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { startBenchStack } from '@/tests/e2e/support/app-process';
import { getLoop, type LoopResult } from './keep-alive';

const flags = z
  .object({
    seconds: z.coerce.number().min(1).max(60).default(5),
    rounds: z.coerce.number().int().min(1).max(20).default(4),
    connections: z.coerce.number().int().min(1).max(512).default(32),
    opportunities: z.coerce.number().int().min(10).max(100_000).default(1_000),
  })
  .strict()
  .parse(Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((pair) => pair.trim().split(/\s+/))));

const TARGET = 0.75;
const STATIC_PATH = '/icon.svg';

type Tally = { requests: number; seconds: number; statuses: Record<string, number>; bytes: number };
const empty = (): Tally => ({ requests: 0, seconds: 0, statuses: {}, bytes: 0 });
function add(tally: Tally, run: LoopResult): void {
  tally.requests += run.requests;
  tally.seconds += run.seconds;
  tally.bytes += run.bytes;
  for (const [status, n] of Object.entries(run.statuses)) tally.statuses[status] = (tally.statuses[status] ?? 0) + n;
}
const rate = (t: { requests: number; seconds: number }) => (t.seconds > 0 ? t.requests / t.seconds : 0);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(7);

async function waitForSnapshot(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const response = await fetch(url);
    await response.body?.cancel();
    if (response.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} had no snapshot after 60 s`);
}

async function main() {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  if (!existsSync(join(dist, 'BUILD_ID'))) throw new Error(`no build in ${dist}: run \`NEXT_DIST_DIR=${dist} npx next build\` first (this bench builds nothing)`);
  const stack = await startBenchStack({ opportunities: flags.opportunities, version: '2.21' });
  try {
    const jsonPath = `/api/dashboards/${stack.slug}`;
    await waitForSnapshot(`${stack.appUrl}${jsonPath}`);
    const targets = { static: STATIC_PATH, json: jsonPath } as const;
    const loop = (path: string, seconds: number) => getLoop(stack.appUrl, path, { connections: flags.connections, seconds });
    // Warm both (JIT, first-use caches), uncounted.
    for (const path of Object.values(targets)) await loop(path, Math.min(2, flags.seconds));

    const tally = { static: empty(), json: empty() };
    console.log(`${flags.connections} keep-alive connections, ${flags.rounds} rounds of ${flags.seconds} s each; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs`);
    console.log('round   static req/s   json req/s   json/static');
    for (let round = 1; round <= flags.rounds; round += 1) {
      const order = round % 2 === 1 ? (['static', 'json'] as const) : (['json', 'static'] as const);
      const runs: Partial<Record<'static' | 'json', LoopResult>> = {};
      for (const kind of order) {
        runs[kind] = await loop(targets[kind], flags.seconds);
        add(tally[kind], runs[kind]);
      }
      const [s, j] = [rate(runs.static ?? empty()), rate(runs.json ?? empty())];
      console.log(`${String(round).padStart(5)}   ${fmt(s)}        ${fmt(j)}       ${(100 * (j / s)).toFixed(0).padStart(4)} %`);
    }
    const [s, j] = [rate(tally.static), rate(tally.json)];
    const ratio = j / s;
    const bodyKb = tally.json.requests > 0 ? tally.json.bytes / tally.json.requests / 1024 : 0;
    console.log(`all     ${fmt(s)}        ${fmt(j)}       ${(100 * ratio).toFixed(0).padStart(4)} %   (target ≥ ${100 * TARGET} %; JSON body ${bodyKb.toFixed(1)} KB)`);
    const bad = Object.entries({ ...prefixed('static', tally.static.statuses), ...prefixed('json', tally.json.statuses) }).filter(([key]) => !key.endsWith(' 200'));
    if (bad.length > 0) {
      console.error(`answers other than 200: ${bad.map(([key, n]) => `${key}×${n}`).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await stack.stop();
  }
}

const prefixed = (name: string, statuses: Record<string, number>) => Object.fromEntries(Object.entries(statuses).map(([status, n]) => [`${name} ${status}`, n]));

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
