import 'server-only';
import { getEnv } from '@/lib/config/env';
import { createEdge, type Edge } from '@/lib/http/request-check';
import { peerHeaderTrusted } from '@/lib/http/peer-address';
import { edgeSettingsFromEnv } from '@/lib/http/http-settings';

// The process's one edge (limiter buckets and SSE slots), shared by proxy.ts and the routes;
// on globalThis because Next loads the proxy and route handlers as separate module graphs.

export { checkRequest, clientKeyFor, edgeRefusal, type Edge, type EdgeCheck } from '@/lib/http/request-check';
export { REQUEST_ID_HEADER } from '@/lib/http/request-id';

const KEY = Symbol.for('pipeline-wall.edge');
type Holder = { [KEY]?: Edge };

export function getEdge(): Edge {
  const holder = globalThis as Holder;
  holder[KEY] ??= createEdge(edgeSettingsFromEnv(getEnv()), { peerHeaderTrusted });
  return holder[KEY];
}
