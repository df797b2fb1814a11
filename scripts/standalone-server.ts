import { serveApp } from '@/lib/server/serve';

// The server.js of a standalone build (docs/deploy.md). scripts/build-standalone.mjs bundles this
// file in place of the one Next writes, so a deployment runs the same server as `npm run serve`
// (lib/server/serve.ts: the client's address and the body caps fixed before Next sees a request),
// configured as Next's own standalone server.js is: PORT, HOSTNAME (0.0.0.0 when unset; set it,
// containers often export the machine's name in it), KEEP_ALIVE_TIMEOUT, and the Next config
// recorded at build time, since a standalone directory has no next.config.js.

/** The build's Next config as JSON, written in by the bundler. */
declare const STANDALONE_NEXT_CONFIG: string;

process.chdir(__dirname);
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = STANDALONE_NEXT_CONFIG;
const keepAlive = Number.parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? '', 10);

void serveApp({
  dir: __dirname,
  port: Number.parseInt(process.env.PORT ?? '', 10) || 3000,
  hostname: process.env.HOSTNAME || '0.0.0.0',
  keepAliveTimeoutMs: Number.isFinite(keepAlive) && keepAlive >= 0 ? keepAlive : undefined,
});
