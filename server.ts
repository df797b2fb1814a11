import '@/lib/server/source-maps-off'; // first: see there
import { parseArgs } from 'node:util';
import { serveApp } from '@/lib/server/serve';

// The app's server, in place of `next start`: `npm run serve`, `npm start` (scripts/start.mjs) and
// the e2e harness run it as `node --require tsx/cjs server.ts [-p PORT] [-H HOST]` on a build from
// `next build` (tsx's require hook only: `--import tsx` adds an ESM loader thread, about 25 MB).
// It is Next's production server with the app's own HTTP listener in front (lib/server/serve.ts):
// the socket's address and the body caps are fixed on each request before Next sees it. A
// standalone build runs the same server (scripts/standalone-server.ts).

const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`Not a port: ${values.port ?? process.env.PORT}\n`);
  process.exit(1);
}

// Like `next start`: the project in the working directory, every interface unless -H says one.
void serveApp({ dir: process.cwd(), port, hostname: values.hostname });
