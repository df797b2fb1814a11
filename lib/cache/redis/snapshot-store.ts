import type { RedisConnection } from '@/lib/cache/redis/connection';
import { redisKeys } from '@/lib/cache/redis/keys';
import { decodeStored, encodeBody, encodeData, type StoredSnapshot } from '@/lib/cache/redis/stored-snapshot';

// Snapshots shared by every instance. A write is refused when Redis already holds a newer one:
// newer = answers a later invalidation generation, or the same generation with a later asOf. The
// check and the write are one Lua script, so two instances racing cannot interleave them.

export type { StoredSnapshot } from '@/lib/cache/redis/stored-snapshot';

export type SnapshotWrite = Omit<StoredSnapshot, 'generation' | 'slug' | 'loadedAt' | 'dataIsCurrent'> & {
  /** The generation the content answers; 'current' = whatever Redis holds now (exact updates). */
  generation: number | 'current';
  /** When the content was last read from the CRM; 'previous' keeps the stored one (exact updates). */
  loadedAt: number | 'previous';
};

export type WriteResult = { stored: boolean; generation: number };

export type SnapshotStore = {
  read(slug: string): Promise<StoredSnapshot | null>;
  write(slug: string, record: SnapshotWrite): Promise<WriteResult>;
  generation(slug: string): Promise<number>;
  /** Records an invalidation; returns the new generation. */
  bumpGeneration(slug: string): Promise<number>;
  /** Remembers for ttlMs that a refresh failed (kind: the error's category); a stored success clears it. */
  markFailed(slug: string, failure: RefreshFailure, ttlMs: number): Promise<void>;
  lastFailure(slug: string): Promise<RefreshFailure | null>;
};

export type RefreshFailure = { kind: string; at: number };

const WRITE_IF_NEWER = `
local gen = ARGV[1]
if gen == '' then gen = redis.call('GET', KEYS[2]) or '0' end
gen = tonumber(gen)
local at = tonumber(ARGV[2])
local old = redis.call('HMGET', KEYS[1], 'gen', 'at', 'loaded')
if old[1] then
  local oldGen = tonumber(old[1])
  local oldAt = tonumber(old[2]) or 0
  if oldGen > gen or (oldGen == gen and oldAt > at) then return {0, oldGen} end
end
local loaded = ARGV[6]
if loaded == '' then loaded = old[3] or '0' end
redis.call('HSET', KEYS[1], 'gen', gen, 'at', at, 'stored', ARGV[3], 'body', ARGV[4], 'loaded', loaded)
if ARGV[7] == '' then
  redis.call('HSET', KEYS[1], 'cur', '0')
else
  redis.call('HSET', KEYS[1], 'data', ARGV[7], 'cur', '1')
end
redis.call('DEL', KEYS[3])
local ttl = tonumber(ARGV[5])
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
return {1, gen}`;

export type SnapshotStoreOptions = {
  /** Entries no instance has refreshed for this long disappear (default one day; 0 = never). */
  entryTtlMs?: number;
};

export function createSnapshotStore(redis: RedisConnection, opts: SnapshotStoreOptions = {}): SnapshotStore {
  const keys = redisKeys(redis.prefix);
  const entryTtlMs = opts.entryTtlMs ?? 86_400_000;

  return {
    async read(slug) {
      const values = await redis.client.hmget(keys.snapshot(slug), 'gen', 'stored', 'loaded', 'body', 'data', 'cur');
      const [gen, stored, loaded, body, data, cur] = values.map((v) => v ?? null);
      return decodeStored(slug, { gen: gen ?? null, stored: stored ?? null, loaded: loaded ?? null, body: body ?? null, data: data ?? null, cur: cur ?? null });
    },
    async write(slug, record) {
      const at = Date.parse(record.content.asOf);
      const reply = await redis.client.eval(
        WRITE_IF_NEWER,
        3,
        keys.snapshot(slug),
        keys.generation(slug),
        keys.failure(slug),
        record.generation === 'current' ? '' : String(record.generation),
        String(Number.isFinite(at) ? at : 0),
        String(record.storedAt),
        encodeBody(record),
        String(entryTtlMs),
        record.loadedAt === 'previous' ? '' : String(record.loadedAt),
        record.data === undefined ? '' : encodeData(record.data),
      );
      const [stored, generation] = Array.isArray(reply) ? reply : [];
      return { stored: Number(stored) === 1, generation: Number(generation ?? 0) };
    },
    async generation(slug) {
      const value = await redis.client.get(keys.generation(slug));
      const n = Number(value ?? '0');
      return Number.isFinite(n) ? n : 0;
    },
    bumpGeneration: (slug) => redis.client.incr(keys.generation(slug)),
    async markFailed(slug, failure, ttlMs) {
      await redis.client.set(keys.failure(slug), `${failure.at}:${failure.kind}`, 'PX', Math.max(1, Math.round(ttlMs)));
    },
    async lastFailure(slug) {
      const value = await redis.client.get(keys.failure(slug));
      const match = value === null ? null : /^(\d+):([a-z_]{1,32})$/.exec(value);
      return match?.[1] && match[2] ? { at: Number(match[1]), kind: match[2] } : null;
    },
  };
}
