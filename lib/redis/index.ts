// Public face of lib/redis: the shared connection, snapshot store, bus, lock and nonce store.
export { createRedisConnection, sharedRedisConnection, type RedisConnection, type RedisConnectionOptions } from '@/lib/redis/connection';
export { createSnapshotStore, type SnapshotStore, type SnapshotWrite, type StoredSnapshot, type WriteResult, type RefreshFailure } from '@/lib/redis/snapshot-store';
export { createBus, type Bus, type BusEvent, type BusListener, type OutgoingBusEvent } from '@/lib/redis/bus';
export { createRefreshLock, type RefreshLock } from '@/lib/redis/lock';
export { createRedisNonceStore, type RedisNonceStoreOptions } from '@/lib/redis/nonce-store';
export { redisSettingsFromEnv, describeRedisUrl, DEFAULT_REDIS_PREFIX, type RedisSettings } from '@/lib/redis/settings';
export { classifyRedisFailure, type RedisFailure } from '@/lib/redis/failure';
