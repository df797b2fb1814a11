import { z } from 'zod';

// Every setting the app reads from the environment, validated once. The schema holds no values:
// reading them is lib/config/env.ts's job (server-only, as secrets are among them). The README's
// env table and .env.example list every key (a unit test holds them to it).

const intFromEnv = (def: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(def);

const optionalSecret = (min: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.string().min(min).optional());

export const DEFAULT_REDIS_PREFIX = 'pw:';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const logLevelSchema = z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info');

export const envSchema = z.object({
  TWENTY_API_URL: z
    .string({ error: 'is required (the base URL of your Twenty server, e.g. https://crm.example.com)' })
    .url('must be a URL such as https://crm.example.com')
    .refine((u) => /^https?:/.test(u), 'must use http or https')
    .transform((u) => u.replace(/\/+$/, '').replace(/\/graphql$/, '')),
  TWENTY_API_KEY: z.string({ error: 'is required (a Twenty API key with a read-only role)' }).min(10, 'looks too short for a Twenty API key'),
  TWENTY_WEBHOOK_SECRET: optionalSecret(8),
  /** The id of the Twenty webhook that posts to this app: deliveries of any other webhook are refused. */
  TWENTY_WEBHOOK_ID: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.uuid('must be the webhook\'s id, a UUID such as 0b9e6f6c-…').optional()),
  SESSION_PASSWORD: optionalSecret(32),
  /** Unlocks /api/health's detail (`Authorization: Bearer <token>`); unset, only `{ok, build}` is shown. */
  HEALTH_TOKEN: optionalSecret(16),
  DASHBOARDS_CONFIG: z.string().default('dashboards.config.json'),
  PORT: intFromEnv(3000, 1, 65535),
  PIPELINE_WALL_DEMO: z.enum(['0', '1']).default('0'),
  UPSTREAM_CALLS_PER_MINUTE: intFromEnv(60, 1, 6000),
  UPSTREAM_TIMEOUT_MS: intFromEnv(10_000, 100, 120_000),
  CACHE_TTL_MS: intFromEnv(60_000, 0, 86_400_000),
  CACHE_MAX_AGE_MS: intFromEnv(600_000, 1_000, 86_400_000),
  /** Twenty sends no webhook when stage options change, so they are re-read this often. */
  STAGE_OPTIONS_TTL_MS: intFromEnv(60_000, 0, 86_400_000),
  RECONCILE_INTERVAL_MS: intFromEnv(300_000, 1_000, 86_400_000),
  WEBHOOK_TOLERANCE_MS: intFromEnv(300_000, 1_000, 86_400_000),
  /** How long a burst of webhook deliveries is gathered into one refresh. */
  WEBHOOK_DEBOUNCE_MS: intFromEnv(150, 0, 10_000),
  /** Allowed difference between Twenty's clock and ours when ordering a delivery against a fetch. */
  WEBHOOK_CLOCK_SKEW_MS: intFromEnv(1_000, 0, 600_000),
  /**
   * Where viewers reach this app (scheme, host, port). Share links start with it, and when set it is
   * the only Origin /api/unlock accepts; unset, the request's own host is. Empty means unset.
   */
  PUBLIC_BASE_URL: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(
      z
        .string()
        .url('must be a URL such as https://wall.example.com')
        .refine((u) => /^https?:/.test(u), 'must use http or https')
        .transform((u) => u.replace(/\/+$/, ''))
        .optional(),
    ),
  LOG_LEVEL: logLevelSchema,
  /** Unset, everything stays in this process's memory; set, every instance shares snapshots through Redis. */
  REDIS_URL: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
    .pipe(
      z
        .string()
        .url('must be a URL such as redis://127.0.0.1:6379')
        .refine((u) => /^rediss?:\/\//.test(u), 'must start with redis:// or rediss://')
        .optional(),
    ),
  /** Prefixes every key, so several walls can share one Redis. An empty value means the default. */
  REDIS_PREFIX: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.string().regex(/^[A-Za-z0-9:_.-]{1,32}$/, 'must be 1–32 characters of A–Z, a–z, 0–9, : _ . -').default(DEFAULT_REDIS_PREFIX)),
  /** 1 only behind a reverse proxy that sets X-Forwarded-For; otherwise the socket address is the client. */
  TRUST_PROXY: z.enum(['0', '1'], { error: 'must be 0 or 1' }).default('0'),
  /**
   * Per-address token buckets (requests a minute, and the burst allowed at once) for each public
   * route class. One address can be a whole office behind NAT: the defaults let 1,000 screens poll
   * the JSON every 10 s and 1,000 streams reconnect at once after a restart.
   */
  EDGE_JSON_PER_MINUTE: intFromEnv(12_000, 1, 10_000_000),
  EDGE_JSON_BURST: intFromEnv(2_000, 1, 10_000_000),
  EDGE_SSE_PER_MINUTE: intFromEnv(2_000, 1, 10_000_000),
  EDGE_SSE_BURST: intFromEnv(1_000, 1, 10_000_000),
  EDGE_WEBHOOK_PER_MINUTE: intFromEnv(12_000, 1, 10_000_000),
  EDGE_WEBHOOK_BURST: intFromEnv(2_000, 1, 10_000_000),
  EDGE_UNLOCK_PER_MINUTE: intFromEnv(600, 1, 10_000_000),
  EDGE_UNLOCK_BURST: intFromEnv(200, 1, 10_000_000),
  /** Clients tracked at once by the limiter; the least recently seen are forgotten beyond it. */
  EDGE_MAX_CLIENTS: intFromEnv(50_000, 100, 10_000_000),
  /** Open event streams: a hard cap per address and in total (past 80 % of it, fair share applies). */
  SSE_MAX_PER_CLIENT: intFromEnv(1_000, 1, 1_000_000),
  SSE_MAX_TOTAL: intFromEnv(5_000, 1, 1_000_000),
  /** First retry after an upstream failure; doubled per failure up to the max (Twenty's retry hints win). */
  UPSTREAM_RETRY_MIN_MS: intFromEnv(5_000, 100, 3_600_000),
  UPSTREAM_RETRY_MAX_MS: intFromEnv(120_000, 100, 3_600_000),
  /** How long to back off when Twenty says "too many requests" without saying for how long. */
  UPSTREAM_RATE_LIMIT_BACKOFF_MS: intFromEnv(60_000, 100, 3_600_000),
});

export type Env = z.infer<typeof envSchema>;

/** One line naming the first bad setting, never its value (it may be a secret). */
export function describeEnvError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid environment';
  const name = String(issue.path[0] ?? 'environment');
  return `${name} ${issue.message.replace(/^Invalid input: /, '')}`;
}
