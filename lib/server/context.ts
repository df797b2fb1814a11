import 'server-only';
import { getEnv } from '@/lib/config/env';
import type { Env } from '@/lib/config/env-schema';
import { dashboardsOf } from '@/lib/config/dashboards';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { createTwentyClient, type TwentyClient } from '@/lib/twenty';
import { createCallBudget, type CallBudget } from '@/lib/twenty/budget';
import { createSnapshotCache, localSource, type SnapshotCache } from '@/lib/cache';
import { createRefusals, refusalText } from '@/lib/cache/refusals';
import { createRealtimeEngine, type RealtimeEngine } from '@/lib/live/engine';
import { dealKeyerFor } from '@/lib/pipeline/deal-key';
import { createMemoryNonceStore, type NonceStore } from '@/lib/live/webhook/nonce-store';
import { TwentyError } from '@/lib/twenty/errors';
import { clusterFromEnv } from '@/lib/cache/cluster/setup';
import type { ClusterSource } from '@/lib/cache/cluster/coordinator';
import { classifyStaleReason } from './stale-reason';
import { createUpstreamMonitor, type UpstreamMonitor } from './health';
import { logger, registerLogSecrets, type LogFields } from './log';
import { processWide } from './process-wide';

// One app context per process: the dashboards, one budgeted Twenty client and one snapshot
// cache shared by every viewer and surface. Process-wide (process-wide.ts) so Next's module
// copies (route handlers vs pages) share it.

export type AppContext = {
  dashboards: Map<string, DashboardConfig>;
  twenty: TwentyClient;
  budget: CallBudget;
  cache: SnapshotCache;
  demo: boolean;
  startedAt: string;
  /** Webhook deliveries → exact snapshot updates or coalesced refreshes; reconciliation timer. */
  realtime: RealtimeEngine;
  /** What POST /api/webhooks/twenty verifies with (the nonce store is this process's memory). */
  webhooks: { secret: string | undefined; webhookId: string | undefined; toleranceMs: number; nonces: NonceStore };
  /** The CRM's state for /api/health and the operator's log (one line per change). */
  upstream: UpstreamMonitor;
  /** Present when REDIS_URL is set: snapshots, refresh lock, change events and nonces shared by instances. */
  cluster: ClusterSource | undefined;
};

/** lib/twenty's lines: a failed call is debug (the monitor reports the state change once). */
function logTwentyLine({ level, ...line }: LogFields): void {
  // The logger writes the level itself; keeping lib/twenty's would repeat the key.
  if (line.event === 'twenty.call_failed') logger.debug(line);
  else if (level === 'warn') logger.warn(line);
  else logger.info(line);
}

const retryHintOf = (err: unknown) => (err instanceof TwentyError ? err.retryAfterMs : undefined);

/** The whole wiring from validated settings (getContext uses the process env; tests pass their own). */
export function buildContext(env: Env): AppContext {
  registerLogSecrets([env.TWENTY_API_KEY, env.TWENTY_WEBHOOK_SECRET, env.SESSION_PASSWORD, env.HEALTH_TOKEN]);
  const dashboards = dashboardsOf(env.DASHBOARDS_CONFIG); // the map proxy.ts gates with
  const budget = createCallBudget({ perMinute: env.UPSTREAM_CALLS_PER_MINUTE });
  const twenty = createTwentyClient({
    apiUrl: env.TWENTY_API_URL,
    apiKey: env.TWENTY_API_KEY,
    budget,
    timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    stageOptionsTtlMs: env.STAGE_OPTIONS_TTL_MS,
    rateLimitBackoffMs: env.UPSTREAM_RATE_LIMIT_BACKOFF_MS,
    // A published Twenty dashboard's widgets on other objects than opportunities follow the cache TTL.
    widgetDataTtlMs: env.CACHE_TTL_MS,
    log: logTwentyLine,
  });
  const upstream = createUpstreamMonitor({ log: (level, fields) => logger[level](fields) });
  const demo = env.PIPELINE_WALL_DEMO === '1';
  const cluster = clusterFromEnv(env, (line) => logger.warn({ msg: line }));
  // The load path, wired once: cache → source (this process, or every instance through Redis)
  // → the realtime engine, which builds every snapshot and so knows the data behind each one
  // → lib/twenty.
  const realtime = createRealtimeEngine({
    dashboards,
    fetchData: (dashboard, now) => twenty.fetchPipelineData(dashboard, now),
    budget,
    demo,
    reconcileIntervalMs: env.RECONCILE_INTERVAL_MS,
    debounceMs: env.WEBHOOK_DEBOUNCE_MS,
    clockSkewMs: env.WEBHOOK_CLOCK_SKEW_MS,
    // Retries after an upstream error start at the backoff's first step; the cache stretches them.
    reconcileAfterErrorMs: env.UPSTREAM_RETRY_MIN_MS,
    // Twenty sends no webhook for a view or stage-option change: the dashboards in use re-read them.
    metadataWatch: { intervalMs: env.STAGE_OPTIONS_TTL_MS, pass: () => twenty.metadataPass() },
    // Top deals and ticker lines are named by keys, not Twenty's ids (one secret for every instance).
    dealKeys: dealKeyerFor(env.SESSION_PASSWORD),
  });
  // With Redis, one instance refreshes a dashboard for all; the others take its snapshot.
  const shared = cluster?.source({ loader: realtime, reuseWithinMs: env.CACHE_TTL_MS });
  const refusals = createRefusals((level, fields) => logger[level](fields));
  const cache = createSnapshotCache({
    source: shared ?? localSource((slug) => realtime.load(slug)),
    reads: realtime.reads,
    ttlMs: env.CACHE_TTL_MS,
    maxAgeMs: env.CACHE_MAX_AGE_MS,
    classify: classifyStaleReason,
    retryBackoff: { minMs: env.UPSTREAM_RETRY_MIN_MS, maxMs: env.UPSTREAM_RETRY_MAX_MS, hintOf: retryHintOf },
    // A refused dashboard is tried again when stage options are re-read (what usually fixes it).
    refusedRetryMs: env.STAGE_OPTIONS_TTL_MS > 0 ? env.STAGE_OPTIONS_TTL_MS : env.RECONCILE_INTERVAL_MS,
    onSuccess: (slug) => {
      refusals.accepted(slug);
      upstream.succeeded();
    },
    onError: (slug, error, reason, retryAt) => {
      logger.debug({ msg: 'snapshot refresh failed', slug, reason });
      // Twenty refusing one dashboard's query says nothing about reaching Twenty: that dashboard
      // is marked on its own (cache status `refused`) and the upstream state is left alone.
      if (reason === 'rejected') refusals.refused(slug, refusalText(error));
      else upstream.failed({ reason, retryAt, upstreamCode: error instanceof TwentyError ? error.upstreamCode : undefined });
    },
  });
  realtime.connect(cache);
  void shared?.start();
  realtime.startReconciler();
  const webhooks = {
    secret: env.TWENTY_WEBHOOK_SECRET,
    webhookId: env.TWENTY_WEBHOOK_ID,
    toleranceMs: env.WEBHOOK_TOLERANCE_MS,
    // Twice the tolerance of nonces at Twenty's pace is far below this; it bounds a forged flood.
    nonces: cluster ? cluster.nonces(createMemoryNonceStore(100_000)) : createMemoryNonceStore(100_000),
  };
  return { dashboards, twenty, budget, cache, demo, startedAt: new Date().toISOString(), realtime, webhooks, upstream, cluster: shared };
}

export function getContext(): AppContext {
  return processWide('context', () => buildContext(getEnv()));
}
