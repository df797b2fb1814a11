// The demo workspace's HTTP layer is a chain of small async handlers, so behaviours such as
// fault injection wrap the endpoints as one middleware instead of living inside them.
import type { IncomingHttpHeaders } from 'node:http';

export type SandboxRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };
export type SandboxResponse = { status: number; headers: Record<string, string>; body: string } | { destroySocket: true };
export type Handler = (req: SandboxRequest) => Promise<SandboxResponse>;
export type Middleware = (req: SandboxRequest, next: Handler) => Promise<SandboxResponse>;

export function compose(middlewares: Middleware[], handler: Handler): Handler {
  return middlewares.reduceRight<Handler>((next, middleware) => (req) => middleware(req, next), handler);
}
