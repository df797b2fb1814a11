import type { Server } from 'node:http';
import next from 'next';
import { createAppServer } from '@/lib/http/app-server';
import { MAX_UNLOCK_BYTES } from '@/lib/access/unlock-request';
import { MAX_WEBHOOK_BYTES } from '@/lib/live/webhook/max-bytes';
import { logger } from './log';

// The app's server process, in place of `next start` (server.ts runs it; so does a standalone
// build's server.js, scripts/standalone-server.ts). It owns the HTTP listener so that what only
// the socket knows is fixed on each request before Next sees it, with no patching of Node
// (lib/http/app-server.ts): the client's address and the body caps below. The rest is Next's
// production server through its documented custom-server API (next() + getRequestHandler):
// proxy.ts, the routes and instrumentation.ts (the settings check, the shutdown of streams and
// background work) run as under `next start`. Loaded outside Next's bundles: nothing it imports
// may import 'server-only'.

/** The routes that read a body, and the most of it each may receive. */
const BODY_LIMITS = { '/api/unlock': MAX_UNLOCK_BYTES, '/api/webhooks/twenty': MAX_WEBHOOK_BYTES };

const EXIT_CODES = { SIGTERM: 143, SIGINT: 130 } as const;

export type ServeOptions = {
  /** The project (or standalone) directory: Next finds the build there. */
  dir: string;
  port: number;
  /** Undefined: every interface. */
  hostname: string | undefined;
  /** How long an idle keep-alive connection stays open; Node's default when undefined. */
  keepAliveTimeoutMs?: number | undefined;
};

/**
 * On SIGTERM or SIGINT: stop accepting, let answers in flight finish, close Next, exit. Open event
 * streams are ended at once by the app's own handler (lib/server/shutdown.ts, installed at startup),
 * which also exits after a grace period if a connection still lingers.
 */
function closeOnSignal(server: Server, app: { close(): Promise<void> }): void {
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      server.close(() => void app.close().finally(() => process.exit(EXIT_CODES[signal])));
    });
  }
}

/** Listens, then loads Next; a failure to do either ends the process with one line. */
export async function serveApp({ dir, port, hostname, keepAliveTimeoutMs }: ServeOptions): Promise<void> {
  const app = next({ dev: false, dir, port, hostname });
  // Listening first, as `next start` does: a request (a webhook delivery, a screen reconnecting)
  // that comes while Next loads waits for it instead of being refused. Preparing loads the build
  // and runs instrumentation.ts, where bad settings end the process with one line.
  const prepared = app.prepare();
  prepared.catch(fail); // at once, not only after listening: a missing build must not wait for the port
  const handle = app.getRequestHandler();
  const server = createAppServer(
    async (request, response) => {
      await prepared;
      await handle(request, response);
    },
    {
      bodyLimits: BODY_LIMITS,
      onError: (error, request) => logger.error({ msg: 'request failed', method: request.method, path: request.url?.split('?')[0], error: String(error) }),
    },
  );
  if (keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = keepAliveTimeoutMs;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  }).catch(fail);
  closeOnSignal(server, app);
  await prepared;
  const address = server.address();
  logger.info({ msg: 'listening', port: typeof address === 'object' && address ? address.port : port, hostname: hostname ?? 'all interfaces' });
}

function fail(error: unknown): never {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
