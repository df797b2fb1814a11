import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startNextProcess, startSandboxProcess } from '@/tests/e2e/support/app-process';
import { groupPids, pin, pinGroup } from './load-traffic';

// The system under load for scripts/bench/load.ts: the demo workspace and the app (server.ts) on
// loopback, wired by signed webhooks, optionally pinned so the app has a CPU of its own (the
// generator and the workspace share the other). The app runs with its default per-address
// limits unless `lifted` (then a one-address generator is never throttled).

export const KEYS = {
  app: 'load-app-key-8d2c6a4e1f9b3d7c5a0e',
  user: 'load-user-key-3b9f1d7a5c2e8f4a6d0b',
  secret: 'load-webhook-secret-6a1e9c3d7b',
  session: 'load-session-password-2f7c9e4a1b6d3e8f5a0c9b7d',
  health: 'load-health-token-4c8e2a6d1f',
};

export type LoadStackOptions = {
  dashboard: unknown;
  opportunities: number;
  lifted: boolean;
  /** CPUs for the app and for everything else (this generator, the workspace); none: no pinning. */
  cpus?: { app: number; load: number };
};

export async function startLoadStack(opts: LoadStackOptions) {
  if (opts.cpus) pin(process.pid, opts.cpus.load); // the workspace and the app inherit it; the app is moved below
  const [sandboxPort, appPort] = [await freePort(), await freePort()];
  const config = join(tmpdir(), `pipeline-wall-load-${process.pid}.json`);
  writeFileSync(config, JSON.stringify({ dashboards: [opts.dashboard] }));
  const sandbox = await startSandboxProcess([
    ...['--port', String(sandboxPort), '--api-key', KEYS.app, '--api-key', KEYS.user, '--rate-limit', '1000000'],
    ...['--opportunities', String(opts.opportunities), '--seed', '7', '--webhook-url', `http://127.0.0.1:${appPort}/api/webhooks/twenty`, '--webhook-secret', KEYS.secret],
  ]);
  const lifted = '10000000';
  const liftedLimits = {
    ...Object.fromEntries(['JSON', 'SSE', 'WEBHOOK', 'UNLOCK'].flatMap((c) => [[`EDGE_${c}_PER_MINUTE`, lifted], [`EDGE_${c}_BURST`, lifted]])),
    SSE_MAX_PER_CLIENT: '100000', SSE_MAX_TOTAL: '100000',
  };
  const app = await startNextProcess({
    port: appPort,
    env: {
      TWENTY_API_URL: sandbox.url, TWENTY_API_KEY: KEYS.app, TWENTY_WEBHOOK_SECRET: KEYS.secret, SESSION_PASSWORD: KEYS.session, HEALTH_TOKEN: KEYS.health,
      DASHBOARDS_CONFIG: config, PIPELINE_WALL_DEMO: '1', NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn',
      UPSTREAM_RETRY_MIN_MS: '1000', UPSTREAM_RETRY_MAX_MS: '5000',
      // Deliveries an overloaded app misses (Twenty never retries) are repaired by the TTL refresh.
      CACHE_TTL_MS: '15000',
      ...(opts.lifted ? liftedLimits : {}),
    },
  }).catch(async (error: unknown) => {
    await sandbox.stop();
    throw error;
  });
  const pinned = opts.cpus ? pinGroup(app.pid, opts.cpus.app) : [];

  async function crm(path: string, body: unknown): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
    const response = await fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${KEYS.user}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  }
  const appCalls = async () => {
    const log = (await (await fetch(`${sandbox.url}/__sandbox/requests`, { headers: { authorization: `Bearer ${KEYS.user}` } })).json()) as { totals: Record<string, { query: number }>; requests: { keyIndex?: number; rootFields: string[] }[] };
    return { requests: log.totals.key0?.query ?? 0, rootFields: log.requests.filter((r) => r.keyIndex === 0).reduce((n, r) => n + r.rootFields.length, 0) };
  };
  const setFault = (mode: 'down' | 'none') =>
    fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { authorization: `Bearer ${KEYS.user}` }, body: JSON.stringify({ mode }) });
  /** /api/health's detail (with the token). */
  const health = async () =>
    (await (await fetch(`${app.url}/api/health`, { headers: { authorization: `Bearer ${KEYS.health}` } })).json()) as { realtime: { received: number; streams: { open: number; refused: number } } };

  /** CPU seconds a process group has used (user + system), from /proc (clock ticks of 1/100 s). */
  const cpuSeconds = (pgid: number) =>
    groupPids(pgid).reduce((sum, pid) => {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
        return sum + (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return sum; // gone meanwhile
      }
    }, 0);
  /** Share of one CPU the app, the workspace and this generator used from now until `stop`. */
  function cpuMeter() {
    const started = { at: performance.now(), app: cpuSeconds(app.pid), sandbox: cpuSeconds(sandbox.pid), self: process.cpuUsage() };
    return () => {
      const seconds = (performance.now() - started.at) / 1000;
      const self = process.cpuUsage(started.self);
      const share = (used: number) => Math.round((100 * used) / seconds);
      return { app: share(cpuSeconds(app.pid) - started.app), workspace: share(cpuSeconds(sandbox.pid) - started.sandbox), generator: share((self.user + self.system) / 1e6) };
    };
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

  const stop = async () => {
    await app.stop();
    await sandbox.stop();
    rmSync(config, { force: true });
  };
  return { app, sandbox, pinned, crm, appCalls, setFault, health, peakRss, cpuMeter, stop };
}

export type LoadStack = Awaited<ReturnType<typeof startLoadStack>>;

/** Moves seeded deals as a CRM user would, `perSecond`; each move is one signed webhook to the app. */
export function mover(stack: LoadStack, ids: readonly string[], perSecond: number) {
  let ok = 0;
  let failed = 0;
  let running = true;
  let i = 0;
  const stages = ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL'];
  const mutation = 'mutation($id: UUID!, $data: OpportunityUpdateInput!) { updateOpportunity(id: $id, data: $data) { id } }';
  const timer = perSecond > 0 ? setInterval(() => {
    if (!running) return;
    const id = ids[i % ids.length];
    i += 1;
    const data = { stage: stages[i % stages.length], amount: { amountMicros: (1_000 + (i % 97) * 250) * 1_000_000, currencyCode: 'USD' } };
    void stack.crm('/graphql', { query: mutation, variables: { id, data } }).then((r) => (r.errors ? (failed += 1) : (ok += 1)), () => (failed += 1));
  }, 1000 / perSecond) : undefined;
  return { pause: () => (running = false), resume: () => (running = true), stop: () => clearInterval(timer), stats: () => ({ ok, failed }) };
}
