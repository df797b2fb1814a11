import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_API_KEY, E2E_HEALTH_TOKEN, E2E_SESSION_PASSWORD, E2E_WEBHOOK_SECRET, type Stack } from './stacks';

// The app (and the demo workspace) as processes a test or a benchmark owns: Playwright's
// webServers cannot be restarted, so tests that need a restart start their own `next start`
// with the same settings as the stack's app; benchmarks start both with their own settings.

/** The environment of a stack's app; playwright.config.ts starts its webServers with it too. */
export function appEnv(stack: Pick<Stack, 'sandboxPort'>): Record<string, string> {
  return {
    TWENTY_API_URL: `http://127.0.0.1:${stack.sandboxPort}`,
    TWENTY_API_KEY: E2E_API_KEY,
    TWENTY_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
    SESSION_PASSWORD: E2E_SESSION_PASSWORD,
    HEALTH_TOKEN: E2E_HEALTH_TOKEN,
    PIPELINE_WALL_DEMO: '1',
    DASHBOARDS_CONFIG: 'tests/e2e/dashboards.e2e.json',
    CACHE_TTL_MS: '1000',
    STAGE_OPTIONS_TTL_MS: '1000',
    UPSTREAM_CALLS_PER_MINUTE: '300',
    NEXT_TELEMETRY_DISABLED: '1',
  };
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port from the OS');
  return address.port;
}

export type AppProcess = {
  url: string;
  pid: number;
  /** The end of what it printed (stdout and stderr), for tests that wait on a log line. */
  output(): string;
  /** SIGTERM, then SIGKILL if it lingers (open SSE streams can hold a graceful stop). */
  stop(): Promise<void>;
};

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode} before it was healthy:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`app at ${url} not healthy after ${timeoutMs} ms:\n${output()}`);
}

/** Starts a stack's app from the current build (NEXT_DIST_DIR passes through) and waits for /api/health. */
export function startAppProcess(opts: { stack: Pick<Stack, 'sandboxPort'>; port: number; timeoutMs?: number }): Promise<AppProcess> {
  return startNextProcess({ port: opts.port, env: appEnv(opts.stack), timeoutMs: opts.timeoutMs });
}

/** The app's own server (server.ts, in front of Next) on 127.0.0.1:port: what `npm run serve` runs. */
export function appServerArgs(port: number): string[] {
  return ['--require', 'tsx/cjs', 'server.ts', '-p', String(port), '-H', '127.0.0.1'];
}

/** The app (appServerArgs) with these settings on top of this process's environment. */
export async function startNextProcess(opts: { port: number; env: Record<string, string>; timeoutMs?: number }): Promise<AppProcess> {
  const url = `http://127.0.0.1:${opts.port}`;
  // Its own process group, so the stop reaches whatever the app spawns, and nothing else.
  const child = spawn(process.execPath, appServerArgs(opts.port), {
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-16_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid;
  if (pid === undefined) throw new Error('the app did not spawn');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(url, child, opts.timeoutMs ?? 60_000, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid, output: () => output, stop };
}

export type SandboxProcess = { url: string; pid: number; stop(): Promise<void> };

/** The demo workspace CLI in a child process; resolves once it prints its "ready at" line. */
export async function startSandboxProcess(args: string[], timeoutMs = 30_000): Promise<SandboxProcess> {
  const child = spawn('node_modules/.bin/tsx', ['sandbox/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the demo workspace did not spawn');
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2_000)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo workspace not ready after ${timeoutMs} ms: ${errors}`)), timeoutMs);
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo workspace exited with ${code}: ${errors}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pid,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        return;
      }
      await exited;
    },
  };
}

// Keys for benchmark stacks: loopback-only throwaway values, like the e2e ones.
const BENCH = {
  appKey: 'bench-app-key-5c1e9a7d3b2f8e4a6c0d',
  userKey: 'bench-crm-user-key-2a8f6d4c1e9b7a3d5f0c',
  secret: 'bench-webhook-secret-7e3a9c1d5b',
  sessionPassword: 'bench-session-password-4d9b2e7a1c6f3e8d5a0b7c2e',
  healthToken: 'bench-health-token-6e2a9d4c1b7f',
} as const;

/** What a bench sends to read /api/health's detail (upstream, realtime, streams). */
export const BENCH_HEALTH_HEADERS = { authorization: `Bearer ${BENCH.healthToken}` };

export type BenchStack = { appUrl: string; sandboxUrl: string; slug: string; userKey: string; app: AppProcess; sandbox: SandboxProcess; stop(): Promise<void> };

/**
 * The demo workspace and the built app in two child processes, wired by signed webhooks, with one
 * public dashboard. Viewer limits are lifted (every bench client shares 127.0.0.1); the rest runs
 * with the app's defaults, including its upstream call budget.
 */
export async function startBenchStack(opts: {
  opportunities: number;
  version: '2.21' | '0.55';
  appEnv?: Record<string, string>;
  /** The bench dashboard's settings beyond slug and title (default: USD, EUR at 1.08, name/amount/stage). */
  dashboard?: Record<string, unknown>;
}): Promise<BenchStack> {
  const [sandboxPort, appPort] = [await freePort(), await freePort()];
  const config = join(tmpdir(), `pipeline-wall-bench-${process.pid}.json`);
  const slug = 'bench';
  const settings = opts.dashboard ?? { currency: 'USD', rates: { EUR: '1.08' }, fields: ['name', 'amount', 'stage'] };
  writeFileSync(config, JSON.stringify({ dashboards: [{ slug, title: 'Bench', ...settings }] }));
  const sandbox = await startSandboxProcess([
    ...['--port', String(sandboxPort), '--api-key', BENCH.appKey, '--api-key', BENCH.userKey],
    ...['--opportunities', String(opts.opportunities), '--twenty-version', opts.version, '--seed', '7', '--rate-limit', '100'],
    ...['--webhook-url', `http://127.0.0.1:${appPort}/api/webhooks/twenty`, '--webhook-secret', BENCH.secret],
  ]);
  const lifted = '1000000';
  const app = await startNextProcess({
    port: appPort,
    env: {
      TWENTY_API_URL: sandbox.url,
      TWENTY_API_KEY: BENCH.appKey,
      TWENTY_WEBHOOK_SECRET: BENCH.secret,
      SESSION_PASSWORD: BENCH.sessionPassword,
      HEALTH_TOKEN: BENCH.healthToken,
      DASHBOARDS_CONFIG: config,
      PIPELINE_WALL_DEMO: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
      ...Object.fromEntries(['EDGE_SSE_PER_MINUTE', 'EDGE_SSE_BURST', 'EDGE_JSON_PER_MINUTE', 'EDGE_JSON_BURST', 'SSE_MAX_PER_CLIENT', 'SSE_MAX_TOTAL'].map((k) => [k, lifted])),
      ...opts.appEnv,
    },
  }).catch(async (error: unknown) => {
    await sandbox.stop();
    throw error;
  });
  const stop = async () => {
    await app.stop();
    await sandbox.stop();
    rmSync(config, { force: true });
  };
  return { appUrl: app.url, sandboxUrl: sandbox.url, slug, userKey: BENCH.userKey, app, sandbox, stop };
}
