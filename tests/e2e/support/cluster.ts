import { Redis } from 'ioredis';
import { z } from 'zod';
import { startRedisServer, type RedisServer } from '../../support/redis-server';
import { appEnv, freePort, startNextProcess, startSandboxProcess, type AppProcess } from './app-process';
import { startDeliveryRelay, type DeliveryRelay } from './cluster-relay';
import { Crm, type RequestLogEntry } from './crm';
import { E2E_API_KEY, E2E_TEST_KEY, E2E_WEBHOOK_SECRET } from './stacks';

// Scale-out as processes a test or benchmark owns: one real redis-server, one demo workspace, N
// `next start` instances of the current build sharing REDIS_URL, and a relay standing in for the
// load balancer that Twenty's webhook deliveries reach. stop() ends every process started, even
// after a partial start.

export type ClusterOptions = {
  instances: number;
  opportunities?: number;
  twentyVersion?: '2.21' | '0.55';
  /** Demo workspace API calls a minute (every root field counts). */
  rateLimit?: number;
  /** App settings on top of the e2e stack's (and REDIS_URL). */
  env?: Record<string, string>;
};

export type Cluster = {
  redis: RedisServer;
  sandboxUrl: string;
  relay: DeliveryRelay;
  apps: AppProcess[];
  /** A CRM user on the workspace (its own API key, so the request log tells it from the app). */
  crm: Crm;
  /** The settings every instance runs with. */
  env: Record<string, string>;
  /** Every call the app instances made to the workspace so far (the request log's key 0). */
  appCalls(): Promise<RequestLogEntry[]>;
  /** How many instances listen on the bus right now (Redis PUBSUB NUMSUB). */
  busListeners(): Promise<number>;
  /** Resolves once `count` instances listen on the bus again (after a Redis restart). */
  waitForBusListeners(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
};

// Every client is 127.0.0.1 here, so the per-client edge limits would throttle the test itself.
const LIFTED_EDGE_LIMITS = Object.fromEntries(
  ['JSON', 'SSE', 'WEBHOOK', 'UNLOCK'].flatMap((c) => [
    [`EDGE_${c}_PER_MINUTE`, '1000000'],
    [`EDGE_${c}_BURST`, '100000'],
  ]),
);

const BUS_CHANNEL = 'pw:bus';
const numsubReply = z.tuple([z.string(), z.coerce.number()]);

async function busListenersOf(url: string): Promise<number> {
  const client = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 });
  try {
    await client.connect();
    const [, count] = numsubReply.parse(await client.pubsub('NUMSUB', BUS_CHANNEL));
    return count;
  } finally {
    client.disconnect();
  }
}

/** Calls that read the pipeline's numbers: one per snapshot refresh with the groupBy strategy. */
export function groupByCalls(entries: readonly RequestLogEntry[]): number {
  return entries.filter((e) => e.operationType === 'query' && e.rootFields.includes('opportunitiesGroupBy')).length;
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    // Apps first (they hold Redis and workspace connections), then the rest; all, whatever fails.
    const steps = cleanups.splice(0).reverse();
    for (const step of steps) await step().catch(() => {});
  };
  try {
    const redis = await startRedisServer();
    cleanups.push(() => redis.dispose());
    const relay = await startDeliveryRelay();
    cleanups.push(() => relay.close());
    const sandbox = await startSandboxProcess([
      ...['--port', '0', '--api-key', E2E_API_KEY, '--api-key', E2E_TEST_KEY, '--seed', '7'],
      ...['--twenty-version', opts.twentyVersion ?? '2.21', '--opportunities', String(opts.opportunities ?? 150)],
      ...['--rate-limit', String(opts.rateLimit ?? 600), '--webhook-url', relay.webhookUrl, '--webhook-secret', E2E_WEBHOOK_SECRET],
    ]);
    cleanups.push(() => sandbox.stop());
    const sandboxPort = Number(new URL(sandbox.url).port);
    const env = {
      ...appEnv({ sandboxPort }),
      ...LIFTED_EDGE_LIMITS,
      SSE_MAX_PER_CLIENT: '10000',
      SSE_MAX_TOTAL: '10000',
      LOG_LEVEL: 'warn',
      REDIS_URL: redis.url,
      ...opts.env,
    };
    const ports = await Promise.all(Array.from({ length: opts.instances }, () => freePort()));
    const started = await Promise.allSettled(ports.map((port) => startNextProcess({ port, env })));
    const apps: AppProcess[] = [];
    for (const result of started) if (result.status === 'fulfilled') apps.push(result.value);
    // Pushed last so stop() ends them first.
    cleanups.push(async () => {
      await Promise.all(apps.map((app) => app.stop()));
    });
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    relay.route(apps.map((app) => app.url));
    const crm = new Crm(sandbox.url);
    const waitForBusListeners = async (count: number, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      let seen = -1;
      while (Date.now() < deadline) {
        seen = await busListenersOf(redis.url).catch(() => -1);
        if (seen >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`${seen} instances on the bus after ${timeoutMs} ms, expected ${count}`);
    };
    return {
      redis,
      sandboxUrl: sandbox.url,
      relay,
      apps,
      crm,
      env,
      appCalls: async () => (await crm.requests()).filter((e) => e.keyIndex === 0),
      busListeners: () => busListenersOf(redis.url),
      waitForBusListeners,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
