import 'server-only';
import { getEnv } from '@/lib/config/env';
import { loadDashboards } from '@/lib/config/dashboards';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { createTwentyClient, type TwentyClient } from '@/lib/twenty';
import { createCallBudget, type CallBudget } from '@/lib/twenty/budget';
import { createSnapshotCache, type SnapshotCache } from '@/lib/cache';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import { classifyStaleReason } from './stale-reason';
import { logger } from './log';

// One app context per process: the dashboards, one budgeted Twenty client and one snapshot
// cache shared by every viewer and surface. Kept on globalThis so Next's module copies
// (route handlers vs pages) share it.

export type AppContext = {
  dashboards: Map<string, DashboardConfig>;
  twenty: TwentyClient;
  budget: CallBudget;
  cache: SnapshotCache;
  demo: boolean;
  startedAt: string;
};

const KEY = Symbol.for('pipeline-wall.context');
type Holder = { [KEY]?: AppContext };

function createContext(): AppContext {
  const env = getEnv();
  const dashboards = new Map(loadDashboards(env.DASHBOARDS_CONFIG).map((d) => [d.slug, d]));
  const budget = createCallBudget({ perMinute: env.UPSTREAM_CALLS_PER_MINUTE });
  const twenty = createTwentyClient({
    apiUrl: env.TWENTY_API_URL,
    apiKey: env.TWENTY_API_KEY,
    budget,
    timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    log: (line) => logger.info(line),
  });
  const demo = env.PIPELINE_WALL_DEMO === '1';
  const cache = createSnapshotCache({
    ttlMs: env.CACHE_TTL_MS,
    maxAgeMs: env.CACHE_MAX_AGE_MS,
    classify: classifyStaleReason,
    load: async (slug) => {
      const dashboard = dashboards.get(slug);
      if (!dashboard) throw new Error(`unknown dashboard ${slug}`);
      const now = new Date();
      try {
        const data = await twenty.fetchPipelineData(dashboard, now);
        return { ...buildSnapshotContent(data, dashboard, now, { demo }), asOf: data.fetchedAt };
      } catch (error) {
        logger.warn({ msg: 'snapshot refresh failed', slug, reason: classifyStaleReason(error) });
        throw error;
      }
    },
  });
  return { dashboards, twenty, budget, cache, demo, startedAt: new Date().toISOString() };
}

export function getContext(): AppContext {
  const holder = globalThis as Holder;
  holder[KEY] ??= createContext();
  return holder[KEY];
}
