import { describeEnvError, envSchema, type Env } from '@/lib/config/env-schema';
import { ConfigError } from '@/lib/config/errors';

// REDIS_URL / REDIS_PREFIX are settings like any other: validated by the env schema
// (lib/config/env-schema.ts). Unset REDIS_URL means "everything in memory". Error messages name
// the setting, never its value: the URL may carry a password.

export type RedisSettings = { url: string; prefix: string };

/** What the Redis settings are read from: the validated env, or a raw environment (validated here). */
export type RedisEnv = { REDIS_URL?: string; REDIS_PREFIX?: string };

const redisEnvSchema = envSchema.pick({ REDIS_URL: true, REDIS_PREFIX: true });

/** The Redis settings, or undefined when REDIS_URL is unset (memory mode). Throws a message naming the setting. */
export function redisSettingsFromEnv(env: RedisEnv): RedisSettings | undefined {
  // Parsing is idempotent, so the validated Env passes through unchanged.
  const parsed = redisEnvSchema.safeParse({ REDIS_URL: env.REDIS_URL, REDIS_PREFIX: env.REDIS_PREFIX });
  if (!parsed.success) throw new ConfigError(`Invalid setting: ${describeEnvError(parsed.error)}`);
  return redisSettingsOf(parsed.data);
}

/** The Redis settings of an already validated env. */
export function redisSettingsOf(env: Pick<Env, 'REDIS_URL' | 'REDIS_PREFIX'>): RedisSettings | undefined {
  return env.REDIS_URL === undefined ? undefined : { url: env.REDIS_URL, prefix: env.REDIS_PREFIX };
}

/** The URL without credentials, for logs: "redis://host:6379/0". */
export function describeRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return 'redis://(unparseable)';
  }
}
