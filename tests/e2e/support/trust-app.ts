import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appServerArgs, freePort } from './app-process';
import { E2E_API_KEY, E2E_HEALTH_TOKEN, E2E_SESSION_PASSWORD, E2E_TEST_KEY, E2E_WEBHOOK_SECRET } from './stacks';

// An app process a trust test owns, with its own settings (tight limits, a workspace that is down
// from the start…) and its whole output kept, so tests can read its log lines and exit code.

export type OwnApp = { url: string; output: () => string; stop: () => Promise<void> };

export function ownAppEnv(sandboxUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next',
    NEXT_TELEMETRY_DISABLED: '1',
    TWENTY_API_URL: sandboxUrl,
    TWENTY_API_KEY: E2E_API_KEY,
    TWENTY_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
    SESSION_PASSWORD: E2E_SESSION_PASSWORD,
    HEALTH_TOKEN: E2E_HEALTH_TOKEN,
    DASHBOARDS_CONFIG: 'tests/e2e/dashboards.e2e.json',
    CACHE_TTL_MS: '1000',
    STAGE_OPTIONS_TTL_MS: '1000',
    UPSTREAM_TIMEOUT_MS: '3000',
    UPSTREAM_RETRY_MIN_MS: '300',
    UPSTREAM_RETRY_MAX_MS: '1500',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/** Runs the app to its end (for settings that must stop it): exit code and output. */
export async function runToExit(env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, appServerArgs(port), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** `port`: when the workspace must know the app's address first (its webhooks); otherwise a free one. */
export async function startOwnApp(env: NodeJS.ProcessEnv, port?: number): Promise<OwnApp> {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, appServerArgs(port), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { url, output: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`app not healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** A file with the e2e dashboards, for tests that need to start an app with a broken one. */
export function dashboardsFileWith(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-trust-e2e-'));
  const path = join(dir, 'dashboards.json');
  writeFileSync(path, text);
  return path;
}

/** Headers of a delivery signed the way Twenty signs one. */
export function signedHeaders(body: string, secret = E2E_WEBHOOK_SECRET): Record<string, string> {
  const timestamp = String(Date.now());
  return {
    'content-type': 'application/json',
    'x-twenty-webhook-timestamp': timestamp,
    'x-twenty-webhook-signature': createHmac('sha256', secret).update(`${timestamp}:${body}`, 'utf8').digest('hex'),
    'x-twenty-webhook-nonce': randomBytes(16).toString('hex'),
  };
}

export async function setFault(sandboxUrl: string, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandboxUrl}/__sandbox/faults`, {
    method: 'POST',
    headers: { authorization: `Bearer ${E2E_TEST_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!response.ok) throw new Error(`fault not set: ${response.status} ${await response.text()}`);
}
