import { z } from 'zod';
import { ConfigError } from '@/lib/config/errors';

// REDIS_URL / REDIS_PREFIX, validated at the edge. Unset REDIS_URL means "everything in memory".
// Error messages name the setting, never its value: the URL may carry a password.

export const DEFAULT_REDIS_PREFIX = 'pw:';

const redisUrl = z
  .string()
  .url('must be a URL such as redis://127.0.0.1:6379')
  .refine((u) => /^rediss?:\/\//.test(u), 'must start with redis:// or rediss://');

export const redisSettingsSchema = z.object({
  REDIS_URL: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
    .pipe(redisUrl.optional()),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,32}$/, 'must be 1–32 characters of A–Z, a–z, 0–9, : _ . -')
    .default(DEFAULT_REDIS_PREFIX),
});

export type RedisSettings = { url: string; prefix: string };

/** The Redis settings, or undefined when REDIS_URL is unset (memory mode). Throws a message naming the setting. */
export function redisSettingsFromEnv(env: Record<string, string | undefined>): RedisSettings | undefined {
  const parsed = redisSettingsSchema.safeParse({ REDIS_URL: env.REDIS_URL, REDIS_PREFIX: env.REDIS_PREFIX || undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'REDIS_URL');
    throw new ConfigError(`Invalid setting: ${name} ${issue?.message.replace(/^Invalid input: /, '') ?? 'is invalid'}`);
  }
  const { REDIS_URL: url, REDIS_PREFIX: prefix } = parsed.data;
  return url === undefined ? undefined : { url, prefix };
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
