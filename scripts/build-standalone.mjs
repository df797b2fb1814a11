#!/usr/bin/env node
// `npm run build:standalone`: the self-contained server of docs/deploy.md, in .next/standalone
// (or $NEXT_DIST_DIR/standalone). Next writes that directory (output: 'standalone') with a
// server.js of its own, which would serve without the app's server in front (no socket address
// for per-client limits, no body caps where bytes arrive). That file is replaced by
// scripts/standalone-server.ts, bundled with what it imports; Next itself stays outside the
// bundle, taken from the standalone node_modules. Next leaves out the static files, public/ and
// the dashboards file: they are copied in.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const distDir = join(root, process.env.NEXT_DIST_DIR || '.next');
const standalone = join(distDir, 'standalone');
const env = { ...process.env, NEXT_OUTPUT: 'standalone', NEXT_TELEMETRY_DISABLED: '1' };

const next = spawnSync(join(root, 'node_modules', '.bin', 'next'), ['build'], { cwd: root, env, stdio: 'inherit' });
if (next.status !== 0) process.exit(next.status ?? 1);

const { config } = JSON.parse(readFileSync(join(distDir, 'required-server-files.json'), 'utf8'));
await build({
  entryPoints: [join(root, 'scripts', 'standalone-server.ts')],
  outfile: join(standalone, 'server.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['next'],
  tsconfig: join(root, 'tsconfig.json'),
  define: { STANDALONE_NEXT_CONFIG: JSON.stringify(JSON.stringify(config)) },
  logLevel: 'warning',
});

const standaloneDist = join(standalone, process.env.NEXT_DIST_DIR || '.next');
cpSync(join(distDir, 'static'), join(standaloneDist, 'static'), { recursive: true });
if (existsSync(join(root, 'public'))) cpSync(join(root, 'public'), join(standalone, 'public'), { recursive: true });
cpSync(join(root, 'dashboards.config.json'), join(standalone, 'dashboards.config.json'));
console.log(`Standalone server: cd ${standalone} && HOSTNAME=127.0.0.1 PORT=3000 node server.js`);
