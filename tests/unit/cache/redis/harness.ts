import { afterAll, beforeAll } from 'vitest';
import { createRedisConnection, type RedisConnection } from '@/lib/cache/redis/connection';
import { startRedisServer, type RedisServer } from '@/tests/support/redis-server';

// One real redis-server per test file (random free port), killed in afterAll even when tests
// fail; connections opened through `connect` are closed before it.

export type RedisHarness = {
  server(): RedisServer;
  /** A new connection (an "instance"), up before it is returned; lines it logs go to `lines`. */
  connect(opts?: { prefix?: string; lines?: string[] }): Promise<RedisConnection>;
};

let prefixes = 0;

export function redisServerForFile(): RedisHarness {
  let server: RedisServer | undefined;
  const connections: RedisConnection[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await server?.dispose();
  });
  const current = (): RedisServer => {
    if (!server) throw new Error('redis-server not started');
    return server;
  };
  return {
    server: current,
    async connect(opts = {}) {
      const lines = opts.lines;
      const connection = createRedisConnection({
        url: current().url,
        prefix: opts.prefix ?? `t${process.pid}-${(prefixes += 1)}:`,
        log: (line) => lines?.push(line),
        retry: { baseMs: 20, maxMs: 100 },
      });
      connections.push(connection);
      if (!(await connection.whenUp(5_000))) throw new Error('redis connection did not come up');
      return connection;
    },
  };
}

/** Two or more connections on one prefix: several instances of one deployment. */
export async function instances(harness: RedisHarness, count: number): Promise<RedisConnection[]> {
  const prefix = `t${process.pid}-${(prefixes += 1)}:`;
  return Promise.all(Array.from({ length: count }, () => harness.connect({ prefix })));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000, stepMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await sleep(stepMs);
  }
}
