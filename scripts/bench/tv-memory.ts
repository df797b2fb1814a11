// TV memory benchmark: a real TV page (built app + demo workspace) receives 5,000 live updates,
// rotating its views every 5 s, and we compare JS heap (after forced GC) and DOM size before and
// after. The updates come from a tiny SSE server in this script, placed in front of the app as a
// reverse proxy for the page's own /events URL, so 5,000 arrive in about a minute.
// Run: npx next build && npx tsx scripts/bench/tv-memory.ts [--updates 5000] [--interval-ms 8]
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { z } from 'zod';
import { startSandbox } from '@/sandbox/index';
import type { Snapshot } from '@/lib/pipeline/types';
import { appServerArgs } from '@/tests/e2e/support/app-process';

const args = z
  .object({ updates: z.coerce.number().int().min(1).max(100_000), intervalMs: z.coerce.number().int().min(0).max(1000) })
  .parse({ ...{ updates: 5000, intervalMs: 8 }, ...pick(parseArgs({ options: { updates: { type: 'string' }, 'interval-ms': { type: 'string' } } }).values) });
const SLUG = 'pipeline';
const API_KEY = 'tv-memory-bench-key-0123456789';
const MB = 1024 * 1024;

function pick(values: { updates?: string; 'interval-ms'?: string }) {
  return { ...(values.updates ? { updates: values.updates } : {}), ...(values['interval-ms'] ? { intervalMs: values['interval-ms'] } : {}) };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up within ${ms} ms`);
}

/** The n-th synthetic update: same shape as the real snapshot, numbers and version moved on. */
function update(base: Snapshot, n: number): Snapshot {
  const bump = (micros: string) => (BigInt(micros) + BigInt(n % 97) * 1_000_000n).toString();
  return {
    ...base,
    version: `bench-${n}`,
    asOf: new Date(Date.parse(base.asOf) + (n + 1) * 1000).toISOString(),
    stages: base.stages.map((s, i) => ({ ...s, count: s.count + ((n + i) % 5), amountMicros: bump(s.amountMicros) })),
    kpis: { ...base.kpis, openCount: base.kpis.openCount + (n % 7), openValue: { ...base.kpis.openValue, amountMicros: bump(base.kpis.openValue.amountMicros) } },
    timeline: base.timeline.map((p) => ({ ...p, amountMicros: bump(p.amountMicros) })),
  };
}

/** Forwards everything to the app except the TV's event stream, which this script feeds. */
function startFront(appPort: number, onStream: (res: import('node:http').ServerResponse) => void): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith(`/api/dashboards/${SLUG}/events`)) return onStream(res);
    const upstream = httpRequest({ host: '127.0.0.1', port: appPort, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function measure(page: Page): Promise<{ heapMB: number; nodes: number; listeners: number; elements: number }> {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  await cdp.detach();
  return { heapMB: heap.usedSize / MB, nodes: dom.nodes, listeners: dom.jsEventListeners, elements };
}

async function main() {
  if (!existsSync('.next/BUILD_ID')) throw new Error('build the app first: npx next build');
  const children: ChildProcess[] = [];
  const sandbox = await startSandbox({ port: 0, apiKey: API_KEY, seed: 7, rateLimit: 6000 });
  const appPort = await freePort();
  const app = spawn(process.execPath, appServerArgs(appPort), {
    env: { ...process.env, TWENTY_API_URL: sandbox.url, TWENTY_API_KEY: API_KEY, PIPELINE_WALL_DEMO: '1', DASHBOARDS_CONFIG: 'dashboards.config.json', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
    detached: true,
  });
  children.push(app);
  let front: Server | undefined;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
  try {
    await waitFor(`http://127.0.0.1:${appPort}/api/health`, 60_000);
    const base = (await (await fetch(`http://127.0.0.1:${appPort}/api/dashboards/${SLUG}`)).json()) as Snapshot;
    let stream: import('node:http').ServerResponse | undefined;
    front = await startFront(appPort, (res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(`retry: 3000\n\nevent: snapshot\ndata: ${JSON.stringify(base)}\n\n`);
      stream = res;
    });
    const { port } = front.address() as AddressInfo;
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`http://127.0.0.1:${port}/tv/${SLUG}?rotate=5`);
    await page.getByTestId('tv-wall').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="tv-connection"]')?.getAttribute('data-state') === 'live');
    await page.waitForTimeout(2000);
    const startView = await page.getByTestId('tv-wall').getAttribute('data-view');
    const before = await measure(page);

    // Two halves, measured after each at the same slide: the first half includes the one-off
    // warm-up (every view mounted once, chunks and caches loaded); half → end shows the trend.
    const started = Date.now();
    const send = async (from: number, to: number) => {
      for (let n = from; n < to; n++) {
        stream?.write(`event: snapshot\ndata: ${JSON.stringify(update(base, n))}\n\n`);
        if (args.intervalMs > 0) await new Promise((r) => setTimeout(r, args.intervalMs));
      }
      await page.waitForFunction((v) => document.querySelector('[data-testid="tv-wall"]')?.getAttribute('data-version') === v, `bench-${to - 1}`, { timeout: 120_000 });
      await page.waitForFunction((v) => document.querySelector('[data-testid="tv-wall"]')?.getAttribute('data-view') === v, startView, { timeout: 30_000 });
      await page.waitForTimeout(1000);
      return measure(page);
    };
    const half = Math.floor(args.updates / 2);
    const middle = await send(0, half);
    const after = await send(half, args.updates);
    const seconds = (Date.now() - started) / 1000;
    const row = (label: string, m: typeof before) =>
      `${label.padEnd(8)} heap ${m.heapMB.toFixed(1).padStart(6)} MB   DOM nodes ${String(m.nodes).padStart(6)}   elements ${String(m.elements).padStart(5)}   listeners ${m.listeners}`;
    console.log(`TV memory: ${args.updates} updates in ${seconds.toFixed(1)} s (${(args.updates / seconds).toFixed(0)}/s), views rotating every 5 s, slide "${startView}"`);
    console.log(row('before', before));
    console.log(row(`@${half}`, middle));
    console.log(row('after', after));
    console.log(`growth   heap ${(after.heapMB - before.heapMB).toFixed(2)} MB (target < 10 MB), DOM nodes ${after.nodes - before.nodes}, elements ${after.elements - before.elements}`);
    console.log(`second half only: heap ${(after.heapMB - middle.heapMB).toFixed(2)} MB, DOM nodes ${after.nodes - middle.nodes}, listeners ${after.listeners - middle.listeners}`);
  } finally {
    await browser.close();
    front?.closeAllConnections();
    front?.close();
    for (const child of children) if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await sandbox.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`tv-memory: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
