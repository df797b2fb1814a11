import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { E2E_API_KEY, E2E_SESSION_PASSWORD, E2E_WEBHOOK_SECRET } from './support/stacks';

const SECRETS = [E2E_API_KEY, E2E_WEBHOOK_SECRET, E2E_SESSION_PASSWORD];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('no secret appears in HTML, JSON or any client script', async ({ page, request }) => {
  const scripts = new Set<string>();
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) scripts.add(r.url());
  });
  await page.goto('/d/pipeline');
  await expect(page.getByTestId('stage-row').first()).toBeVisible();
  const bodies = [await page.content()];
  for (const path of ['/', '/d/pipeline', '/api/dashboards/pipeline', '/api/health']) {
    bodies.push(await (await request.get(path)).text());
  }
  expect(scripts.size).toBeGreaterThan(0);
  for (const url of scripts) bodies.push(await (await request.get(url)).text());
  // The whole built client bundle, not only what this page loaded.
  for (const file of filesUnder(join(process.env.NEXT_DIST_DIR || '.next', 'static'))) bodies.push(readFileSync(file, 'utf8'));
  for (const body of bodies) {
    for (const secret of SECRETS) expect(body.includes(secret)).toBe(false);
  }
});

test('the app sent zero mutations to the workspace', async ({ page, crm }) => {
  await page.goto('/d/pipeline');
  await expect(page.getByTestId('stage-row').first()).toBeVisible();
  const log = await crm.requests();
  const fromApp = log.filter((r) => r.keyIndex === 0);
  expect(fromApp.length).toBeGreaterThan(0);
  expect(fromApp.filter((r) => r.operationType === 'mutation')).toEqual([]);
});
