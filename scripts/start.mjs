#!/usr/bin/env node
// `npm start`: builds the app when its sources changed, then starts it. With no TWENTY_API_URL it
// first starts the built-in demo workspace, wires its signed webhooks to the app and points the
// app at it with a generated key — a live dashboard with no Twenty account.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const port = env.PORT ?? '3000';
const children = [];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  const buildId = join(root, env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ['app', 'components', 'lib', 'public'].filter((d) => existsSync(join(root, d)));
  const files = ['package.json', 'next.config.js', 'instrumentation.ts'].map((f) => join(root, f)).filter(existsSync);
  return Math.max(...sources.map((d) => newestMtime(join(root, d))), ...files.map((f) => statSync(f).mtimeMs)) > built;
}

function startDemoWorkspace() {
  const apiKey = `demo-${randomBytes(24).toString('hex')}`;
  const secret = randomBytes(24).toString('hex');
  const args = ['lib/sandbox/cli.ts', '--port', '0', '--api-key', apiKey, '--webhook-secret', secret,
    '--webhook-url', `http://127.0.0.1:${port}/api/webhooks/twenty`, '--activity', env.DEMO_ACTIVITY_MS ?? '5000'];
  const child = spawn(bin('tsx'), args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = /ready at (http:\/\/\S+)/.exec(line);
      if (match) resolve({ url: match[1], apiKey, secret });
    });
    child.on('exit', (code) => reject(new Error(`the demo workspace exited (${code})`)));
  });
}

function stopAll(code) {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(130));
process.on('SIGTERM', () => stopAll(143));

if (needsBuild()) {
  console.log('Building the app (about 30 s, once per change)…');
  const build = spawnSync(bin('next'), ['build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) stopAll(build.status ?? 1);
}

if (!env.TWENTY_API_URL) {
  const demo = await startDemoWorkspace();
  Object.assign(env, { TWENTY_API_URL: demo.url, TWENTY_API_KEY: demo.apiKey, TWENTY_WEBHOOK_SECRET: demo.secret, PIPELINE_WALL_DEMO: '1' });
  env.SESSION_PASSWORD ??= randomBytes(32).toString('hex');
  console.log(`Demo workspace running at ${demo.url} (no Twenty account needed)`);
}

console.log(`Pipeline Wall: http://localhost:${port}/d/pipeline`);
const app = spawn(bin('next'), ['start', '-p', port], { cwd: root, env, stdio: 'inherit' });
children.push(app);
app.on('exit', (code) => stopAll(code ?? 0));
