// Public face of lib/redis: the shared connection, snapshot store, bus, lock and nonce store.
export { createRedisConnection, sharedRedisConnection, type RedisConnection, type RedisConnectionOptions } from '@/lib/cache/redis/connection';
export { createSnapshotStore, type SnapshotStore, type SnapshotWrite, type StoredSnapshot, type WriteResult, type RefreshFailure } from '@/lib/cache/redis/snapshot-store';
export { createBus, type Bus, type BusEvent, type BusListener, type OutgoingBusEvent } from '@/lib/cache/redis/bus';
export { createRefreshLock, type RefreshLock } from '@/lib/cache/redis/lock';
export { createRedisNonceStore, type RedisNonceStoreOptions } from '@/lib/cache/redis/nonce-store';
export { redisSettingsFromEnv, describeRedisUrl, DEFAULT_REDIS_PREFIX, type RedisSettings } from '@/lib/cache/redis/redis-settings';
export { classifyRedisFailure, type RedisFailure } from '@/lib/cache/redis/failure';
