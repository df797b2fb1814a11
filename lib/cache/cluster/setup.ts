import 'server-only';
import { createClusterSource, type ClusterSource, type ClusterSourceOptions } from '@/lib/cache/cluster/coordinator';
import { newInstanceId } from '@/lib/cache/cluster/instance-id';
import { sharedRedisConnection, type RedisConnection } from '@/lib/cache/redis/connection';
import { createRedisNonceStore } from '@/lib/cache/redis/nonce-store';
import { describeRedisUrl, redisSettingsFromEnv, type RedisEnv } from '@/lib/cache/redis/redis-settings';
import type { NonceStore } from '@/lib/live/webhook/nonce-store';

// The one call lib/server/context.ts makes: undefined without REDIS_URL (everything stays in
// memory), otherwise the process's Redis connection and the pieces built on it. Reads REDIS_URL,
// which may carry a password, hence server-only.

export type ClusterSetup = {
  redis: RedisConnection;
  instanceId: string;
  /** The snapshot cache's source, shared by every instance (see createClusterSource). */
  source(opts: Omit<ClusterSourceOptions, 'redis' | 'instanceId' | 'log'>): ClusterSource;
  /** Webhook replay protection shared by every instance; `fallback` serves while Redis is down. */
  nonces(fallback: NonceStore): NonceStore;
};

export function clusterFromEnv(env: RedisEnv, log: (line: string) => void): ClusterSetup | undefined {
  const settings = redisSettingsFromEnv(env);
  if (!settings) return undefined;
  const redis = sharedRedisConnection({ url: settings.url, prefix: settings.prefix, log });
  const instanceId = newInstanceId();
  log(`cluster: instance ${instanceId} on ${describeRedisUrl(settings.url)} (prefix "${settings.prefix}")`);
  return {
    redis,
    instanceId,
    source: (opts) => createClusterSource({ ...opts, redis, instanceId, log }),
    nonces: (fallback) => createRedisNonceStore({ redis, fallback, log }),
  };
}
