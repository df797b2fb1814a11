import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach } from 'vitest';
import { envSchema } from '@/lib/config/env-schema';
import { startSandbox, type Sandbox, type SandboxOptionsInput } from '@/sandbox/index';
import { buildContext, type AppContext } from '@/lib/server/context';
import { createLogger, replaceLogger } from '@/lib/server/log';
import type { Snapshot } from '@/lib/pipeline/types';

// The app's real wiring (lib/server/context) on a real demo workspace over loopback HTTP, with
// short timings, and every log line captured.

export const APP_KEY = 'trust-app-key-5c1e9b7d3a';
export const SLUG = 'pipeline';

export function dashboardsFile(dashboards: unknown[] = [{ slug: SLUG, title: 'Pipeline', fields: ['amount', 'stage'], topDeals: 5 }]): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-trust-'));
  const path = join(dir, 'dashboards.json');
  writeFileSync(path, JSON.stringify({ dashboards }));
  return path;
}

export type Captured = { lines: () => Record<string, unknown>[]; text: () => string; restore: () => void };

export function captureLogs(level = 'debug'): Captured {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const restore = replaceLogger(createLogger({ level, destination }));
  const text = () => chunks.join('');
  return {
    text,
    lines: () => text().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
    restore,
  };
}

export type Stack = { sandbox: Sandbox; ctx: AppContext; seen: Snapshot[]; close: () => Promise<void> };

export type StackOptions = { sandbox?: Partial<SandboxOptionsInput>; env?: Record<string, string> };

/**
 * A starter for tests that each run a stack with their logs captured: both are closed and
 * restored after every test, whether it passed or not.
 */
export function stackPerTest(): (opts?: StackOptions) => Promise<Stack & { logs: Captured }> {
  let held: { stack?: Stack; logs?: Captured } = {};
  afterEach(async () => {
    await held.stack?.close();
    held.logs?.restore();
    held = {};
  });
  return async (opts = {}) => {
    const logs = captureLogs();
    held.logs = logs;
    const stack = await startStack(opts);
    held.stack = stack;
    return { ...stack, logs };
  };
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const sandbox = await startSandbox({ port: 0, apiKey: APP_KEY, anchor: '2026-11-26', opportunities: 120, rateLimit: 100_000, ...opts.sandbox });
  const env = envSchema.parse({
    TWENTY_API_URL: sandbox.url,
    TWENTY_API_KEY: APP_KEY,
    DASHBOARDS_CONFIG: dashboardsFile(),
    CACHE_TTL_MS: '50',
    CACHE_MAX_AGE_MS: '60000',
    UPSTREAM_TIMEOUT_MS: '1000',
    UPSTREAM_RETRY_MIN_MS: '150',
    UPSTREAM_RETRY_MAX_MS: '600',
    UPSTREAM_RATE_LIMIT_BACKOFF_MS: '300',
    UPSTREAM_CALLS_PER_MINUTE: '6000',
    RECONCILE_INTERVAL_MS: '60000',
    WEBHOOK_DEBOUNCE_MS: '0',
    STAGE_OPTIONS_TTL_MS: '0',
    ...opts.env,
  });
  const ctx = buildContext(env);
  const seen: Snapshot[] = [];
  const unsubscribe = ctx.cache.subscribe(SLUG, (s) => seen.push(s));
  return {
    sandbox,
    ctx,
    seen,
    close: async () => {
      unsubscribe();
      ctx.realtime.stop();
      await sandbox.close();
    },
  };
}

export async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 8_000, label = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
