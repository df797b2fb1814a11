import { Redis, type RedisOptions } from 'ioredis';
import { classifyRedisFailure, type RedisFailure } from '@/lib/cache/redis/failure';
import { processWide } from '@/lib/server/process-wide';

// One command client and one subscriber connection per process. Calls fail fast while Redis is
// down (no offline queue) so callers fall back to memory at once instead of piling up requests;
// reconnection keeps trying with a capped backoff, so the process resyncs when Redis returns.
// Each up/down transition is logged exactly once; the URL (and its password) is never logged.

export type RedisConnectionOptions = {
  url: string;
  /** Keys and the bus channel start with this (default "pw:"). */
  prefix: string;
  /** One line per state transition, e.g. "redis down: refused", "redis back". */
  log?: (line: string) => void;
  /** Reconnect delay: doubles from baseMs up to maxMs (defaults 100 ms and 2 s). */
  retry?: { baseMs?: number; maxMs?: number };
  connectTimeoutMs?: number;
  /** A command with no answer after this fails (a hung Redis must not hang a snapshot load). */
  commandTimeoutMs?: number;
};

export type RedisConnection = {
  readonly prefix: string;
  /** Commands. Only use while isUp(); otherwise calls reject immediately. */
  readonly client: Redis;
  /** Pub/sub only (a subscribed connection cannot run other commands). */
  readonly subscriber: Redis;
  isUp(): boolean;
  /** The category of the last failure while down, null while up. */
  failure(): RedisFailure | null;
  /** Told on every transition; returns an unsubscribe function. */
  onStateChange(listener: (up: boolean) => void): () => void;
  /** Resolves true once up, or false after timeoutMs. */
  whenUp(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
};

type State = 'starting' | 'up' | 'down';

export function createRedisConnection(opts: RedisConnectionOptions): RedisConnection {
  const log = opts.log ?? (() => {});
  const baseMs = opts.retry?.baseMs ?? 100;
  const maxMs = opts.retry?.maxMs ?? 2_000;
  const options: RedisOptions = {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: opts.connectTimeoutMs ?? 2_000,
    commandTimeout: opts.commandTimeoutMs ?? 2_000,
    // Never give up: an instance that stopped retrying could never resync. The delay is capped.
    retryStrategy: (times) => Math.min(maxMs, baseMs * 2 ** Math.min(times - 1, 16)),
  };
  const client = new Redis(opts.url, { ...options, connectionName: 'pw-commands' });
  const subscriber = new Redis(opts.url, { ...options, connectionName: 'pw-bus' });
  const listeners = new Set<(up: boolean) => void>();
  const ready = { client: false, subscriber: false };
  let state: State = 'starting';
  let lastFailure: RedisFailure = 'closed';
  let closing = false;

  function transition(): void {
    if (closing) return;
    const next: State = ready.client && ready.subscriber ? 'up' : 'down';
    if (next === state || (next === 'down' && state === 'starting' && lastFailure === 'closed')) return;
    const previous = state;
    state = next;
    if (next === 'up') log(previous === 'starting' ? 'redis up' : 'redis back');
    else log(`redis down: ${lastFailure}`);
    for (const listener of [...listeners]) {
      try {
        listener(next === 'up');
      } catch {
        // A faulty listener must not stop the others from hearing the transition.
      }
    }
  }

  for (const [name, conn] of [['client', client], ['subscriber', subscriber]] as const) {
    conn.on('ready', () => {
      ready[name] = true;
      transition();
    });
    conn.on('error', (error: unknown) => {
      lastFailure = classifyRedisFailure(error);
      // An error before the first connection: say so once rather than wait for a 'close'.
      if (state === 'starting') transition();
    });
    conn.on('close', () => {
      ready[name] = false;
      transition();
    });
  }
  // Connect in the background: startup never waits for Redis, and isUp() reflects reality early.
  void client.connect().catch(() => {});
  void subscriber.connect().catch(() => {});

  return {
    prefix: opts.prefix,
    client,
    subscriber,
    isUp: () => state === 'up',
    failure: () => (state === 'up' ? null : lastFailure),
    onStateChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    whenUp(timeoutMs) {
      if (state === 'up') return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          unsubscribe();
          resolve(false);
        }, timeoutMs);
        timer.unref?.();
        const onChange = (up: boolean) => {
          if (!up) return;
          clearTimeout(timer);
          unsubscribe();
          resolve(true);
        };
        listeners.add(onChange);
        const unsubscribe = () => listeners.delete(onChange);
      });
    },
    async close() {
      closing = true;
      listeners.clear();
      client.disconnect();
      subscriber.disconnect();
    },
  };
}

/** The process's one connection (process-wide, so Next's module copies share it). */
export function sharedRedisConnection(opts: RedisConnectionOptions): RedisConnection {
  return processWide('redis', () => createRedisConnection(opts));
}
