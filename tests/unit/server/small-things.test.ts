import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ConfigError } from '@/lib/config/errors';
import { bannerPathOf, checkSettings } from '@/lib/server/settings-check';
import { dashboardDefaults } from '@/lib/config/dashboard-schema';
import { runScript } from './run-script';

// Issue 11's "small things": the sandbox's --help, the startup banner's link, settings checked
// before the server starts; and item 4's floor on passcode length.

const HASH = 'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const BASE = { TWENTY_API_URL: 'https://crm.example.com', TWENTY_API_KEY: 'a-long-enough-key', SESSION_PASSWORD: 'x'.repeat(40) };

function dashboardsFile(dashboards: unknown[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'pw-settings-')), 'dashboards.json');
  writeFileSync(path, JSON.stringify({ dashboards }));
  return path;
}

test('npm run sandbox -- --help prints the usage and exits 0', async () => {
  const { code, stdout, stderr } = await runScript('sandbox/cli.ts', ['--help']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toMatch(/^usage: npm run sandbox -- /);
  expect(stdout).toContain('--twenty-version');
});

test('the banner shows the first public dashboard, never a slug that does not exist', () => {
  const board = (slug: string, access: 'public' | 'link' | 'passcode') =>
    dashboardDefaults({ slug, title: slug, access, ...(access === 'passcode' ? { passcodeHash: HASH } : {}) });
  expect(bannerPathOf([board('board', 'link'), board('sales', 'public')])).toBe('/d/sales');
  expect(bannerPathOf([board('board', 'link'), board('locked', 'passcode')])).toBe('/');
  const file = dashboardsFile([{ slug: 'revenue', title: 'Revenue' }]);
  expect(checkSettings({ ...BASE, DASHBOARDS_CONFIG: file }).bannerPath).toBe('/d/revenue');
});

test('every setting the app refuses is a ConfigError naming it, before anything listens', () => {
  const file = dashboardsFile([{ slug: 'revenue', title: 'Revenue' }]);
  const cases: [Record<string, string>, string][] = [
    [{ TWENTY_API_URL: 'not a url' }, 'TWENTY_API_URL'],
    [{ EDGE_JSON_BURST: '-3' }, 'EDGE_JSON_BURST'],
    [{ PUBLIC_BASE_URL: 'ftp://wall' }, 'PUBLIC_BASE_URL'],
    [{ REDIS_URL: 'http://redis' }, 'REDIS_URL'],
    [{ DASHBOARDS_CONFIG: dashboardsFile([{ slug: 'Bad Slug', title: 'x' }]) }, 'slug'],
    [{ SESSION_PASSWORD: '', DASHBOARDS_CONFIG: dashboardsFile([{ slug: 'x', title: 'x', access: 'link' }]) }, 'SESSION_PASSWORD'],
  ];
  for (const [over, name] of cases) {
    expect(() => checkSettings({ ...BASE, DASHBOARDS_CONFIG: file, ...over }), name).toThrow(ConfigError);
    expect(() => checkSettings({ ...BASE, DASHBOARDS_CONFIG: file, ...over }), name).toThrow(name);
  }
});

test('the preflight script prints the banner path, or one line naming a bad setting and exit 1', async () => {
  const file = dashboardsFile([{ slug: 'revenue', title: 'Revenue' }]);
  const good = await runScript('scripts/preflight.ts', [], { env: { ...BASE, DASHBOARDS_CONFIG: file } });
  expect(good).toMatchObject({ code: 0, stdout: '/d/revenue\n' });
  const bad = await runScript('scripts/preflight.ts', [], { env: { ...BASE, DASHBOARDS_CONFIG: file, SSE_MAX_TOTAL: 'lots' } });
  expect(bad.code).toBe(1);
  expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  expect(bad.stderr).toContain('SSE_MAX_TOTAL');
});

test('--hash-passcode refuses a passcode shorter than 8 characters', async () => {
  const short = await runScript('scripts/share-link.ts', ['--hash-passcode'], { input: '1234567\n' });
  expect(short.code).toBe(1);
  expect(short.stderr).toContain('a passcode is 8 to 200 characters');
  expect(short.stdout).toBe('');
  const enough = await runScript('scripts/share-link.ts', ['--hash-passcode'], { input: '12345678\n' });
  expect(enough.code).toBe(0);
  expect(JSON.parse(enough.stdout)).toMatchObject({ access: 'passcode', passcodeHash: expect.stringMatching(/^scrypt\$/) });
});
