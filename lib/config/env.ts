import 'server-only';
import { describeEnvError, envSchema, type Env } from './env-schema';
import { ConfigError } from './errors';

let cached: Env | undefined;

/** The validated environment; throws ConfigError naming the bad setting. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) throw new ConfigError(`Invalid setting: ${describeEnvError(parsed.error)}`);
  cached = parsed.data;
  return cached;
}
