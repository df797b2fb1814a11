#!/usr/bin/env node
// `npm start`: builds the app when its sources changed (skip with `npm start -- --no-build`),
// checks the settings, then starts it (server.ts, the app's own server in front of Next). With no TWENTY_API_URL it first starts the built-in demo
// workspace, wires its signed webhooks to the app and points the app at it with a generated key —
// a live dashboard with no Twenty account. SIGTERM or SIGINT stops the app and the demo workspace
// and exits once both are gone (the app ends its event streams at once, see lib/server/shutdown.ts).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const port = env.PORT ?? '3000';
const build = !process.argv.slice(2).includes('--no-build');
/** How long the children get to stop before they are killed. */
const STOP_TIMEOUT_MS = 8_000;
const children = new Set();

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

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

let stopping = false;
/** Stops every child (signal first, SIGKILL after the timeout), then exits with `code`. */
async function stopAll(code, signal = 'SIGTERM') {
  if (stopping) return;
  stopping = true;
  const running = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
  const gone = running.map((c) => new Promise((resolve) => c.once('exit', resolve)));
  for (const child of running) child.kill(signal);
  const killer = setTimeout(() => running.forEach((c) => c.kill('SIGKILL')), STOP_TIMEOUT_MS);
  await Promise.all(gone);
  clearTimeout(killer);
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(130, 'SIGINT'));
process.on('SIGTERM', () => void stopAll(143, 'SIGTERM'));

function startDemoWorkspace(keys) {
  const args = ['sandbox/cli.ts', '--port', '0', '--api-key', keys.apiKey, '--webhook-secret', keys.secret,
    '--webhook-url', `http://127.0.0.1:${port}/api/webhooks/twenty`, '--activity', env.DEMO_ACTIVITY_MS ?? '5000'];
  const child = track(spawn(bin('tsx'), args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] }));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = /ready at (http:\/\/\S+)/.exec(line);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`the demo workspace exited (${code})`)));
  });
}

/** Every setting the app would refuse, checked before anything listens; returns the banner path. */
function preflight(settings) {
  const check = spawnSync(bin('tsx'), ['scripts/preflight.ts'], { cwd: root, env: settings, encoding: 'utf8' });
  if (check.status !== 0) {
    process.stderr.write(check.stderr || `settings check failed (${check.status})\n`);
    process.exit(1);
  }
  return check.stdout.trim() || '/';
}

if (build && needsBuild()) {
  console.log('Building the app (about 30 s, once per change)…');
  const result = spawnSync(bin('next'), ['build'], { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const demo = !env.TWENTY_API_URL;
const keys = { apiKey: `demo-${randomBytes(24).toString('hex')}`, secret: randomBytes(24).toString('hex') };
if (demo) {
  Object.assign(env, { TWENTY_API_KEY: keys.apiKey, TWENTY_WEBHOOK_SECRET: keys.secret, PIPELINE_WALL_DEMO: '1' });
  env.SESSION_PASSWORD ??= randomBytes(32).toString('hex');
}
// The demo workspace's address is known only once it listens; any address passes the check.
const bannerPath = preflight(demo ? { ...env, TWENTY_API_URL: 'http://127.0.0.1' } : env);

if (demo) {
  env.TWENTY_API_URL = await startDemoWorkspace(keys).catch((error) => {
    console.error(error.message);
    return stopAll(1);
  });
  console.log(`Demo workspace running at ${env.TWENTY_API_URL} (no Twenty account needed)`);
}

console.log(`Pipeline Wall: http://localhost:${port}${bannerPath}`);
const app = track(spawn(process.execPath, ['--require', 'tsx/cjs', 'server.ts', '-p', port], { cwd: root, env, stdio: 'inherit' }));
app.on('exit', (code, signal) => void stopAll(code ?? (signal ? 1 : 0)));
