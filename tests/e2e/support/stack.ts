import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appEnv, startNextProcess, startSandboxProcess, type AppProcess, type SandboxProcess } from './app-process';
import { E2E_API_KEY, E2E_TEST_KEY, E2E_WEBHOOK_SECRET, stackPorts, type TwentyVersion } from './stacks';

// One worker's stack: a demo workspace of the project's Twenty version and the built app wired to
// it by signed webhooks, both child processes on the worker slot's own ports. Each worker owns its
// stack, so a test that edits deals, breaks the workspace or renames stages is seen by no other
// worker's tests, and any number of workers can run at once.

/** The e2e dashboards; the stack's copy lets only its own embed host page frame `shared-link`. */
export const DASHBOARDS_TEMPLATE = 'tests/e2e/dashboards.e2e.json';

// Every test comes from 127.0.0.1, so the per-client limits would throttle the suite itself:
// they are raised here (trust.spec.ts tests them on an app of its own), and upstream retries are
// quick so the fault tests see recovery in seconds.
// The canary dashboard is one more dashboard every seeded-deal webhook refreshes: on v0.55 (one
// aggregate request per stage and currency) that doubled refresh waits at 300 calls a minute.
const TRUST_ENV = {
  UPSTREAM_CALLS_PER_MINUTE: '600',
  UPSTREAM_TIMEOUT_MS: '4000',
  UPSTREAM_RETRY_MIN_MS: '500',
  UPSTREAM_RETRY_MAX_MS: '3000',
  UPSTREAM_RATE_LIMIT_BACKOFF_MS: '2000',
  ...Object.fromEntries(['JSON', 'SSE', 'WEBHOOK', 'UNLOCK'].flatMap((c) => [[`EDGE_${c}_PER_MINUTE`, '1000000'], [`EDGE_${c}_BURST`, '100000']])),
  SSE_MAX_PER_CLIENT: '1000',
};

export type RunningStack = {
  version: TwentyVersion;
  appUrl: string;
  sandboxUrl: string;
  sandboxPort: number;
  /** Origins of the two host pages embed.spec.ts serves: the dashboards file allows the first. */
  embedHosts: { allowedPort: number; blockedPort: number };
  stop(): Promise<void>;
};

type Operations = { query: number; mutation: number; subscription: number };
type RequestLog = { requests: { operationType: string; keyIndex?: number; endpoint: string; rootFields: string[] }[]; totals: Record<string, Operations> };

/** What the app's key (keyIndex 0) has asked the workspace since it started, and any non-query. */
export async function appOperations(sandboxUrl: string): Promise<{ totals: Operations; testerMutations: number; writes: string[] }> {
  const response = await fetch(`${sandboxUrl}/__sandbox/requests`, { headers: { authorization: `Bearer ${E2E_TEST_KEY}` } });
  if (!response.ok) throw new Error(`the workspace's request log answered ${response.status}`);
  const log = (await response.json()) as RequestLog;
  return {
    totals: log.totals.key0 ?? { query: 0, mutation: 0, subscription: 0 },
    testerMutations: log.totals.key1?.mutation ?? 0,
    writes: log.requests.filter((r) => r.keyIndex === 0 && r.operationType !== 'query').map((r) => `${r.operationType} ${r.endpoint} ${r.rootFields.join('+')}`),
  };
}

function dashboardsFileFor(version: TwentyVersion, allowedPort: number): string {
  const config = JSON.parse(readFileSync(DASHBOARDS_TEMPLATE, 'utf8')) as { dashboards: Record<string, unknown>[] };
  for (const dashboard of config.dashboards) {
    if (Array.isArray(dashboard.allowedOrigins)) dashboard.allowedOrigins = [`http://127.0.0.1:${allowedPort}`];
  }
  const path = join(tmpdir(), `pipeline-wall-e2e-${process.pid}-${version}-${allowedPort}.json`);
  writeFileSync(path, JSON.stringify(config));
  return path;
}

export async function startStack(version: TwentyVersion, parallelIndex: number): Promise<RunningStack> {
  const ports = stackPorts(parallelIndex);
  const dashboards = dashboardsFileFor(version, ports.embedAllowedPort);
  let sandbox: SandboxProcess | undefined;
  let app: AppProcess | undefined;
  // Both run in process groups of their own: if the worker exits without its teardown (a crash),
  // they must not outlive it and hold the slot's ports.
  const killLeftovers = () => {
    for (const pid of [app?.pid, sandbox?.pid]) {
      try {
        if (pid !== undefined) process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', killLeftovers);
  const stop = async () => {
    process.off('exit', killLeftovers);
    await app?.stop();
    await sandbox?.stop();
    rmSync(dashboards, { force: true });
  };
  try {
    sandbox = await startSandboxProcess([
      ...['--port', String(ports.sandboxPort), '--api-key', E2E_API_KEY, '--api-key', E2E_TEST_KEY],
      // --canaries: every name, email and phone a dashboard may hide carries a marker (canaries.spec.ts).
      ...['--twenty-version', version, '--seed', '7', '--rate-limit', '1200', '--canaries'],
      ...['--webhook-url', `http://127.0.0.1:${ports.appPort}/api/webhooks/twenty`, '--webhook-secret', E2E_WEBHOOK_SECRET],
    ]);
    app = await startNextProcess({ port: ports.appPort, env: { ...appEnv(ports), ...TRUST_ENV, DASHBOARDS_CONFIG: dashboards } });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    version,
    appUrl: app.url,
    sandboxUrl: sandbox.url,
    sandboxPort: ports.sandboxPort,
    embedHosts: { allowedPort: ports.embedAllowedPort, blockedPort: ports.embedBlockedPort },
    stop,
  };
}
