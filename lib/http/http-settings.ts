import type { Env } from '@/lib/config/env-schema';
import type { EdgeSettings } from '@/lib/http/request-check';

/** The edge's limits as the environment sets them (see env-schema for names and defaults). */
export function edgeSettingsFromEnv(env: Env): EdgeSettings {
  return {
    trustProxy: env.TRUST_PROXY === '1',
    publicBaseUrl: env.PUBLIC_BASE_URL,
    rules: {
      json: { perMinute: env.EDGE_JSON_PER_MINUTE, burst: env.EDGE_JSON_BURST },
      sse: { perMinute: env.EDGE_SSE_PER_MINUTE, burst: env.EDGE_SSE_BURST },
      webhook: { perMinute: env.EDGE_WEBHOOK_PER_MINUTE, burst: env.EDGE_WEBHOOK_BURST },
      unlock: { perMinute: env.EDGE_UNLOCK_PER_MINUTE, burst: env.EDGE_UNLOCK_BURST },
    },
    maxClients: env.EDGE_MAX_CLIENTS,
    sse: { perClient: env.SSE_MAX_PER_CLIENT, total: env.SSE_MAX_TOTAL },
  };
}
