import { envSchema, type Env } from '@/lib/config/env-schema';

// LOG_LEVEL is read on its own, by the env schema's own rule, because the logger must work
// before the whole environment is known to be valid: it is what reports an invalid setting.
// Not server-only (unlike env.ts): server.ts logs from plain Node, and a log level is no secret.

/** The configured log level; a bad value logs at info here, and the startup check refuses it. */
export function getLogLevel(raw: Record<string, string | undefined> = process.env): Env['LOG_LEVEL'] {
  return envSchema.shape.LOG_LEVEL.catch('info').parse(raw.LOG_LEVEL);
}
