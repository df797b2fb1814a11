import 'server-only';
import { checkRequest, getEdge } from '@/lib/http/limits';

// The edge for routes that take a request body (webhook, unlock). proxy.ts does not run on them:
// Next buffers a body for the proxy (up to 10 MB), so a flood of large posts would be read into
// memory before anyone could refuse it. Here the refusal comes first and nothing is read.

export type RouteGuard = { refusal: Response | null; requestId: string; finish: (response: Response) => Response };

export function guardRoute(request: Request): RouteGuard {
  const url = new URL(request.url);
  const check = checkRequest(getEdge(), { url, rawUrlLength: request.url.length, headers: request.headers });
  const headers = { ...check.headers, 'x-frame-options': 'DENY' };
  return {
    refusal: check.refusal,
    requestId: check.requestId,
    finish(response) {
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
      return response;
    },
  };
}
