import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { BodyCappedRequest, bodyLimitOf, type BodyLimits } from '@/lib/http/body-limit';
import { markPeerHeaderStamped, stampPeerAddress } from '@/lib/http/peer-address';

// The HTTP server in front of Next (server.ts runs it in place of `next start`). It fixes two
// facts on each request before Next sees it, both where only the socket knows them: who sent it
// (peer-address.ts) and, for the routes that read a body, how much of it may reach them
// (body-limit.ts). Everything else is Next's: `handle` is its request handler.

export type AppServerOptions = {
  bodyLimits: BodyLimits;
  /** A request the handler failed on; it has been answered 500 (as `next start` does). */
  onError: (error: unknown, request: IncomingMessage) => void;
};

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export function createAppServer(handle: RequestHandler, opts: AppServerOptions): Server {
  markPeerHeaderStamped();
  return createServer({ IncomingMessage: BodyCappedRequest }, (request, response) => {
    // Synchronously, before the parser delivers the first byte of the body.
    stampPeerAddress(request);
    const limit = bodyLimitOf(opts.bodyLimits, request.method, request.url);
    if (limit !== undefined) request.capBody(limit);
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      opts.onError(error, request);
    });
  });
}
