import { randomBytes } from 'node:crypto';
import type { RedisConnection } from '@/lib/cache/redis/connection';
import { redisKeys } from '@/lib/cache/redis/keys';

// A short per-dashboard lock so that N instances make one upstream refresh, not N. SET NX PX
// takes it; only the holder's random token can release it (a holder that outlived its TTL must
// not delete the next holder's lock). It expires by itself if the holder dies.

export type RefreshLock = {
  /** The token when taken, null when another instance holds it. */
  acquire(slug: string, ttlMs: number): Promise<string | null>;
  /** true when it was still ours and is now released. */
  release(slug: string, token: string): Promise<boolean>;
  isHeld(slug: string): Promise<boolean>;
};

const RELEASE_IF_OURS = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export function createRefreshLock(redis: RedisConnection): RefreshLock {
  const keys = redisKeys(redis.prefix);
  return {
    async acquire(slug, ttlMs) {
      const token = randomBytes(16).toString('hex');
      const reply = await redis.client.set(keys.lock(slug), token, 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
      return reply === 'OK' ? token : null;
    },
    async release(slug, token) {
      const reply = await redis.client.eval(RELEASE_IF_OURS, 1, keys.lock(slug), token);
      return Number(reply) === 1;
    },
    async isHeld(slug) {
      return (await redis.client.exists(keys.lock(slug))) === 1;
    },
  };
}
