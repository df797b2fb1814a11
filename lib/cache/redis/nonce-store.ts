import type { RedisConnection } from '@/lib/cache/redis/connection';
import { redisKeys } from '@/lib/cache/redis/keys';
import type { NonceStore } from '@/lib/live/webhook/nonce-store';

// Webhook replay protection shared by every instance: SET NX PX records a delivery's key (its
// signature, see lib/live/webhook/nonce-store.ts) only if no instance has, atomically. While Redis is
// unreachable it falls back to this process's memory store, so webhooks keep working; during such
// an outage a delivery replayed to ANOTHER instance is not caught (each instance only knows its
// own deliveries). One log line when the fallback starts and one when Redis takes over again.

export type RedisNonceStoreOptions = {
  redis: RedisConnection;
  /** Used while Redis is unreachable (e.g. createMemoryNonceStore(100_000)). */
  fallback: NonceStore;
  log?: (line: string) => void;
};

export function createRedisNonceStore(opts: RedisNonceStoreOptions): NonceStore {
  const keys = redisKeys(opts.redis.prefix);
  const log = opts.log ?? (() => {});
  let fallingBack = false;

  function fallBack(reason: string): void {
    if (!fallingBack) log(`nonce store: redis unavailable (${reason}), using this instance's memory`);
    fallingBack = true;
  }

  return {
    async seen(key, ttlMs) {
      if (!opts.redis.isUp()) {
        fallBack(opts.redis.failure() ?? 'down');
        return opts.fallback.seen(key, ttlMs);
      }
      try {
        const reply = await opts.redis.client.set(keys.nonce(key), '1', 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
        if (fallingBack) log('nonce store: back on redis');
        fallingBack = false;
        // Also kept locally: a replay during a later outage is then still caught on this instance,
        // and a delivery first seen here during an outage is still caught after it.
        const seenHere = await opts.fallback.seen(key, ttlMs);
        return reply !== 'OK' || seenHere;
      } catch {
        fallBack('command failed');
        return opts.fallback.seen(key, ttlMs);
      }
    },
  };
}
