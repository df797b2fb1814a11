import 'server-only';
import { checkRequest, getEdge } from '@/lib/http/limits';

// The edge inside the API routes: proxy.ts runs for pages only, so every /api/ route starts with
// this (same request id, URL limits, per-client rate limit and headers as the proxy gives a page).
// Skipping the proxy spares each JSON poll a second pass through the framework, and for routes that
// take a body (webhook, unlock) it means a refusal comes before Next buffers a byte of it.

export type RouteGuard = {
  /** The edge's answer when the request is refused here (URL limits, rate limit); send it as is. */
  refusal: Response | null;
  requestId: string;
  /** The caller as every per-client limit keys it (socket address, or TRUST_PROXY's hop). */
  clientKey: string;
  url: URL;
  /** Puts the edge's headers on the route's response. */
  finish: (response: Response) => Response;
};

export function guardRoute(request: Request): RouteGuard {
  const url = new URL(request.url);
  const check = checkRequest(getEdge(), { url, rawUrlLength: request.url.length, headers: request.headers });
  const headers = Object.entries({ ...check.headers, 'x-frame-options': 'DENY' });
  return {
    refusal: check.refusal,
    requestId: check.requestId,
    clientKey: check.clientKey,
    url,
    finish(response) {
      for (const [name, value] of headers) response.headers.set(name, value);
      return response;
    },
  };
}

type Handler = (request: Request) => Response;

/**
 * What Next answers by itself for the methods a route does not serve (405, and 204 with Allow for
 * OPTIONS), but with the edge applied first, as every request to the route gets it. A route
 * exports these for OPTIONS, POST, PUT, PATCH and DELETE.
 */
export function otherMethods(allow: string): { options: Handler; notAllowed: Handler } {
  const answer = (request: Request, response: () => Response) => {
    const edge = guardRoute(request);
    return edge.refusal ?? edge.finish(response());
  };
  return {
    options: (request) => answer(request, () => new Response(null, { status: 204, headers: { allow } })),
    notAllowed: (request) => answer(request, () => new Response(null, { status: 405 })),
  };
}
