import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { E2E_API_KEY, E2E_TEST_KEY, E2E_WEBHOOK_SECRET, STACKS } from './tests/e2e/support/stacks';
import { appEnv } from './tests/e2e/support/app-process';
import type { StackOptions } from './tests/e2e/support/fixtures';

// Debian's chromium first; Playwright's own browser download cannot work offline.
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (p) => p && existsSync(p),
);

const sandbox = (s: (typeof STACKS)[number]) => ({
  command: [
    'node_modules/.bin/tsx sandbox/cli.ts',
    `--port ${s.sandboxPort} --api-key ${E2E_API_KEY} --api-key ${E2E_TEST_KEY}`,
    // --canaries: every name, email and phone a dashboard may hide carries a marker (canaries.spec.ts).
    `--twenty-version ${s.version} --seed 7 --rate-limit 1200 --canaries`,
    `--webhook-url http://127.0.0.1:${s.appPort}/api/webhooks/twenty --webhook-secret ${E2E_WEBHOOK_SECRET}`,
  ].join(' '),
  port: s.sandboxPort,
  reuseExistingServer: false,
  timeout: 30_000,
  stdout: 'pipe' as const,
});

// Every test comes from 127.0.0.1, so the per-client limits would throttle the suite itself:
// they are raised here (trust.spec.ts tests them on an app of its own), and upstream retries are
// quick so the fault tests see recovery in seconds.
// The canary dashboard is one more dashboard every seeded-deal webhook refreshes: on v0.55 (one
// aggregate request per stage and currency) that doubled refresh waits at 300 calls a minute.
const TRUST_ENV = {
  UPSTREAM_CALLS_PER_MINUTE: '600',
  UPSTREAM_TIMEOUT_MS: '4000',
  UPSTREAM_RETRY_MIN_MS: '500',
  UPSTREAM_RETRY_MAX_MS: '3000',
  UPSTREAM_RATE_LIMIT_BACKOFF_MS: '2000',
  ...Object.fromEntries(['JSON', 'SSE', 'WEBHOOK', 'UNLOCK'].flatMap((c) => [[`EDGE_${c}_PER_MINUTE`, '1000000'], [`EDGE_${c}_BURST`, '100000']])),
  SSE_MAX_PER_CLIENT: '1000',
};

const app = (s: (typeof STACKS)[number]) => ({
  command: `node_modules/.bin/next start -p ${s.appPort} -H 127.0.0.1`,
  url: `http://127.0.0.1:${s.appPort}/api/health`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: 'pipe' as const,
  env: { ...appEnv(s), ...TRUST_ENV },
});

export default defineConfig<StackOptions>({
  testDir: 'tests/e2e',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-quic'],
    },
  },
  projects: STACKS.map((s) => ({
    name: s.name,
    use: { baseURL: `http://127.0.0.1:${s.appPort}`, sandboxUrl: `http://127.0.0.1:${s.sandboxPort}`, twentyVersion: s.version },
  })),
  webServer: [...STACKS.map(sandbox), ...STACKS.map(app)],
});
