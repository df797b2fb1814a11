import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { PROJECTS } from './tests/e2e/support/stacks';
import type { StackOptions } from './tests/e2e/support/fixtures';

// Debian's chromium first; Playwright's own browser download cannot work offline.
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (p) => p && existsSync(p),
);

// Each worker starts its own stack (demo workspace + app, tests/e2e/support/stack.ts) on ports of
// its own, so the specs share no state and may run on several workers. E2E_WORKERS (or
// --workers) overrides the count measured fastest for CI on a 2-core machine.
const workers = Number(process.env.E2E_WORKERS ?? 2);

export default defineConfig<StackOptions>({
  testDir: 'tests/e2e',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  workers,
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
  projects: PROJECTS.map((p) => ({ name: p.name, use: { twentyVersion: p.version } })),
});
