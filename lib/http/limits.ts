import 'server-only';
import { getEnv } from '@/lib/config/env';
import { createEdge, type Edge } from '@/lib/http/request-check';
import { peerHeaderTrusted } from '@/lib/http/peer-address';
import { edgeSettingsFromEnv } from '@/lib/http/http-settings';
import { processWide } from '@/lib/server/process-wide';

// The process's one edge (limiter buckets and SSE slots), shared by proxy.ts and the routes
// (process-wide: Next loads the proxy and route handlers as separate module graphs).

export { checkRequest, clientKeyFor, edgeRefusal, type Edge, type EdgeCheck } from '@/lib/http/request-check';
export { REQUEST_ID_HEADER } from '@/lib/http/request-id';

export function getEdge(): Edge {
  return processWide('edge', () => createEdge(edgeSettingsFromEnv(getEnv()), { peerHeaderTrusted }));
}
